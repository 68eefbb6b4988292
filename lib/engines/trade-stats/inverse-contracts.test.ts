import { describe, expect, it } from "vitest";
import { calculateTradeStats, type InstrumentDescriptor, type TradeFill } from "@/lib/engines/trade-stats";

// BTC/USD:BTC, as Binance COIN-M BTCUSD_PERP and OKX BTC-USD-SWAP: one contract is worth 100 USD,
// fills are in contracts, PnL and fees in BTC. Long PnL = n × 100 × (1/entry − 1/exit).
const SYMBOL = "BTC/USD:BTC";
const instruments: Record<string, InstrumentDescriptor> = { [SYMBOL]: { kind: "inverse", contractSize: "100", settleCurrency: "BTC" } };

const fill = (side: "buy" | "sell", quantity: string, price: string, at: string, fee = "0", feeCurrency = "BTC"): TradeFill => ({
  symbol: SYMBOL,
  side,
  quantity,
  price,
  fee,
  feeCurrency,
  executedAt: `2024-03-0${at}T00:00:00Z`,
});

describe("long 100 contracts × $100 BTC/USD:BTC from 50,000 to 40,000: 10,000 × (1/50,000 − 1/40,000) = −0.05 BTC", () => {
  const result = calculateTradeStats({ instruments, fills: [fill("buy", "100", "50000", "1"), fill("sell", "100", "40000", "2")] });

  it("loses 0.05 BTC on a long when the price falls, in BTC", () => {
    expect(result.roundTrips).toHaveLength(1);
    expect(result.roundTrips[0]).toMatchObject({
      side: "long",
      kind: "inverse",
      quantity: "100",
      entryPrice: "50000",
      exitPrice: "40000",
      priceCurrency: "USD",
      grossPnl: "-0.05",
      fees: "0",
      netPnl: "-0.05",
      currency: "BTC",
    });
    expect(result.bySymbol[SYMBOL]).toMatchObject({ currency: "BTC", trades: 1, losers: 1, netPnl: "-0.05", realizedPnl: "-0.05" });
  });
});

describe("long 100 contracts × $100 from 40,000 to 50,000: 10,000 × (1/40,000 − 1/50,000) = 0.25 − 0.2 = +0.05 BTC", () => {
  const result = calculateTradeStats({ instruments, fills: [fill("buy", "100", "40000", "1"), fill("sell", "100", "50000", "2")] });

  it("gains 0.05 BTC, not the linear (50,000 − 40,000) × 100 = 1,000,000", () => {
    expect(result.roundTrips[0]).toMatchObject({ side: "long", grossPnl: "0.05", netPnl: "0.05", currency: "BTC" });
  });
});

describe("short 200 contracts × $100 from 40,000 to 32,000 with 0.0001 BTC fees each way: 20,000 × (1/32,000 − 1/40,000) − 0.0002 = 0.125 − 0.0002 = 0.1248 BTC", () => {
  const result = calculateTradeStats({
    instruments,
    fills: [fill("sell", "200", "40000", "1", "0.0001"), fill("buy", "100", "32000", "2", "0.00005"), fill("buy", "100", "32000", "3", "0.00005")],
  });

  it("gains on a short when the price falls, net of the fees in BTC", () => {
    expect(result.roundTrips).toHaveLength(1);
    expect(result.roundTrips[0]).toMatchObject({
      side: "short",
      quantity: "200",
      entryPrice: "40000",
      exitPrice: "32000",
      grossPnl: "0.125",
      fees: "0.0002",
      netPnl: "0.1248",
      currency: "BTC",
    });
  });

  it("after the first buy, 100 contracts are still short at 40,000 with 100 × 100 × (1/32,000 − 1/40,000) − 0.00005 − 0.00005 = 0.0624 BTC realized", () => {
    const partial = calculateTradeStats({ instruments, fills: [fill("sell", "200", "40000", "1", "0.0001"), fill("buy", "100", "32000", "2", "0.00005")] });
    expect(partial.roundTrips).toEqual([]);
    expect(partial.openPositions).toEqual([
      expect.objectContaining({ symbol: SYMBOL, kind: "inverse", quantity: "-100", averageEntryPrice: "40000", priceCurrency: "USD", currency: "BTC", realizedPnl: "0.0624" }),
    ]);
  });
});

describe("short 200 contracts × $100 from 40,000 to 50,000: 20,000 × (1/50,000 − 1/40,000) = 0.4 − 0.5 = −0.1 BTC", () => {
  const result = calculateTradeStats({ instruments, fills: [fill("sell", "200", "40000", "1"), fill("buy", "200", "50000", "2")] });

  it("loses on a short when the price rises", () => {
    expect(result.roundTrips[0]).toMatchObject({ side: "short", grossPnl: "-0.1", currency: "BTC" });
  });
});

// Book prices 100/price: 50,000 → 0.002, 40,000 → 0.0025, 62,500 → 0.0016, 80,000 → 0.00125.
describe("FIFO across lots: buy 100 @ 50,000 + 100 @ 40,000, sell 150 @ 62,500, sell 50 @ 80,000", () => {
  const fills = [
    fill("buy", "100", "50000", "1", "0.0001"),
    fill("buy", "100", "40000", "2", "0.0001"),
    fill("sell", "150", "62500", "3", "0.00015"),
    fill("sell", "50", "80000", "4", "0.00005"),
  ];

  it("the first sell closes lot 1 whole and half of lot 2: 100 × (0.002 − 0.0016) + 50 × (0.0025 − 0.0016) = 0.04 + 0.045 = 0.085 BTC, less fees 0.0001 + 0.00005 + 0.00015 = 0.0847", () => {
    const open = calculateTradeStats({ instruments, fills: fills.slice(0, 3) });
    expect(open.openPositions).toEqual([expect.objectContaining({ quantity: "50", averageEntryPrice: "40000", realizedPnl: "0.0847" })]);
    expect(open.bySymbol[SYMBOL]).toMatchObject({ trades: 0, realizedPnl: "0.0847" });
  });

  it("the round trip makes 0.085 + 50 × (0.0025 − 0.00125) = 0.085 + 0.0625 = 0.1475 BTC, net of 0.0004 fees 0.1471", () => {
    const result = calculateTradeStats({ instruments, fills });
    expect(result.openPositions).toEqual([]);
    expect(result.roundTrips).toHaveLength(1);
    expect(result.roundTrips[0]).toMatchObject({ side: "long", quantity: "200", grossPnl: "0.1475", fees: "0.0004", netPnl: "0.1471", currency: "BTC", fills: 4 });
    expect(result.bySymbol[SYMBOL]).toMatchObject({ netPnl: "0.1471", fees: "0.0004", realizedPnl: "0.1471" });
  });

  it("average cost realizes 100 × ((0.002 + 0.0025)/2 − 0.0016) = 100 × 0.00065 = 0.065 BTC gross on a sell of 100 @ 62,500, FIFO 100 × 0.0004 = 0.04", () => {
    const three = [fill("buy", "100", "50000", "1"), fill("buy", "100", "40000", "2"), fill("sell", "100", "62500", "3")];
    expect(calculateTradeStats({ instruments, method: "average", fills: three }).openPositions[0]?.realizedPnl).toBe("0.065");
    expect(calculateTradeStats({ instruments, method: "fifo", fills: three }).openPositions[0]?.realizedPnl).toBe("0.04");
  });
});

describe("an inverse contract's fee in USD is worth fee / price in BTC: 5 USD at 50,000 = 0.0001 BTC", () => {
  const result = calculateTradeStats({
    instruments,
    fills: [fill("buy", "100", "50000", "1", "5", "USD"), fill("sell", "100", "40000", "2", "0.0001", "BTC")],
  });

  it("nets −0.05 − 0.0001 − 0.0001 = −0.0502 BTC", () => {
    expect(result.roundTrips[0]).toMatchObject({ grossPnl: "-0.05", fees: "0.0002", netPnl: "-0.0502", currency: "BTC" });
    expect(result.unconvertedFees).toEqual([]);
  });
});
