import { describe, expect, it } from "vitest";
import { UnitLedger } from "@/lib/engines/performance/testing/unit-ledger";
import { calculateConcentrationRisk, calculateCurrentDrawdown, checkThreshold, type RiskSnapshotRow } from "./risk-calculate";

const spot = (asset: string, quantity: string, price: string): RiskSnapshotRow => ({
  symbol: asset,
  asset,
  kind: "spot",
  quantity,
  price,
  notionalBase: "0",
});
const snapshot = (equity: string, futuresWalletBalance = "0") => ({ baseCurrency: "USD", equity, futuresWalletBalance });

describe("calculateConcentrationRisk (threshold 0.5)", () => {
  const rows = [spot("BTC", "0.1", "60000"), spot("USDT", "4000", "1")];

  it("BTC 0.1 × 60000 = 6000 of 6000 + 4000 USDT → weight 0.6 > 0.5: BTC breaches (USDT is cash, never)", () => {
    const c = calculateConcentrationRisk({ snapshots: [snapshot("10000")], rows, threshold: 0.5 });
    expect(c.breaches).toEqual([{ asset: "BTC", weight: "0.6" }]);
  });

  it("a −0.05 BTC perp (notional −3000) nets BTC to 3000: 3000 / 7000 ≈ 0.43 → no breach", () => {
    const perp: RiskSnapshotRow = { symbol: "BTC/USDT:USDT", asset: "BTC", kind: "derivative", quantity: "-0.05", price: "60000", notionalBase: "-3000" };
    const c = calculateConcentrationRisk({ snapshots: [snapshot("10000")], rows: [...rows, perp], threshold: 0.5 });
    expect(c.flagged).toBe(false);
    expect(c.top1?.asset).toBe("USDT");
  });

  it("a 2000 futures wallet counts as cash: 6000 / (6000 + 4000 + 2000) = 0.5, not above 0.5", () => {
    const c = calculateConcentrationRisk({ snapshots: [snapshot("12000", "2000")], rows, threshold: 0.5 });
    expect(c.top1).toEqual({ asset: "BTC", weight: "0.5" });
    expect(c.flagged).toBe(false);
  });
});

describe("calculateCurrentDrawdown (NAV per unit)", () => {
  const at = (d: string) => `2026-11-${d}T00:00:00Z`;

  it("100 → 120 → 90 with no flows: NAV 1 → 1.2 → 0.9, (0.9 − 1.2) / 1.2 = −0.25 below the 11-02 peak", () => {
    const l = new UnitLedger().open(at("01"), "100").snapshot(at("02"), "120").snapshot(at("03"), "90");
    const dd = calculateCurrentDrawdown(l.points, l.issues)!;
    expect(dd).toMatchObject({ peakAt: new Date(at("02")).toISOString(), currentAt: new Date(at("03")).toISOString(), currentNav: 0.9 });
    expect(dd.drawdown).toBeCloseTo(-0.25, 12);
    expect(dd.peakNav).toBeCloseTo(1.2, 12);
  });

  it("100 → 120, then 60 withdrawn (60 left): NAV stays 1.2, no drawdown — raw equity would read −50 %", () => {
    const l = new UnitLedger().open(at("01"), "100").snapshot(at("02"), "120").snapshot(at("03"), "60", "-60");
    expect(calculateCurrentDrawdown(l.points, l.issues)).toMatchObject({ drawdown: 0, currentNav: 1.2 });
  });

  it("100 → 120 → 90 → 125: a new high, drawdown 0", () => {
    const l = new UnitLedger().open(at("01"), "100").snapshot(at("02"), "120").snapshot(at("03"), "90").snapshot(at("04"), "125");
    expect(calculateCurrentDrawdown(l.points, l.issues)).toMatchObject({ drawdown: 0, currentNav: 1.25, peakNav: 1.25 });
  });

  it("no NAV now (everything withdrawn, or rows not yet unitised): no drawdown to report", () => {
    const l = new UnitLedger().open(at("01"), "100").snapshot(at("02"), "0", "-100");
    expect(calculateCurrentDrawdown(l.points, l.issues)).toBeNull();
    const legacy = [{ at: new Date(at("01")), equity: "100", navPerUnit: null, cumNetFlows: null }];
    expect(calculateCurrentDrawdown(legacy, [])).toBeNull();
  });
});

describe("checkThreshold", () => {
  it("accepts 0.2 and 1, refuses 0 and 20 (a percentage, not a fraction)", () => {
    expect(checkThreshold("drawdownThreshold", 0.2)).toBe(0.2);
    expect(checkThreshold("drawdownThreshold", 1)).toBe(1);
    expect(() => checkThreshold("drawdownThreshold", 0)).toThrow(RangeError);
    expect(() => checkThreshold("drawdownThreshold", 20)).toThrow("drawdownThreshold must be a fraction in (0, 1], got 20");
  });
});
