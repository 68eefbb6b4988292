import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { fills, portfolioSnapshots, snapshotHoldings } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { reconcileWorkspace } from "@/lib/attribution/reconcile-job";
import { D, sum } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { loadStrategies, parseStrategyFilters } from "./strategy-data";
import { strategyListSchema, type StrategyList } from "./strategy-schemas";

// The demo venue synced at 10:00 (its bots' orders carry mm-btc, mm-eth and mm-sol), then reconciled.
const NOW = new Date("2026-11-20T10:00:00Z");

let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
let connectionId: string;
let theirConnectionId: string;
let data: StrategyList;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "strategies" } })).id;
  theirConnectionId = (await createConnection(h.db, { ownerId: otherOwnerId, provider: "demo", label: "Theirs", config: { seed: "theirs" } })).id;
  await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => NOW });
  await syncConnection(h.db, { ownerId: otherOwnerId, connectionId: theirConnectionId, trigger: "manual", now: () => NOW });
  await reconcileWorkspace(h.db, { ownerId, now: NOW });
  await reconcileWorkspace(h.db, { ownerId: otherOwnerId, now: NOW });
  data = strategyListSchema.parse(await loadStrategies(h.db, { ownerId }));
});
afterAll(async () => h?.close());

/** The venue's quantity per key at the connection's newest snapshot, read from the snapshot itself. */
async function venueQuantities(owner: string, conn: string): Promise<Map<string, string>> {
  const [snap] = await h.db
    .select({ rows: snapshotHoldings.rows })
    .from(snapshotHoldings)
    .innerJoin(portfolioSnapshots, eq(portfolioSnapshots.id, snapshotHoldings.snapshotId))
    .where(and(eq(portfolioSnapshots.ownerId, owner), eq(portfolioSnapshots.connectionId, conn)));
  const m = new Map<string, InstanceType<typeof D>>();
  for (const r of snap!.rows) m.set(r.symbol, (m.get(r.symbol) ?? new D(0)).plus(r.quantity));
  return new Map([...m].map(([k, v]) => [k, v.toFixed()]));
}

describe("loadStrategies on the synced demo", () => {
  it("lists the demo's three strategies, then untagged as its own row, each linking its fills", () => {
    expect(data.strategies.map((s) => s.strategy)).toEqual(["mm-btc", "mm-eth", "mm-sol", "untagged"]);
    expect(data.strategies.map((s) => s.untagged)).toEqual([false, false, false, true]);
    expect(data.strategies[0]!.fills.href).toBe("/fills?strategy=mm-btc");
    expect(data.strategies[3]!.fills.href).toBe("/fills?strategy=untagged");
  });

  it("counts each strategy's fills exactly as stored, and no other workspace's", async () => {
    const mine = await h.db.select({ strategy: fills.strategy }).from(fills).where(eq(fills.ownerId, ownerId));
    for (const s of data.strategies) {
      const expected = mine.filter((f) => (s.untagged ? f.strategy === null : f.strategy === s.strategy)).length;
      expect(s.fills.count, s.strategy).toBe(expected);
    }
    expect(data.strategies.reduce((n, s) => n + s.fills.count, 0)).toBe(mine.length);
  });

  it("per symbol, Σ strategy positions + residual = the venue's quantity in the snapshot", async () => {
    const venue = await venueQuantities(ownerId, connectionId);
    const [account] = data.accounts;
    expect(account!.reconciliation).not.toBeNull();
    expect(account!.lines.map((l) => l.symbol).sort()).toEqual([...venue.keys()].sort());
    for (const line of account!.lines) {
      const strategies = sum(line.strategies.map((s) => s.quantity));
      expect(strategies.toFixed(), line.symbol).toBe(new D(line.strategyQuantity).toFixed());
      expect(strategies.plus(line.residualQuantity).toFixed(), line.symbol).toBe(new D(venue.get(line.symbol)!).toFixed());
      expect(new D(line.venueQuantity).toFixed()).toBe(new D(venue.get(line.symbol)!).toFixed());
    }
    // The strategies' positions on the page are the same rows.
    for (const s of data.strategies.filter((x) => !x.untagged)) {
      for (const pos of s.positions) {
        const line = account!.lines.find((l) => l.symbol === pos.symbol)!;
        expect(line.strategies.find((x) => x.strategy === s.strategy)?.quantity).toBe(pos.quantity);
      }
    }
  });

  it("marks venue-only symbols (no strategy holds them: the residual is the whole venue) and has at least one residual", () => {
    const lines = data.accounts[0]!.lines;
    const venueOnly = lines.filter((l) => l.heldAt === "venue-only");
    expect(venueOnly.length).toBeGreaterThan(0);
    for (const l of venueOnly) {
      expect(l.strategies.every((s) => new D(s.quantity).isZero())).toBe(true);
      expect(new D(l.residualQuantity).toFixed()).toBe(new D(l.venueQuantity).toFixed());
    }
    expect(lines.some((l) => !new D(l.residualQuantity).isZero())).toBe(true);
  });

  it("the residual's weighted average cost is the |quantity|-weighted mean of the strategies' costs, exactly", () => {
    const withStrategies = data.accounts[0]!.lines.filter((l) => l.strategies.some((s) => s.averageCost !== null && !new D(s.quantity).isZero()) && !new D(l.residualQuantity).isZero());
    expect(withStrategies.length).toBeGreaterThan(0);
    for (const l of withStrategies) {
      const weight = sum(l.strategies.map((s) => new D(s.quantity).abs()));
      const expected = sum(l.strategies.map((s) => new D(s.quantity).abs().times(s.averageCost!))).div(weight);
      expect(new D(l.residualAverageCost!).toFixed(), l.symbol).toBe(expected.toFixed());
    }
  });

  it("untagged holds the residual rows that are not zero", () => {
    const untagged = data.strategies.at(-1)!;
    const residuals = data.accounts[0]!.lines.filter((l) => !new D(l.residualQuantity).isZero());
    expect(untagged.positions.map((p) => p.symbol).sort()).toEqual(residuals.map((l) => l.symbol).sort());
    expect(untagged.latest).toEqual([]);
  });

  it("each tagged strategy has its stored PnL point: pnl = realised + unrealised, at the snapshot", () => {
    const captured = data.accounts[0]!.reconciliation!.capturedAt;
    for (const s of data.strategies.filter((x) => !x.untagged)) {
      expect(s.latest).toHaveLength(1);
      const p = s.latest[0]!;
      expect(p.at).toBe(captured);
      expect(new D(p.realizedPnl).plus(p.unrealizedPnl).toFixed()).toBe(new D(p.pnl).toFixed());
      expect(s.series.at(-1)).toMatchObject({ at: captured, pnl: p.pnl });
    }
  });
});

describe("scoping", () => {
  it("another workspace's connection is never counted, and naming it is a 404", async () => {
    expect(data.accounts.map((a) => a.connectionId)).toEqual([connectionId]);
    await expect(loadStrategies(h.db, { ownerId, connectionId: theirConnectionId })).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await loadStrategies(h.db, { ownerId: otherOwnerId });
    expect(theirs.accounts.map((a) => a.connectionId)).toEqual([theirConnectionId]);
    const mineOnly = await loadStrategies(h.db, { ownerId, connectionId });
    expect(mineOnly.accounts).toEqual(data.accounts);
    expect(mineOnly.strategies.map((s) => s.fills.count)).toEqual(data.strategies.map((s) => s.fills.count));
  });

  it("refuses a connection filter that is not an id", () => {
    expect(parseStrategyFilters({ connection: "nope" }).success).toBe(false);
    expect(parseStrategyFilters({ connection: connectionId }).success).toBe(true);
  });
});

describe("empty", () => {
  it("a workspace with a connection but no reconciliation yet: the account is listed unreconciled, untagged alone", async () => {
    const emptyOwner = (await createWorkspace(h.db, { name: "Empty", slug: "empty" })).id;
    await createConnection(h.db, { ownerId: emptyOwner, provider: "demo", label: "Unsynced", config: { seed: "x" } });
    const empty = strategyListSchema.parse(await loadStrategies(h.db, { ownerId: emptyOwner }));
    expect(empty.accounts).toEqual([expect.objectContaining({ label: "Unsynced", reconciliation: null, lines: [] })]);
    expect(empty.strategies).toEqual([expect.objectContaining({ strategy: "untagged", positions: [], fills: expect.objectContaining({ count: 0 }) })]);
  });
});
