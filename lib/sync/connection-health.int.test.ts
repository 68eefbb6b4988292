import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { createConnection } from "@/db/queries/connections";
import { nextDueAt } from "@/lib/schedules/due";
import { listScheduledConnections } from "@/lib/schedules/scheduled-connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import type { WebhookConfig } from "@/lib/alerts/notify";
import { ConnectorError, type ConnectorErrorKind } from "@/lib/connectors/errors";
import { MAX_CONSECUTIVE_FAILURES } from "./connection-health";
import { requestResync } from "@/lib/actions/request-resync";
import { SyncFailedError, syncConnection } from "./sync-connection";
import { demoAt } from "./test-support";

let h: DbHandle;
let ownerId: string;
const posted: unknown[] = [];
const webhook: WebhookConfig = {
  url: "https://hooks.example.test/alerts",
  format: "json",
  fetch: async (_url, init) => {
    posted.push(JSON.parse(String(init?.body)));
    return new Response(null, { status: 200 });
  },
};
const at = (hhmm: string) => new Date(`2026-11-20T${hhmm}:00Z`);

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => h?.close());

const newConnection = async (label: string) =>
  (await createConnection(h.db, { ownerId, provider: "demo", label, config: { seed: "policy" } })).id;

function failing(kind: ConnectorErrorKind, when: Date, retryAfterSeconds?: number) {
  return demoAt(when, {
    fetchAccounts: async () => {
      throw new ConnectorError({ kind, provider: "demo", endpoint: "GET /account", message: `refused (${kind})`, retryAfterSeconds });
    },
  });
}
const attempt = (connectionId: string, when: Date, kind?: ConnectorErrorKind, retryAfterSeconds?: number) =>
  syncConnection(h.db, {
    ownerId,
    connectionId,
    trigger: "cron",
    now: () => when,
    connector: kind ? failing(kind, when, retryAfterSeconds) : demoAt(when, {}, "policy"),
    referencePrices: null,
    webhook,
  }).catch((e: unknown) => e);
/** What the background schedule will consider: the production query, not a test-only one. */
const scheduledIds = async () => (await listScheduledConnections(h.db)).map((c) => c.id);
const connection = async (id: string) => (await h.db.select().from(connections).where(eq(connections.id, id)))[0]!;
const openAlerts = async (id: string) => (await listAlerts(h.db, { ownerId })).filter((a) => a.subject === id);

describe("failure policy on real runs", () => {
  it("an auth error: not retryable, connection needs_attention with the message, both alerts raised and posted, left out of background syncs", async () => {
    const id = await newConnection("Binance main");
    posted.length = 0;
    const err = await attempt(id, at("10:00"), "auth");
    expect(err).toBeInstanceOf(SyncFailedError);
    expect(err).toMatchObject({ kind: "auth", retryable: false, message: "demo GET /account: refused (auth)" });
    expect(await connection(id)).toMatchObject({
      status: "needs_attention",
      lastError: "demo GET /account: refused (auth)",
      consecutiveFailures: 1,
      statusSetByPolicyAt: at("10:00"),
    });
    const alerts = await openAlerts(id);
    expect(alerts.map((a) => [a.kind, a.severity, a.title]).sort()).toEqual([
      ["needs_attention", "critical", "Binance main needs attention"],
      ["sync_failure", "warning", "Sync failed: Binance main"],
    ]);
    expect(posted).toHaveLength(2);
    expect((await scheduledIds())).not.toContain(id);
  });

  it("the next successful run resolves both alerts, resets the counters and reactivates it", async () => {
    const [id] = (await h.db.select({ id: connections.id }).from(connections).where(eq(connections.label, "Binance main"))).map((r) => r.id);
    const r = await attempt(id!, at("10:30"));
    expect(r).toMatchObject({ status: "succeeded" });
    expect(await connection(id!)).toMatchObject({ status: "active", consecutiveFailures: 0, failingSince: null, statusSetByPolicyAt: null, lastError: null });
    expect(await openAlerts(id!)).toEqual([]);
    expect((await scheduledIds())).toContain(id);
  });

  it(`${MAX_CONSECUTIVE_FAILURES} transient failures 5 min apart: no alert for the first blip, sync_failure from the 2nd (4 occurrences), paused at the 5th (20 min in)`, async () => {
    const id = await newConnection("OKX");
    const times = ["11:00", "11:05", "11:10", "11:15", "11:20"];
    const kinds: unknown[] = [];
    for (const [i, t] of times.entries()) {
      const err = await attempt(id, at(t), "unavailable");
      kinds.push((err as SyncFailedError).retryable);
      if (i === 0) expect(await openAlerts(id)).toEqual([]);
      if (i === 3) expect((await connection(id)).status).toBe("active");
    }
    expect(kinds).toEqual([true, true, true, true, true]);
    expect(await connection(id)).toMatchObject({ status: "paused", consecutiveFailures: 5, failingSince: at("11:00"), statusSetByPolicyAt: at("11:20") });
    const alerts = await openAlerts(id);
    expect(alerts.find((a) => a.kind === "sync_failure")).toMatchObject({ occurrences: 4, firstSeenAt: at("11:05"), lastSeenAt: at("11:20") });
    expect(alerts.find((a) => a.kind === "needs_attention")).toMatchObject({
      severity: "critical",
      title: "OKX paused after 5 failed syncs",
      message: "Background syncs stopped after 5 consecutive failures since 2026-11-20T11:00:00.000Z. Last error: demo GET /account: refused (unavailable)",
    });
    expect((await scheduledIds())).not.toContain(id);
    const batches = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, id));
    expect(batches.map((b) => b.status)).toEqual(["failed", "failed", "failed", "failed", "failed"]);

    const ok = await attempt(id, at("12:00"));
    expect(ok).toMatchObject({ status: "succeeded" });
    expect(await connection(id)).toMatchObject({ status: "active", consecutiveFailures: 0 });
    expect(await openAlerts(id)).toEqual([]);
  });

  it("a pause a person chose survives a successful run of that connection", async () => {
    const id = await newConnection("Held");
    await h.db.update(connections).set({ status: "paused" }).where(eq(connections.id, id));
    expect(await attempt(id, at("13:00"))).toMatchObject({ status: "succeeded" });
    expect(await connection(id)).toMatchObject({ status: "paused", consecutiveFailures: 0 });
  });

  it("a rate limit with Retry-After 120 s at 14:00 carries 120 s to the caller and keeps every sync away until 14:02", async () => {
    const id = await newConnection("Limited");
    const err = await attempt(id, at("14:00"), "rate_limited", 120);
    expect(err).toMatchObject({ kind: "rate_limited", retryable: true, retryAfterSeconds: 120 });
    expect(await connection(id)).toMatchObject({ status: "active", retryNotBefore: at("14:02") });
    const scheduled = (await listScheduledConnections(h.db)).find((c) => c.id === id)!;
    expect(scheduled.retryNotBefore).toEqual(at("14:02"));
    expect(nextDueAt(scheduled)!.getTime()).toBeGreaterThanOrEqual(at("14:02").getTime());
    const pressed = await requestResync(h.db, { ownerId, connectionId: id, now: () => at("14:01") });
    expect(pressed.result).toEqual({ ok: false, error: "The venue asked us to wait until 2026-11-20T14:02:00.000Z; try again then" });
    expect(await attempt(id, at("14:03"))).toMatchObject({ status: "succeeded" });
    expect((await connection(id)).retryNotBefore).toBeNull();
  });
});
