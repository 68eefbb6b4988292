import { and, asc, eq, gte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { cashFlows, portfolioSnapshots, snapshotHoldings, syncCursors } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createDemoConnector } from "@/lib/connectors/demo";
import { DEMO_FLOWS_EPOCH } from "@/lib/connectors/demo/flows";
import { D } from "@/lib/money/decimal";
import { DEMO_SEED, ensureDemoPortfolio } from "./demo-seed";

// Two weeks after the demo's flows begin (2026-11-23): the first start stores them all.
const NOW = new Date("2026-12-07T12:30:00Z");
let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await ensureDemoPortfolio(h.db, { ownerId, now: () => NOW }))!;
}, 120_000);
afterAll(async () => h?.close());

describe("first start with the demo venue, after its flows began", () => {
  it("stores every deposit and withdrawal the demo venue reports at that time, with its status, and sets the flows cursor", async () => {
    const venue = (await createDemoConnector({ seed: DEMO_SEED, now: () => NOW }).fetchCashFlows({})).items;
    expect(venue.length).toBeGreaterThan(0);
    expect(venue.every((f) => f.at.getTime() >= DEMO_FLOWS_EPOCH)).toBe(true);
    const rows = await h.db.select().from(cashFlows).where(eq(cashFlows.connectionId, connectionId)).orderBy(asc(cashFlows.occurredAt));
    const shape = (f: { venueFlowId: string; kind: string; asset: string; amount: string; status: string }) => [f.venueFlowId, f.kind, f.asset, f.amount, f.status];
    expect(rows.map(shape)).toEqual([...venue].sort((a, b) => a.at.getTime() - b.at.getTime()).map(shape));
    const [cursor] = await h.db.select().from(syncCursors).where(and(eq(syncCursors.connectionId, connectionId), eq(syncCursors.stream, "cash_flows")));
    expect(cursor!.cursorAt).toEqual(NOW);
  });

  it("values each flow by the first backfilled hourly snapshot at or after it (amount × that snapshot's spot price), in USD", async () => {
    const rows = await h.db.select().from(cashFlows).where(eq(cashFlows.connectionId, connectionId));
    for (const f of rows) {
      const [snap] = await h.db
        .select({ rows: snapshotHoldings.rows })
        .from(portfolioSnapshots)
        .innerJoin(snapshotHoldings, eq(snapshotHoldings.snapshotId, portfolioSnapshots.id))
        .where(and(eq(portfolioSnapshots.connectionId, connectionId), gte(portfolioSnapshots.capturedAt, f.occurredAt)))
        .orderBy(asc(portfolioSnapshots.capturedAt))
        .limit(1);
      const row = snap!.rows.find((r) => r.kind === "spot" && r.asset === f.asset)!;
      expect(f).toMatchObject({ baseCurrency: "USD", priceSource: "snapshot" });
      expect(new D(f.valueBase!).eq(new D(f.amount).times(row.price).times(row.fxRate))).toBe(true);
    }
  });

  it("the confirmed deposits and withdrawals count, each valued; none is left unvalued", async () => {
    const rows = await h.db.select().from(cashFlows).where(eq(cashFlows.connectionId, connectionId));
    const { counted, unvalued } = await readCountedFlows(h.db, { ownerId, baseCurrency: "USD" });
    expect(counted.map((f) => f.id).sort()).toEqual(rows.filter((r) => r.status === "confirmed").map((r) => r.id).sort());
    expect(unvalued).toEqual([]);
  });
});
