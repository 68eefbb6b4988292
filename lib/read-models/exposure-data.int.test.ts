import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { getLatestSnapshots } from "@/db/queries/dashboard";
import { createWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { D } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { loadExposure } from "./exposure-data";
import { exposureSchema } from "./exposure-schemas";

const T = new Date("2026-11-20T10:00:00Z");

let h: DbHandle;
let ownerId: string;
let otherOwner: string;
let emptyOwner: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Fund", slug: "fund" })).id;
  otherOwner = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  emptyOwner = (await createWorkspace(h.db, { name: "Empty", slug: "empty" })).id;
  const mine = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "exposure" } });
  const theirs = await createConnection(h.db, { ownerId: otherOwner, provider: "demo", label: "Their demo", config: { seed: "other-seed" } });
  await syncConnection(h.db, { ownerId, connectionId: mine.id, trigger: "manual", now: () => T, connector: demoAt(T, {}, "exposure"), ...offline });
  await syncConnection(h.db, {
    ownerId: otherOwner,
    connectionId: theirs.id,
    trigger: "manual",
    now: () => T,
    connector: demoAt(T, {}, "other-seed"),
    ...offline,
  });
});
afterAll(async () => h?.close());

const load = (owner: string) => loadExposure(h.db, { ownerId: owner, baseCurrency: "USD" }).then((x) => exposureSchema.parse(x));

describe("loadExposure on the synced demo", () => {
  it("the demo's spot and its two perpetuals: BTC and ETH rows whose long + short = net and long − short = gross", async () => {
    const x = await load(ownerId);
    expect(x.state).toBe("ok");
    const names = x.underlyings.map((r) => r.underlying);
    expect(names).toEqual(expect.arrayContaining(["BTC", "ETH"]));
    for (const r of x.underlyings) {
      expect(new D(r.long).plus(r.short).eq(r.net)).toBe(true);
      expect(new D(r.long).minus(r.short).eq(r.gross)).toBe(true);
      expect(new D(r.leverage!).eq(new D(r.gross).div(x.equity!))).toBe(true);
    }
    // USDT (cash-like) is money, not a bet: no exposure row.
    expect(names).not.toContain("USDT");
    expect(x.derivatives.map((d) => d.symbol).sort()).toEqual(["BTC/USDT:USDT", "ETH/USDT:USDT"]);
    // Largest |notional| first, across accounts.
    const sizes = x.derivatives.map((d) => new D(d.notional).abs());
    expect(sizes.every((s, i) => i === 0 || sizes[i - 1]!.gte(s))).toBe(true);
  });

  it("totals are the stored snapshot's: gross, net and leverage are one number with the overview's", async () => {
    const x = await load(ownerId);
    const [snap] = await getLatestSnapshots(h.db, { ownerId, baseCurrency: "USD" });
    expect(new D(x.equity!).eq(snap!.equity)).toBe(true);
    expect(new D(x.totals!.gross).eq(snap!.grossExposure)).toBe(true);
    expect(new D(x.totals!.net).eq(snap!.netExposure)).toBe(true);
    expect(new D(x.totals!.leverage!).toDecimalPlaces(12).eq(snap!.leverage!)).toBe(true);
  });

  it("each perpetual's liquidation distance is (mark − liq) / mark for a long, (liq − mark) / mark for a short, isolated margin", async () => {
    for (const d of (await load(ownerId)).derivatives) {
      const mark = new D(d.markPrice);
      const liq = new D(d.liquidationPrice!);
      const expected = d.side === "long" ? mark.minus(liq).div(mark) : liq.minus(mark).div(mark);
      expect(new D(d.liquidationDistance!).eq(expected)).toBe(true);
      // The demo's marks are far from its liquidation prices: room is left on both.
      expect(new D(d.liquidationDistance!).isPositive()).toBe(true);
      expect([d.marginMode, d.liquidationMissing, d.isDemo]).toEqual(["isolated", null, true]);
    }
  });

  it("by venue, account, asset class and sector: each dimension's weights sum to 1; accounts are the demo's, labelled", async () => {
    const x = await load(ownerId);
    for (const dim of [x.byVenue, x.byAccount, x.byAssetClass, x.bySector]) {
      expect(dim.reduce((s, b) => s.plus(b.weight), new D(0)).toDecimalPlaces(30).eq(1)).toBe(true);
    }
    expect(x.byVenue.map((v) => v.label)).toEqual(["Demo"]);
    expect(new D(x.byVenue[0]!.equity!).eq(x.equity!)).toBe(true);
    expect(x.byAccount.map((a) => a.label)).toEqual(expect.arrayContaining(["Demo spot", "Demo USDT-M futures"]));
    expect(x.byAccount.every((a) => a.connectionLabel === "Demo")).toBe(true);
    expect(x.bySector.find((s) => s.key === "Store of value")?.assets).toEqual(["BTC"]);
    expect(x.bySector.find((s) => s.key === "Stablecoin")?.assets).toEqual(["USDC", "USDT"]);
    expect(x.byAssetClass.map((c) => c.key)).toEqual(expect.arrayContaining(["derivatives", "stablecoin"]));
  });

  it("concentration: HHI = Σ of the squared asset weights, top-5 their sum, every breach above 0.5", async () => {
    const x = await load(ownerId);
    const c = x.concentration!;
    const all = x.concentration!.top;
    expect(all.length).toBeLessThanOrEqual(5);
    expect(new D(c.top5Weight).eq(all.reduce((s, t) => s.plus(t.weight), new D(0)))).toBe(true);
    expect(new D(c.herfindahl).gte(all.reduce((s, t) => s.plus(new D(t.weight).pow(2)), new D(0)))).toBe(true);
    expect(c.threshold).toBe("0.5");
    expect(c.breaches.every((b) => new D(b.weight).gt("0.5"))).toBe(true);
  });

  it("scoping: another workspace's holdings are never counted (its own page sees only its own demo)", async () => {
    const mine = await load(ownerId);
    const theirs = await load(otherOwner);
    expect(theirs.byVenue.map((v) => v.label)).toEqual(["Their demo"]);
    expect(mine.byVenue.map((v) => v.label)).toEqual(["Demo"]);
    const [snap] = await getLatestSnapshots(h.db, { ownerId, baseCurrency: "USD" });
    expect(new D(mine.totals!.gross).eq(snap!.grossExposure)).toBe(true);
    expect(mine.byAccount.every((a) => a.connectionLabel === "Demo")).toBe(true);
    expect(mine.derivatives.every((d) => d.connectionLabel === "Demo")).toBe(true);
    expect(mine.notValued).toEqual([]);
  });

  it("partial: a live connection not yet synced is named, and counts nowhere", async () => {
    const before = await load(ownerId);
    await createConnection(h.db, { ownerId, provider: "demo", label: "Not yet synced", config: { seed: "later" } });
    const after = await load(ownerId);
    expect(after.notValued).toEqual(["Not yet synced"]);
    expect(after.totals).toEqual(before.totals);
    expect(after.byVenue.map((v) => v.label)).toEqual(["Demo"]);
  });

  it("a workspace with no snapshot is empty, and a base currency with no snapshot yet is empty too", async () => {
    expect(await load(emptyOwner)).toMatchObject({ state: "empty", underlyings: [], totals: null, concentration: null });
    expect((await loadExposure(h.db, { ownerId, baseCurrency: "EUR" })).state).toBe("empty");
  });
});
