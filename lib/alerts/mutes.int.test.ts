import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listActiveMutes, muteAlertRule, unmuteAlertRule } from "@/db/queries/alert-mutes";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { alertMutes, alerts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { raiseAlert, type WebhookConfig } from "./notify";

let h: DbHandle;
let ownerId: string;
let connA: string;
let connB: string;
let server: http.Server;
let hook: WebhookConfig;
const received: string[] = [];

const T0 = new Date("2026-11-20T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const failure = (subject: string, when: Date, kind: "sync_failure" | "needs_attention" = "sync_failure") => ({
  ownerId,
  kind,
  subject,
  severity: "warning" as const,
  title: `Sync failed: ${subject}`,
  message: "503",
  at: when,
});
const statusOf = async (id: string) => (await h.db.select().from(alerts).where(eq(alerts.id, id)))[0]!;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connA = (await createConnection(h.db, { ownerId, provider: "demo", label: "A", config: {} })).id;
  connB = (await createConnection(h.db, { ownerId, provider: "demo", label: "B", config: {} })).id;
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      received.push((JSON.parse(raw) as { subject: string }).subject);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hook = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, format: "json" };
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await h?.close();
});
beforeEach(async () => {
  received.length = 0;
  await h.db.delete(alertMutes);
  await h.db.delete(alerts);
});

describe("muting a rule", () => {
  it("a muted alert is recorded and counted, marked muted, and not sent", async () => {
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connA, until: at(60), createdBy: null });
    const first = await raiseAlert(h.db, failure(connA, at(5)), hook);
    const second = await raiseAlert(h.db, failure(connA, at(10)), hook);
    expect(received).toEqual([]);
    expect(first).toMatchObject({ isNew: true, delivered: false });
    expect(second.isNew).toBe(false);
    expect(await statusOf(first.alert.id)).toMatchObject({ notifyStatus: "muted", deliveredAt: null, occurrences: 2 });
  });

  it("a mute for one connection leaves the others and other kinds notified", async () => {
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connA, until: at(60), createdBy: null });
    await raiseAlert(h.db, failure(connB, at(5)), hook);
    await raiseAlert(h.db, failure(connA, at(5), "needs_attention"), hook);
    expect(received.sort()).toEqual([connA, connB].sort());
  });

  it("the rule for every connection covers all of them, and only its kind", async () => {
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: null, until: at(60), createdBy: null });
    await raiseAlert(h.db, failure(connA, at(5)), hook);
    await raiseAlert(h.db, failure(connB, at(5)), hook);
    await raiseAlert(h.db, failure(connB, at(5), "needs_attention"), hook);
    expect(received).toEqual([connB]);
  });

  it("a mute ends at its end: an alert from then on is sent; one raised during it is not sent afterwards", async () => {
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connA, until: at(60), createdBy: null });
    const during = await raiseAlert(h.db, failure(connA, at(59)), hook);
    // Still the same open alert after the end: counted, not re-sent (only new alerts notify).
    await raiseAlert(h.db, failure(connA, at(61)), hook);
    expect(received).toEqual([]);
    expect((await statusOf(during.alert.id)).occurrences).toBe(2);
    // At its end instant the mute no longer holds.
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connB, until: at(30), createdBy: null });
    expect((await raiseAlert(h.db, failure(connB, at(29)), hook)).delivered).toBe(false);
    await h.db.delete(alerts);
    expect((await raiseAlert(h.db, failure(connB, at(30)), hook)).delivered).toBe(true);
    expect(received).toEqual([connB]);
  });

  it("muting again moves the end (one rule, the latest decision); unmuting ends it now", async () => {
    const first = await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connA, until: at(60), createdBy: null });
    const again = await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: connA, until: at(30), createdBy: null });
    expect(again.id).toBe(first.id);
    await muteAlertRule(h.db, { ownerId, kind: "sync_failure", connectionId: null, until: at(120), createdBy: null });
    const active = await listActiveMutes(h.db, { ownerId, at: at(1) });
    expect(active.map((m) => [m.mute.connectionId, m.connectionLabel, m.mute.until])).toEqual([
      [connA, "A", at(30)],
      [null, null, at(120)],
    ]);
    expect(await listActiveMutes(h.db, { ownerId, at: at(45) })).toHaveLength(1);

    for (const m of active) await unmuteAlertRule(h.db, { ownerId, muteId: m.mute.id });
    expect(await listActiveMutes(h.db, { ownerId, at: at(1) })).toEqual([]);
    expect((await raiseAlert(h.db, failure(connA, at(2)), hook)).delivered).toBe(true);
  });

  it("another workspace can neither see nor end a mute", async () => {
    const other = await createWorkspace(h.db, { name: "Other", slug: "other-mutes" });
    const m = await muteAlertRule(h.db, { ownerId, kind: "drawdown", connectionId: null, until: at(60), createdBy: null });
    expect(await listActiveMutes(h.db, { ownerId: other.id, at: at(1) })).toEqual([]);
    await expect(unmuteAlertRule(h.db, { ownerId: other.id, muteId: m.id })).rejects.toThrow("mute not found");
    // Nor does another workspace's mute hold back this workspace's alert.
    await muteAlertRule(h.db, { ownerId: other.id, kind: "sync_failure", connectionId: null, until: at(60), createdBy: null });
    expect((await raiseAlert(h.db, failure(connA, at(1)), hook)).delivered).toBe(true);
  });
});
