import { describe, expect, it } from "vitest";
import { valueFlow, type FlowPricing } from "./value-cash-flows";

const AT = new Date("2026-12-04T12:00:00Z");
const none = { after: null, before: null };
const pricing = (over: Partial<FlowPricing> = {}): FlowPricing => ({ baseCurrency: "USD", near: none, runPrices: null, previousSnapshotAt: null, ...over });

describe("valueFlow", () => {
  it("par: 250 USD in a USD workspace is worth 250, whatever the snapshots say", () => {
    expect(valueFlow({ asset: "USD", amount: "250", at: AT }, pricing({ near: { after: { price: "2", fxRate: "1" }, before: null } }))).toEqual({ valueBase: "250", priceSource: "par" });
  });

  it("snapshot: 0.5 BTC at 40,000 = 20,000; the first snapshot after the flow wins over the one before", () => {
    const near = { after: { price: "40000", fxRate: "1" }, before: { price: "39000", fxRate: "1" } };
    expect(valueFlow({ asset: "BTC", amount: "0.5", at: AT }, pricing({ near }))).toEqual({ valueBase: "20000", priceSource: "snapshot" });
  });

  it("snapshot: price × fxRate is base per unit (2 units at 100 of a currency worth 0.9 base = 180)", () => {
    expect(valueFlow({ asset: "X", amount: "2", at: AT }, pricing({ near: { after: { price: "100", fxRate: "0.9" }, before: null } })).valueBase).toBe("180");
  });

  it("the snapshot before the flow serves when the one after does not hold the asset (a whole holding withdrawn): 1.5 ETH at 3,000 = 4,500", () => {
    expect(valueFlow({ asset: "ETH", amount: "1.5", at: AT }, pricing({ near: { after: null, before: { price: "3000", fxRate: "1" } } }))).toEqual({
      valueBase: "4500",
      priceSource: "snapshot",
    });
  });

  it("no snapshot holds it: a flow after the previous snapshot takes this run's price (2 SOL at 150 = 300); one before it stays unvalued", () => {
    const runPrices = { SOL: "150" };
    const previousSnapshotAt = new Date("2026-12-04T11:00:00Z");
    expect(valueFlow({ asset: "SOL", amount: "2", at: AT }, pricing({ runPrices, previousSnapshotAt }))).toEqual({ valueBase: "300", priceSource: "snapshot" });
    expect(valueFlow({ asset: "SOL", amount: "2", at: new Date("2026-12-04T10:00:00Z") }, pricing({ runPrices, previousSnapshotAt }))).toEqual({
      valueBase: null,
      priceSource: null,
    });
    // A connection with no snapshot yet: everything it reports is within this run's read.
    expect(valueFlow({ asset: "SOL", amount: "2", at: new Date(0) }, pricing({ runPrices })).valueBase).toBe("300");
  });

  it("unvalued: no snapshot price, and this run's prices in another currency (null) or without the asset → value null", () => {
    expect(valueFlow({ asset: "SOL", amount: "2", at: AT }, pricing())).toEqual({ valueBase: null, priceSource: null });
    expect(valueFlow({ asset: "XYZ", amount: "2", at: AT }, pricing({ runPrices: { SOL: "150" } }))).toEqual({ valueBase: null, priceSource: null });
  });
});
