import { describe, expect, it } from "vitest";
import { amountToString, minus, plus } from "@/lib/money/amount";
import { D } from "@/lib/money/decimal";
import { assetUnrealised, historyPerformance, reconstructHistory } from "@/lib/engines/history";
import { historyWorkload } from "@/lib/engines/history/testing/workload";
import type { HistoryFill, HistoryInput } from "@/lib/engines/history";

const s = amountToString;
const fill = (at: string, side: "buy" | "sell", quantity: string, price: string, fee?: string): HistoryFill => ({ at, base: "X", quote: "USD", side, quantity, price, fee });
const closes = (list: [string, string][]) => list.map(([date, close]) => ({ date, close }));

describe("reconstructHistory: PnL by FIFO and by average cost", () => {
  const trades: HistoryInput = {
    baseCurrency: "USD",
    timeZone: "UTC",
    to: "2024-01-04",
    balances: { USD: "10750", X: "0" },
    flows: [{ at: "2024-01-01T00:00:00Z", asset: "USD", amount: "10000" }],
    fills: [fill("2024-01-01T10:00:00Z", "buy", "10", "100"), fill("2024-01-02T10:00:00Z", "sell", "5", "150"), fill("2024-01-03T10:00:00Z", "buy", "5", "200"), fill("2024-01-04T10:00:00Z", "sell", "10", "200")],
    prices: { X: closes([["2024-01-01", "100"], ["2024-01-02", "150"], ["2024-01-03", "200"], ["2024-01-04", "200"]]) },
  };

  it("BUY 10 @ 100, SELL 5 @ 150, BUY 5 @ 200, SELL 10 @ 200, no fees: realised = 5×50 + 5×100 + 5×0 = 750 by FIFO, 5×50 + 10×(200−150) = 750 by average cost", () => {
    const r = reconstructHistory(trades);
    const x = r.assets.find((a) => a.asset === "X")!;
    expect(x.realised.fifo.map(s)).toEqual(["0", "250", "250", "750"]);
    expect(x.realised.average.map(s)).toEqual(["0", "250", "250", "750"]);
    // Day 3 holds 5 @ 100 + 5 @ 200 (FIFO cost 1500) or 10 @ 150 (average, also 1500), worth 2000.
    expect(s(x.costBasis.fifo[2]!)).toBe("1500");
    expect(s(assetUnrealised(x, 2, "average"))).toBe("500");
    expect(s(r.portfolio.pnl[3]!)).toBe("750");
    expect(r.residuals).toEqual([]);
  });

  it("day 2 differs by method: SELL 5 @ 150 after BUY 10 @ 100 and BUY 5 @ 200 at FIFO realises 5×50 = 250, average cost (10×100+5×200)/15 = 133.33… realises 5×16.67 ≈ 83.33", () => {
    const r = reconstructHistory({
      ...trades,
      balances: { USD: "9750", X: "10" },
      fills: [fill("2024-01-01T10:00:00Z", "buy", "10", "100"), fill("2024-01-01T11:00:00Z", "buy", "5", "200"), fill("2024-01-02T10:00:00Z", "sell", "5", "150")],
      to: "2024-01-02",
    });
    const x = r.assets.find((a) => a.asset === "X")!;
    expect(s(x.realised.fifo[1]!)).toBe("250");
    expect(new D(s(x.realised.average[1]!)).toDecimalPlaces(10).toString()).toBe("83.3333333333");
    // Whatever the method, realised + unrealised is the same total.
    expect(s(plus(x.realised.fifo[1]!, assetUnrealised(x, 1, "fifo")))).toBe(new D(s(plus(x.realised.average[1]!, assetUnrealised(x, 1, "average")))).toDecimalPlaces(20).toString());
  });

  it("total PnL = value + sells − buys − fees, by both methods, every day of 120 days × 600 fills with fees and flows (and = value − net flows)", () => {
    const { input } = historyWorkload({ symbols: 3, days: 120, fills: 600, seed: 3 });
    const r = reconstructHistory(input);
    for (const a of r.assets.filter((x) => x.asset !== "USD")) {
      let buys = new D(0);
      let sells = new D(0);
      let fees = new D(0);
      let e = 0;
      const mine = input.fills!.filter((f) => f.base === a.asset);
      for (let d = 0; d < r.days.length; d++) {
        for (; e < mine.length && (mine[e]!.at as number) < r.days[d]!.endMs; e++) {
          const notional = new D(mine[e]!.quantity).times(mine[e]!.price);
          if (mine[e]!.side === "buy") buys = buys.plus(notional);
          else sells = sells.plus(notional);
          fees = fees.plus(mine[e]!.fee ?? 0);
        }
        const expected = new D(s(a.value[d]!)).plus(sells).minus(buys).minus(fees).toString();
        for (const m of ["fifo", "average"] as const) {
          const total = new D(s(minus(plus(a.realised[m][d]!, assetUnrealised(a, d, m)), a.fees[d]!)));
          expect(total.toDecimalPlaces(20).toString()).toBe(expected);
        }
      }
    }
    for (let d = 0; d < r.days.length; d++) {
      const p = r.portfolio;
      expect(s(minus(p.value[d]!, p.cumNetFlows[d]!))).toBe(s(p.pnl[d]!));
      expect(s(plus(minus(p.realised.fifo[d]!, p.fees[d]!), p.unrealised.fifo[d]!))).toBe(s(p.pnl[d]!));
    }
  });
});

describe("reconstructHistory: flows, income and carried prices", () => {
  it("funding −5, +2 USDT on 1,000 deposited: PnL −3, funding −3, net flows still 1,000, NAV per unit 0.997", () => {
    const r = reconstructHistory({
      baseCurrency: "USD",
      timeZone: "UTC",
      to: "2024-01-03",
      balances: { USD: "997" },
      flows: [{ at: "2024-01-01T09:00:00Z", asset: "USD", amount: "1000" }],
      income: [
        { at: "2024-01-02T08:00:00Z", asset: "USD", amount: "-5", kind: "funding", symbolAsset: "BTC" },
        { at: "2024-01-03T08:00:00Z", asset: "USD", amount: "2", kind: "funding", symbolAsset: "BTC" },
      ],
      prices: {},
    });
    expect(r.portfolio.netFlows.map(s)).toEqual(["1000", "0", "0"]);
    expect(r.portfolio.cumNetFlows.map(s)).toEqual(["1000", "1000", "1000"]);
    expect(r.portfolio.funding.map(s)).toEqual(["0", "-5", "-3"]);
    expect(r.portfolio.pnl.map(s)).toEqual(["0", "-5", "-3"]);
    expect(r.portfolio.navPerUnit).toEqual(["1", "0.995", "0.997"]);
    expect(r.assets.find((a) => a.asset === "BTC")!.funding.map(s)).toEqual(["0", "-5", "-3"]);
    expect(r.residuals).toEqual([]);
  });

  it("100 EUR deposited on 3 Jan, when EUR has no close since 1.10 on 2 Jan: valued 100 × 1.10 = 110, the close carried and marked", () => {
    const r = reconstructHistory({
      baseCurrency: "USD",
      timeZone: "Europe/Berlin",
      to: "2024-01-04",
      balances: { EUR: "100" },
      flows: [{ at: "2024-01-03T12:00:00+01:00", asset: "EUR", amount: "100" }],
      prices: { EUR: closes([["2024-01-02", "1.10"], ["2024-01-04", "1.12"]]) },
      from: "2024-01-02",
    });
    const eur = r.assets.find((a) => a.asset === "EUR")!;
    expect(r.days.map((d) => d.date)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04"]);
    expect(s(r.portfolio.netFlows[1]!)).toBe("110");
    expect(eur.close.map((c) => (c ? s(c) : null))).toEqual(["1.1", "1.1", "1.12"]);
    expect([...eur.carried]).toEqual([0, 1, 0]);
    expect(r.portfolio.carriedAssets).toEqual([[], ["EUR"], []]);
    expect(s(r.portfolio.pnl[2]!)).toBe("2");
  });

  it("an asset held before its first close is reported unpriced, not valued at zero silently", () => {
    const r = reconstructHistory({ baseCurrency: "USD", timeZone: "UTC", to: "2024-01-02", from: "2024-01-01", balances: { ABC: "5" }, prices: { ABC: closes([["2024-01-02", "3"]]) } });
    expect(r.portfolio.unpricedAssets).toEqual([["ABC"], []]);
    expect(r.portfolio.value.map(s)).toEqual(["0", "15"]);
    expect(r.residuals.map((x) => [x.kind, x.quantity, x.value])).toEqual([["opening", "5", null]]);
  });

  it("refuses bad input naming the field", () => {
    const base: HistoryInput = { baseCurrency: "USD", timeZone: "UTC", to: "2024-01-02", balances: {}, prices: {} };
    expect(() => reconstructHistory({ ...base, fills: [fill("2024-01-01T00:00:00Z", "buy", "-1", "1")] })).toThrow(/fills\[0\]\.quantity must be > 0/);
    expect(() => reconstructHistory({ ...base, balances: { BTC: "x" } })).toThrow(/balances\.BTC must be a decimal/);
    expect(() => reconstructHistory({ ...base, from: "2024-01-01", flows: [{ at: "2024-01-05T00:00:00Z", asset: "USD", amount: "1" }] })).toThrow(/flows\[0\]\.at is after the end of 2024-01-02/);
    expect(() => reconstructHistory({ ...base, prices: { BTC: closes([["2024-13-01", "1"]]) }, balances: { BTC: "1" }, from: "2024-01-01" })).toThrow(/prices\.BTC\[0\]\.date/);
    expect(() => reconstructHistory({ ...base, from: "2024-01-01", income: [{ at: "2024-01-01T00:00:00Z", asset: "USD", amount: "1", kind: "gift" as never }] })).toThrow(/income\[0\]\.kind must be one of/);
  });
});

describe("historyPerformance: ranges in the workspace's zone", () => {
  it("2 years of days: max PnL = final value − all flows; years 2023 + 2024 PnL add up to it; YTD = the 2024 year; 1D = the last day's change", () => {
    const { input } = historyWorkload({ symbols: 3, days: 731, fills: 800, seed: 5 });
    const r = reconstructHistory(input);
    const perf = historyPerformance({ days: r.days, timeZone: "UTC", portfolio: r.portfolio, assets: r.assets, issues: r.issues });
    const last = r.days.length - 1;
    expect(perf.ranges.max.portfolio!.pnl).toBe(s(r.portfolio.pnl[last]!));
    expect(Object.keys(perf.years)).toEqual(["2023", "2024"]);
    expect(new D(perf.years["2023"]!.portfolio!.pnl).plus(perf.years["2024"]!.portfolio!.pnl).toString()).toBe(perf.ranges.max.portfolio!.pnl);
    expect(perf.ranges.YTD.portfolio).toEqual(perf.years["2024"]!.portfolio);
    expect(perf.ranges["1D"].startIndex).toBe(last - 1);
    expect(perf.ranges["1D"].portfolio!.pnl).toBe(s(minus(r.portfolio.pnl[last]!, r.portfolio.pnl[last - 1]!)));
    expect(perf.ranges["1Y"].startIndex).toBe(last - 366); // 2023-12-31 → 2024-12-31 spans a leap year
    expect(perf.ranges["5Y"].startIndex).toBe(-1);
    // Per symbol, the year ranges add up to max too.
    for (const a of Object.keys(perf.ranges.max.bySymbol)) {
      expect(new D(perf.years["2023"]!.bySymbol[a]!.fifo).plus(perf.years["2024"]!.bySymbol[a]!.fifo).toString()).toBe(perf.ranges.max.bySymbol[a]!.fifo);
    }
    expect(perf.dailyReturns).toHaveLength(last);
    expect(Number.isFinite(perf.summary.sharpeRatio)).toBe(true);
    // TWR of max = NAV growth from the first unit issue.
    expect(perf.ranges.max.portfolio!.twr).toBeCloseTo(Number(r.portfolio.navPerUnit[last]) - 1, 12);
  });
});
