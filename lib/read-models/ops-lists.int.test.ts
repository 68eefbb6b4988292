import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { muteAlertRule } from "@/db/queries/alert-mutes";
import { resolveAlerts, upsertAlert } from "@/db/queries/alerts";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { syncBatches, syncRawResponses, type SyncStatus } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { loadAlertPage } from "./alert-data";
import type { KeysetPageRequest } from "./keyset-page";
import { loadRawChunk, loadRawResponseList, RAW_CHUNK_CHARS } from "./raw-response-data";
import { loadSyncHistoryPage } from "./sync-history-data";
import { syncHistoryPageSchema } from "./sync-history-schemas";

let h: DbHandle;
let ownerId: string;
let strangerId: string;
let connA: string;
let connB: string;
const T0 = Date.parse("2026-11-20T10:00:00Z");
const now = new Date(T0 + 86_400_000);
const request = (over: Partial<KeysetPageRequest> = {}): KeysetPageRequest => ({ cursor: null, limit: 3, sort: { id: "startedAt", desc: true }, filters: {}, ...over });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  strangerId = (await createWorkspace(h.db, { name: "Stranger", slug: "stranger-lists" })).id;
  connA = (await createConnection(h.db, { ownerId, provider: "demo", label: "Alpha", config: {} })).id;
  connB = (await createConnection(h.db, { ownerId, provider: "binance", label: "Beta", config: {} })).id;
  const theirs = (await createConnection(h.db, { ownerId: strangerId, provider: "demo", label: "Theirs", config: {} })).id;
  // Eight runs a minute apart, the last two at the same instant (the id breaks the tie); the stranger's in between.
  const statuses: SyncStatus[] = ["succeeded", "failed", "succeeded", "partial", "succeeded", "running", "succeeded", "failed"];
  for (let i = 0; i < statuses.length; i++) {
    await h.db.insert(syncBatches).values({
      ownerId,
      connectionId: i % 2 === 0 ? connA : connB,
      trigger: i === 0 ? "startup" : "cron",
      status: statuses[i]!,
      startedAt: new Date(T0 + Math.min(i, 6) * 60_000),
      error: statuses[i] === "failed" ? "binance GET /api/v3/account?signature=abcdef0123 failed: 401" : null,
    });
  }
  await h.db.insert(syncBatches).values({ ownerId: strangerId, connectionId: theirs, trigger: "cron", status: "failed", startedAt: new Date(T0 + 30_000) });
});
afterAll(async () => h?.close());

describe("the workspace's sync history, by keyset", () => {
  it("pages forward newest first with no row twice or missed, and back again to the same pages", async () => {
    const seen: string[][] = [];
    const pages = [];
    let page = await loadSyncHistoryPage(h.db, { ownerId, request: request(), now });
    pages.push(page);
    seen.push(page.rows.map((r) => r.id));
    expect(page.prevCursor).toBeNull();
    while (page.nextCursor) {
      page = await loadSyncHistoryPage(h.db, { ownerId, request: request({ cursor: page.nextCursor }), now });
      pages.push(page);
      seen.push(page.rows.map((r) => r.id));
    }
    const all = seen.flat();
    expect(all).toHaveLength(8);
    expect(new Set(all).size).toBe(8);
    const starts = pages.flatMap((p) => p.rows.map((r) => r.startedAt));
    expect([...starts].sort().reverse()).toEqual(starts);
    expect(pages.flatMap((p) => p.rows).every((r) => r.connectionLabel === "Alpha" || r.connectionLabel === "Beta")).toBe(true);

    // Back from the last page: the previous page is the middle one again.
    const back = await loadSyncHistoryPage(h.db, { ownerId, request: request({ cursor: pages[2]!.prevCursor }), now });
    expect(back.rows.map((r) => r.id)).toEqual(seen[1]);
    expect(syncHistoryPageSchema.parse(back)).toBeTruthy();
  });

  it("filters by connection, status and trigger; oldest first when asked; unknown values are ignored", async () => {
    const a = await loadSyncHistoryPage(h.db, { ownerId, request: request({ limit: 25, filters: { connection: connA } }), now });
    expect(a.rows).toHaveLength(4);
    expect(a.rows.every((r) => r.connectionId === connA)).toBe(true);
    const failed = await loadSyncHistoryPage(h.db, { ownerId, request: request({ limit: 25, filters: { status: "failed" } }), now });
    expect(failed.rows.map((r) => r.status)).toEqual(["failed", "failed"]);
    const startup = await loadSyncHistoryPage(h.db, { ownerId, request: request({ limit: 25, sort: { id: "startedAt", desc: false }, filters: { trigger: "startup" } }), now });
    expect(startup.rows.map((r) => r.trigger)).toEqual(["startup"]);
    const junk = await loadSyncHistoryPage(h.db, { ownerId, request: request({ limit: 25, cursor: "not-a-cursor", filters: { status: "exploded", connection: "x" } }), now });
    expect(junk.rows).toHaveLength(8);
  });

  it("never shows another workspace's run, and redacts a signed query left in an error", async () => {
    const all = await loadSyncHistoryPage(h.db, { ownerId, request: request({ limit: 25 }), now });
    expect(all.rows.some((r) => r.connectionLabel === "Theirs")).toBe(false);
    const failed = all.rows.find((r) => r.error?.includes("401"));
    expect(failed!.error).toBe("binance GET /api/v3/account?signature=[redacted] failed: 401");
    const theirs = await loadSyncHistoryPage(h.db, { ownerId: strangerId, request: request({ limit: 25 }), now });
    expect(theirs.rows.map((r) => r.connectionLabel)).toEqual(["Theirs"]);
  });
});

describe("stored raw responses", () => {
  it("lists a run's responses and reads a large body in chunks, owner-scoped", async () => {
    const [batch] = await h.db.insert(syncBatches).values({ ownerId, connectionId: connA, trigger: "manual", status: "succeeded", startedAt: now }).returning();
    const big = Array.from({ length: 4_000 }, (_, i) => ({ id: i, asset: "BTC", free: "0.00000001", note: "x".repeat(20) }));
    const [raw] = await h.db
      .insert(syncRawResponses)
      .values({ batchId: batch!.id, connectionId: connA, ownerId, endpoint: "GET /api/v3/myTrades", capturedAt: now, body: big, bytes: JSON.stringify(big).length })
      .returning();
    expect(await loadRawResponseList(h.db, { ownerId, batchId: batch!.id })).toEqual([
      { id: raw!.id, endpoint: "GET /api/v3/myTrades", capturedAt: now.toISOString(), bytes: JSON.stringify(big).length, truncated: false },
    ]);
    let offset: number | null = 0;
    let text = "";
    let chunks = 0;
    while (offset !== null) {
      const chunk = await loadRawChunk(h.db, { ownerId, id: raw!.id, offset });
      expect(chunk.text.length).toBeLessThanOrEqual(RAW_CHUNK_CHARS);
      text += chunk.text;
      offset = chunk.nextOffset;
      chunks++;
    }
    expect(chunks).toBeGreaterThan(2);
    expect(JSON.parse(text)).toEqual(big);
    await expect(loadRawChunk(h.db, { ownerId: strangerId, id: raw!.id, offset: 0 })).rejects.toThrow("raw response not found");
    expect(await loadRawResponseList(h.db, { ownerId: strangerId, batchId: batch!.id })).toEqual([]);
  });
});

describe("the workspace's alerts", () => {
  it("filters by kind, severity, connection, acknowledged and state, with the connection's label and a mute in force", async () => {
    const at = (m: number) => new Date(T0 + m * 60_000);
    const raise = (kind: "sync_failure" | "needs_attention" | "concentration", subject: string, m: number, severity: "warning" | "critical" = "warning") =>
      upsertAlert(h.db, { ownerId, kind, subject, severity, title: `${kind} ${subject}`, message: "m", at: at(m) });
    await raise("sync_failure", connA, 1);
    await raise("needs_attention", connB, 2, "critical");
    await raise("concentration", "BTC", 3);
    const gone = await raise("sync_failure", connB, 4);
    await resolveAlerts(h.db, { ownerId, kind: "sync_failure", subject: connB, at: at(5) });
    await upsertAlert(h.db, { ownerId: strangerId, kind: "sync_failure", subject: "x", severity: "warning", title: "t", message: "m", at: at(6) });
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connA, until: new Date(now.getTime() + 3_600_000), createdBy: null });

    const load = (filters: Record<string, string>) =>
      loadAlertPage(h.db, { ownerId, request: { cursor: null, limit: 25, sort: { id: "lastSeenAt", desc: true }, filters }, now });
    const all = await load({});
    expect(all.rows.map((r) => r.title)).toEqual([`sync_failure ${connB}`, "concentration BTC", `needs_attention ${connB}`, `sync_failure ${connA}`]);
    expect(all.rows.find((r) => r.kind === "concentration")).toMatchObject({ connectionId: null, connectionLabel: null, mutedUntil: null });
    expect(all.rows.find((r) => r.title === `sync_failure ${connA}`)).toMatchObject({ connectionId: connA, connectionLabel: "Alpha", mutedUntil: expect.any(String) });
    // A resolved alert is not shown as muted: nothing about it will be sent anyway.
    expect(all.rows.find((r) => r.id === gone.alert.id)).toMatchObject({ resolvedAt: expect.any(String), mutedUntil: null });

    expect((await load({ kind: "needs_attention" })).rows.map((r) => r.severity)).toEqual(["critical"]);
    expect((await load({ severity: "critical" })).rows).toHaveLength(1);
    expect((await load({ connection: connB })).rows.map((r) => r.kind).sort()).toEqual(["needs_attention", "sync_failure"]);
    expect((await load({ state: "open" })).rows).toHaveLength(3);
    expect((await load({ state: "resolved" })).rows).toHaveLength(1);
    expect((await load({ acknowledged: "yes" })).rows).toHaveLength(0);
    expect((await load({ acknowledged: "no" })).rows).toHaveLength(4);
    const firstSeen = await loadAlertPage(h.db, { ownerId, request: { cursor: null, limit: 2, sort: { id: "firstSeenAt", desc: false }, filters: {} }, now });
    expect(firstSeen.rows.map((r) => r.title)).toEqual([`sync_failure ${connA}`, `needs_attention ${connB}`]);
    expect(firstSeen.nextCursor).not.toBeNull();
  });
});
