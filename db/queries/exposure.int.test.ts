import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { balances, connections, positions } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { ScaledDemoConnector } from "@/lib/connectors/demo/scaled";
import { D } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { offline } from "@/lib/sync/test-support";
import { createConnection } from "./connections";
import { createWorkspace } from "./workspaces";
import { getExposureHoldings } from "./exposure";

const T = new Date("2026-11-20T10:00:00Z");
let h: DbHandle;
let ownerId: string;
let otherOwner: string;
let connectionId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  otherOwner = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Scaled", config: { seed: "docs" } })).id;
  const theirs = await createConnection(h.db, { ownerId: otherOwner, provider: "demo", label: "Theirs", config: { seed: "docs" } });
  for (const [owner, id] of [[ownerId, connectionId], [otherOwner, theirs.id]] as const) {
    const connector = new ScaledDemoConnector({ seed: "docs", now: () => T, positions: 40, orders: 20 });
    await syncConnection(h.db, { ownerId: owner, connectionId: id, trigger: "manual", now: () => T, connector, ...offline });
  }
});
afterAll(async () => h?.close());

const key = (r: { accountId: string; symbol?: string; asset?: string; side?: string; wallet?: string }) => [r.accountId, r.symbol ?? r.asset, r.side ?? r.wallet].join("|");

describe("getExposureHoldings reads the holdings documents", () => {
  it("gives the rows the balances and positions views give, value for value (40 positions over the scaled demo's accounts)", async () => {
    const held = await getExposureHoldings(h.db, { ownerId, connectionIds: [connectionId] });
    const viewPositions = await h.db.select().from(positions).where(eq(positions.ownerId, ownerId));
    const viewBalances = await h.db.select().from(balances).where(eq(balances.ownerId, ownerId));
    expect(held.positions).toHaveLength(viewPositions.length);
    expect(held.balances).toHaveLength(viewBalances.length);
    expect(viewPositions.length).toBeGreaterThanOrEqual(40);
    const byKey = new Map(viewPositions.map((v) => [key(v), v]));
    for (const x of held.positions) {
      const v = byKey.get(key(x))!;
      expect(v, key(x)).toBeDefined();
      for (const f of ["quantity", "markPrice", "notional"] as const) expect(new D(x[f]).eq(v[f]), f).toBe(true);
      expect(x.liquidationPrice === null ? null : new D(x.liquidationPrice).toString()).toBe(v.liquidationPrice === null ? null : new D(v.liquidationPrice).toString());
      expect(x.leverage === null ? null : new D(x.leverage).toString()).toBe(v.leverage === null ? null : new D(v.leverage).toString());
      expect([x.underlying, x.quoteCurrency, x.instrumentType, x.marginMode, x.connectionId, x.connectionLabel, x.provider]).toEqual([
        v.underlying, v.quoteCurrency, v.instrumentType, v.marginMode, connectionId, "Scaled", "demo",
      ]);
    }
    const balanceByKey = new Map(viewBalances.map((v) => [key(v), v]));
    for (const b of held.balances) expect(new D(b.total).eq(balanceByKey.get(key(b))!.total)).toBe(true);
  });

  it("reads only the caller's workspace, the named connections and the selected accounts", async () => {
    expect(await getExposureHoldings(h.db, { ownerId: otherOwner, connectionIds: [connectionId] })).toEqual({ balances: [], positions: [] });
    const [one] = await h.db.select({ accountId: positions.accountId }).from(positions).where(and(eq(positions.ownerId, ownerId)));
    const selected = await getExposureHoldings(h.db, { ownerId, connectionIds: [connectionId], accountIds: [one!.accountId] });
    expect(selected.positions.length).toBeGreaterThan(0);
    expect(new Set([...selected.positions, ...selected.balances].map((x) => x.accountId))).toEqual(new Set([one!.accountId]));
    expect(await getExposureHoldings(h.db, { ownerId, connectionIds: [connectionId], accountIds: [] })).toEqual({ balances: [], positions: [] });
  });

  it("leaves out a deleted connection's holdings, even while its documents still exist", async () => {
    await h.db.update(connections).set({ deletedAt: T }).where(eq(connections.id, connectionId));
    expect(await getExposureHoldings(h.db, { ownerId, connectionIds: [connectionId] })).toEqual({ balances: [], positions: [] });
  });
});
