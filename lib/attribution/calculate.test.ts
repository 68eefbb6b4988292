import { describe, expect, it } from "vitest";
import { AccountIdentityError, calculateAttribution, type AttributionFill } from "./calculate";
import type { SnapshotRowInput } from "./holdings";

let n = 0;
const fill = (strategy: string | null, symbol: string, side: "buy" | "sell", quantity: string, price: string, fee = "0"): AttributionFill => ({
  symbol,
  side,
  quantity,
  price,
  fee,
  feeCurrency: "USDT",
  executedAt: new Date(Date.UTC(2026, 10, 20, 10, ++n)),
  strategy,
  venueFillId: `f${n}`,
});
const spot = (asset: string, quantity: string, price: string, valueBase: string): SnapshotRowInput => ({
  symbol: asset,
  asset,
  kind: "spot",
  quantity,
  price,
  fxRate: "1",
  valueBase,
});

// The venue: 1.25 BTC at 60000 USD, 42000 USDT at 1, a −0.5 BTC perp marked 61000 USDT
// (unrealized +500), a 30000 futures wallet: equity 75000 + 42000 + 30000 + 500 = 147500.
const snapshot = { baseCurrency: "USD", equity: "147500", futuresWalletBalance: "30000", unrealizedPnl: "500", marginDebt: "0" };
const rows: SnapshotRowInput[] = [
  spot("BTC", "1.25", "60000", "75000"),
  spot("USDT", "42000", "1", "42000"),
  { symbol: "BTC/USDT:USDT", asset: "BTC", kind: "derivative", quantity: "-0.5", price: "61000", fxRate: "1", valueBase: "500" },
];
// mm-btc buys 0.5 @ 58000 and 0.3 @ 59000, sells 0.3 @ 61000 paying 1.5 USDT: FIFO realizes
// (61000 − 58000) × 0.3 − 1.5 = 898.5 and keeps 0.2 @ 58000 + 0.3 @ 59000 = 0.5 @ 58600.
// basis shorts 0.5 of the perp @ 62000; a manual (untagged) buy of 0.1 BTC.
const fills = [
  fill("mm-btc", "BTC/USDT", "buy", "0.5", "58000"),
  fill("mm-btc", "BTC/USDT", "buy", "0.3", "59000"),
  fill("mm-btc", "BTC/USDT", "sell", "0.3", "61000", "1.5"),
  fill("basis", "BTC/USDT:USDT", "sell", "0.5", "62000"),
  fill(null, "BTC/USDT", "buy", "0.1", "50000"),
];

describe("calculateAttribution: 1.25 BTC = mm-btc 0.5 + residual 0.75; the perp is all basis's", () => {
  const r = calculateAttribution({ snapshot, rows, fills });
  const row = (symbol: string, strategy: string | null) => r.rows.find((x) => x.symbol === symbol && x.strategy === strategy);

  it("mm-btc's 0.5 BTC (spot pair keyed by its asset) is worth 0.5 × 60000 = 30000, unrealized 30000 − 0.5 × 58600 = 700", () => {
    expect(row("BTC", "mm-btc")).toMatchObject({ kind: "strategy", quantity: "0.5", averageCost: "58600", quoteCurrency: "USD", valueBase: "30000", unrealizedPnl: "700" });
    expect(row("BTC", "mm-btc")!.navWeight).toBeCloseTo(30000 / 147500, 12);
  });

  it("the residual 1.25 − 0.5 = 0.75 BTC at the strategies' cost 58600: worth 45000, unrealized 45000 − 43950 = 1050", () => {
    expect(row("BTC", null)).toMatchObject({ kind: "residual", quantity: "0.75", averageCost: "58600", valueBase: "45000", unrealizedPnl: "1050" });
  });

  it("USDT is all residual and has no cost; basis holds the whole −0.5 perp: −30500, unrealized −30500 + 31000 = 500", () => {
    expect(row("USDT", null)).toMatchObject({ quantity: "42000", valueBase: "42000", averageCost: null, unrealizedPnl: null });
    expect(row("BTC/USDT:USDT", "basis")).toMatchObject({ quantity: "-0.5", averageCost: "62000", quoteCurrency: "USDT", valueBase: "-30500", unrealizedPnl: "500" });
    expect(row("BTC/USDT:USDT", null)).toBeUndefined();
  });

  it("summary: cash 42000 + market 75000 + wallet 30000 + unrealized 500 = 147500; pnl 898.5 + 500 = 1398.5", () => {
    expect(r.summary).toEqual({
      equity: "147500",
      cash: "42000",
      marketValue: "75000",
      futuresWalletBalance: "30000",
      marginDebt: "0",
      unrealizedPnl: "500",
      realizedPnl: "898.5",
      pnl: "1398.5",
      strategyValue: "-500",
      residualValue: "87000",
    });
    expect(r.unpriced).toEqual([]);
  });

  it("one point per strategy: mm-btc 898.5 + 700 = 1598.5, basis 0 + 500 = 500", () => {
    expect(r.strategies).toEqual([
      { strategy: "basis", realizedPnl: "0", unrealizedPnl: "500", pnl: "500", marketValue: "-30500", openPositions: 1 },
      { strategy: "mm-btc", realizedPnl: "898.5", unrealizedPnl: "700", pnl: "1598.5", marketValue: "30000", openPositions: 1 },
    ]);
  });
});

describe("calculateAttribution: costs in another quote currency", () => {
  const eurFill = { ...fill("eur-dca", "BTC/EUR", "buy", "0.1", "50000"), feeCurrency: "EUR" };

  it("0.1 BTC bought at 50000 EUR with EUR at 1.08 USD costs 54000 USD a BTC: unrealized 0.1 × (60000 − 54000) = 600", () => {
    const withEur = [...rows, spot("EUR", "100", "1.08", "108")];
    const r = calculateAttribution({ snapshot: { ...snapshot, equity: "147608" }, rows: withEur, fills: [eurFill] });
    expect(r.rows.find((x) => x.strategy === "eur-dca")).toMatchObject({ symbol: "BTC", averageCost: "54000", valueBase: "6000", unrealizedPnl: "600" });
  });

  it("without an EUR rate the holding cannot be costed: BTC stays all residual and EUR is reported", () => {
    const r = calculateAttribution({ snapshot, rows, fills: [eurFill] });
    expect(r.rows.filter((x) => x.symbol === "BTC").map((x) => [x.strategy, x.quantity])).toEqual([[null, "1.25"]]);
    expect(r.unpriced).toEqual(["EUR"]);
  });
});

describe("calculateAttribution: an inverse contract of unknown size", () => {
  it("stored fills carry no contract size: BTC/USD:BTC is reported, not priced linearly, and realizes nothing", () => {
    const inverse = (side: "buy" | "sell", price: string) => ({ ...fill("coin-m", "BTC/USD:BTC", side, "100", price), feeCurrency: "BTC" });
    const r = calculateAttribution({ snapshot, rows, fills: [inverse("buy", "40000"), inverse("sell", "50000")] });
    expect(r.unpriced).toEqual(["BTC/USD:BTC"]);
    expect(r.summary.realizedPnl).toBe("0");
  });
});

describe("calculateAttribution: guards", () => {
  it("a fill tagged with the reserved name 'untagged' counts as untagged", () => {
    const r = calculateAttribution({ snapshot, rows, fills: [fill("untagged", "BTC/USDT", "buy", "0.2", "60000")] });
    expect(r.strategies).toEqual([]);
    expect(r.rows.find((x) => x.symbol === "BTC")).toMatchObject({ strategy: null, quantity: "1.25" });
  });

  it("rows that do not add up to the equity (147500 vs 147501) are refused", () => {
    expect(() => calculateAttribution({ snapshot: { ...snapshot, equity: "147501" }, rows, fills: [] })).toThrow(AccountIdentityError);
  });
});
