import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { getConnection, listConnections } from "@/db/queries/connections";
import { getLatestSnapshots } from "@/db/queries/dashboard";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { accountHoldings, connections, equityRollups, fills, orderEvents, portfolioSnapshots, syncBatches } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createConnection } from "@/db/queries/connections";
import { listScheduledConnections } from "@/lib/schedules/scheduled-connections";
import { startSync, syncConnection, SyncFailedError } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { ChangeRefusedError } from "./change-refused";
import { deleteConnection } from "./delete-connection";

/**
 * Deleting keeps the history and stops everything else, and never cuts a run in half: a
 * run still reading the venue when the connection is deleted finds it deleted when it
 * comes to write, and writes nothing.
 */
const T0 = new Date("2026-11-20T09:00:00Z");
const T1 = new Date("2026-11-20T10:00:00Z");
let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => h?.close());

const rows = async (t: typeof fills | typeof orderEvents | typeof portfolioSnapshots | typeof accountHoldings) => (await h.db.select({ n: count() }).from(t))[0]!.n;

describe("deleting a connection", () => {
  it("refuses a confirmation that is not the label, and changes nothing", async () => {
    const { id } = await createConnection(h.db, { ownerId, provider: "demo", label: "Keep me", config: { seed: "keep" } });
    const e = await deleteConnection(h.db, { ownerId, connectionId: id, confirmLabel: "keep me!" }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChangeRefusedError);
    expect(e).toMatchObject({ field: "confirmLabel", message: "Type the connection's label, Keep me, to confirm" });
    expect((await getConnection(h.db, { ownerId, connectionId: id })).deletedAt).toBeNull();
  });

  it("keeps orders, fills, the audit chain and snapshots; erases the credentials; drops holdings, totals, alerts and the schedule", async () => {
    const { id } = await createConnection(h.db, { ownerId, provider: "demo", label: "Old desk", config: { seed: "old" }, credentialsEncrypted: "v1.sealed" });
    await syncConnection(h.db, { ownerId, connectionId: id, trigger: "manual", now: () => T0, ...offline, connector: demoAt(T0, {}, "old") });
    await h.db.update(connections).set({ lastError: "x" }).where(eq(connections.id, id));
    const before = { fills: await rows(fills), events: await rows(orderEvents), snapshots: await rows(portfolioSnapshots) };
    expect(before.fills).toBeGreaterThan(0);
    expect((await getLatestSnapshots(h.db, { ownerId, baseCurrency: "USD" })).map((s) => s.connectionId)).toContain(id);

    const done = await deleteConnection(h.db, { ownerId, connectionId: id, confirmLabel: " Old desk ", now: () => T1 });
    expect(done).toMatchObject({ label: "Old desk", cancelledRuns: 0, accounts: expect.any(Number) });

    expect({ fills: await rows(fills), events: await rows(orderEvents), snapshots: await rows(portfolioSnapshots) }).toEqual(before);
    const [row] = await h.db.select().from(connections).where(eq(connections.id, id));
    expect(row).toMatchObject({ deletedAt: T1, credentialsEncrypted: null, status: "paused" });
    expect(await rows(accountHoldings)).toBe(0);
    expect((await getLatestSnapshots(h.db, { ownerId, baseCurrency: "USD" })).map((s) => s.connectionId)).not.toContain(id);
    expect((await listConnections(h.db, { ownerId })).map((c) => c.id)).not.toContain(id);
    expect((await listScheduledConnections(h.db)).map((c) => c.id)).not.toContain(id);
    await expect(getConnection(h.db, { ownerId, connectionId: id })).rejects.toThrow("connection not found");
    // The roll-up at the deletion instant no longer counts it: nothing else is left.
    const [atDelete] = await h.db.select().from(equityRollups).where(eq(equityRollups.bucketStart, new Date("2026-11-20T10:00:00Z")));
    expect(atDelete?.equity).toBe("0");
    // A second delete, a sync or a resync of it: not found.
    await expect(deleteConnection(h.db, { ownerId, connectionId: id, confirmLabel: "Old desk" })).rejects.toThrow("connection not found");
    await expect(startSync(h.db, { ownerId, connectionId: id, trigger: "manual" })).rejects.toThrow("connection not found");
  });

  it("a run still reading the venue is cancelled cleanly: no write, no health change, no alert, the batch says why", async () => {
    const { id } = await createConnection(h.db, { ownerId, provider: "demo", label: "Busy", config: { seed: "busy" } });
    let release!: () => void;
    const reading = new Promise<void>((r) => (release = r));
    const demo = demoAt(T0, {}, "busy");
    const slow = demoAt(T0, { fetchBalances: async () => (await reading, demo.fetchBalances()) }, "busy");
    const snapshotsBefore = await rows(portfolioSnapshots);

    const started = await startSync(h.db, { ownerId, connectionId: id, trigger: "manual", now: () => T0, ...offline, connector: slow });
    const done = await deleteConnection(h.db, { ownerId, connectionId: id, confirmLabel: "Busy", now: () => T1 });
    expect(done.cancelledRuns).toBe(1);
    release();

    const err = await started.done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SyncFailedError);
    expect(err).toMatchObject({ kind: "cancelled", retryable: false });
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, started.batchId));
    expect(batch).toMatchObject({ status: "failed", errorKind: "cancelled", error: "The connection was deleted while this run was reading the venue; the run saved nothing" });
    expect(await rows(portfolioSnapshots)).toBe(snapshotsBefore);
    const [row] = await h.db.select().from(connections).where(eq(connections.id, id));
    expect(row).toMatchObject({ consecutiveFailures: 0, lastError: null, deletedAt: T1 });
    expect((await listAlerts(h.db, { ownerId, includeResolved: true })).filter((a) => a.subject === id)).toEqual([]);
  });
});
