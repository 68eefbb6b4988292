import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { executeRows } from "@/db/execute-rows";
import { portfolioSnapshots } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { syncConnection } from "./sync-connection";
import { cursorsOf, demoAt, offline } from "./test-support";

// The server's clock jumps back an hour between two syncs (an NTP correction, a VM restored
// from a snapshot). The venue's clock does not: it has moved on by ten minutes.
const T = new Date("2026-11-20T10:00:00Z");
const HOUR = 3_600_000;
const VENUE_LATER = new Date(T.getTime() + 10 * 60_000);
const OURS_BACK = new Date(T.getTime() - HOUR + 10 * 60_000);

let h: DbHandle;
let ownerId: string;
let connectionId: string;
const run = (ours: Date, venue: Date) =>
  syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => ours, connector: demoAt(venue, {}, "clock"), ...offline });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "clock" } })).id;
});
afterAll(async () => h?.close());

const duplicates = async () =>
  executeRows<{ fills: number; events: number }>(
    h.db,
    sql`select (select count(*) - count(distinct (account_id, venue_fill_id)) from fills)::int as fills,
               (select count(*) - count(distinct (order_id, type, status_after, filled_after, quantity_after)) from order_events)::int as events`,
  );

describe("the clock jumps backwards an hour between two syncs", () => {
  it("duplicates nothing, keeps the cursors where they were, and keeps the snapshots in the order they were taken", async () => {
    const first = await run(T, T);
    expect(first.status).toBe("succeeded");
    const second = await run(OURS_BACK, VENUE_LATER);
    expect(second.status).toBe("succeeded");

    expect(await duplicates()).toEqual([{ fills: 0, events: 0 }]);
    expect((await verifyOrderEventChains(h.db, { allWorkspaces: true })).broken).toBeNull();
    // A cursor never moves back: the venue is read again from T, never from an hour earlier than it was.
    expect(await cursorsOf(h.db, connectionId)).toEqual({ orders: T, fills: T, cash_flows: T });
    // Every fill the venue reported up to its own clock is stored once.
    const venueFills = (await demoAt(VENUE_LATER, {}, "clock").fetchFills({ since: new Date(T.getTime() - 7 * 24 * HOUR) })).items;
    const [stored] = await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from fills`);
    expect(stored!.n).toBe(new Set(venueFills.map((f) => `${f.accountUid}:${f.venueFillId}`)).size);

    // The second run's snapshot (newer holdings) comes after the first one, never before it.
    const snaps = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId)).orderBy(asc(portfolioSnapshots.capturedAt));
    expect(snaps.map((s) => s.syncBatchId)).toEqual([first.batchId, second.batchId]);
    expect(snaps[1]!.capturedAt.getTime()).toBeGreaterThan(T.getTime());
  });
});
