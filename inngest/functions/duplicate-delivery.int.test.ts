import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import type { SyncFn } from "@/lib/schedules/scheduled-sync";
import { syncConnection } from "@/lib/sync/sync-connection";
import { cursorsOf, dataCounts, demoAt, offline } from "@/lib/sync/test-support";
import { connectionSyncRequested } from "../events";
import { createSyncConnectionFunction } from "./sync-connection";

// At-least-once delivery: Inngest may run a function twice for one event (a lost ack, a
// redelivery after a worker restart). The same event, same id, through the real function twice.
const T = new Date("2026-11-20T10:00:00Z");
let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "delivered-twice" } })).id;
});
afterAll(async () => h?.close());

describe("the same Inngest event delivered twice", () => {
  it("the second delivery records its own run and adds no order event, fill, snapshot or cursor move", async () => {
    // The venue and the clock stand still between the deliveries, as for a redelivery seconds later.
    const sync: SyncFn = (db, o) => syncConnection(db, { ...o, now: () => T, connector: demoAt(T, {}, "delivered-twice"), ...offline });
    const fn = createSyncConnectionFunction({ db: async () => h.db, sync });
    const event = connectionSyncRequested.create({ workspaceId: ownerId, connectionId, provider: "demo", trigger: "manual" }, { id: "manual-once" });
    const deliver = () => new InngestTestEngine({ function: fn, events: [{ name: event.name, data: event.data, id: "manual-once" }] }).execute();

    const first = await deliver();
    expect(first.error).toBeUndefined();
    const afterFirst = await dataCounts(h.db);
    expect(afterFirst.fills).toBeGreaterThan(0);
    const second = await deliver();
    expect(second.error).toBeUndefined();

    expect(await dataCounts(h.db)).toEqual(afterFirst);
    expect(second.result).toMatchObject({ counts: { ordersNew: 0, orderEvents: 0, fills: 0, snapshots: 0 } });
    const batches = await h.db.select().from(syncBatches).where(eq(syncBatches.connectionId, connectionId));
    expect(batches.map((b) => b.status)).toEqual(["succeeded", "succeeded"]);
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T, fills: T, cash_flows: T });
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
  });
});
