import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RangeMetrics, TradeStatsView, TradeSummaryView } from "@/lib/read-models/performance-summary-schemas";
import { metricRows } from "./metric-rows";
import { MetricsTable } from "./metrics-table";
import { RangeSelector, rangeHref } from "./range-selector";
import { TradeStatsSection } from "./trade-stats-section";

const method = (doc: string) => ({ text: `method of ${doc}`, doc: `docs/metrics.md#${doc}` });
const metrics: RangeMetrics = {
  state: "ok",
  returns: 5,
  firstReturnAt: "2026-03-02T12:00:00.000Z",
  lastReturnAt: "2026-03-06T12:00:00.000Z",
  periodsPerYear: 365,
  riskFreeRate: "0.045",
  twr: 0.14345,
  mwr: null,
  pnl: "193.45",
  netFlows: "1000",
  annualReturn: 17.5,
  annualVolatility: 1.6,
  sharpeRatio: 6.789,
  sortinoRatio: null,
  maxDrawdown: { depth: -0.1, peakAt: "2026-03-02T12:00:00.000Z", troughAt: "2026-03-03T12:00:00.000Z", recoveryAt: null },
  calmarRatio: 175,
  omegaRatio: 2.5,
  valueAtRisk95: -0.08,
  tailRatio: 1.01,
  bestDay: { at: "2026-03-02T12:00:00.000Z", value: 0.1 },
  worstDay: { at: "2026-03-03T12:00:00.000Z", value: -0.1 },
  positiveDays: 0.6,
  methods: Object.fromEntries(
    ["twr", "mwr", "annualReturn", "annualVolatility", "sharpeRatio", "sortinoRatio", "maxDrawdown", "calmarRatio", "omegaRatio", "valueAtRisk95", "tailRatio", "days"].map((k) => [k, method(k)]),
  ),
};

describe("metricRows", () => {
  const rows = metricRows(metrics, { timeZone: "UTC", baseCurrency: "USD" });
  const byId = (id: string) => rows.find((r) => r.id === id)!;

  it("lists the issue's metrics in order, each with a method and a docs/metrics.md anchor", () => {
    expect(rows.map((r) => r.id)).toEqual([
      "twr", "mwr", "annualReturn", "annualVolatility", "sharpeRatio", "sortinoRatio", "maxDrawdown",
      "calmarRatio", "omegaRatio", "valueAtRisk95", "tailRatio", "bestDay", "worstDay", "positiveDays",
    ]);
    for (const r of rows) {
      expect(r.method).not.toBe("");
      expect(r.doc).toMatch(/^docs\/metrics\.md#/);
    }
  });

  it("TWR +14.35 % with the PnL and the flows it excludes; Sharpe 6.79 naming the 4.5 % rate; undefined figures are a dash", () => {
    expect(byId("twr")).toMatchObject({ value: "+14.35%", tone: "up", detail: "PnL +$193.45; net flows +$1,000.00 excluded" });
    expect(byId("sharpeRatio")).toMatchObject({ value: "6.79", detail: "Risk-free rate 4.5 % a year" });
    expect(byId("sortinoRatio").value).toBe("—");
    expect(byId("mwr").detail).toMatch(/Undefined over this range/);
  });

  it("max drawdown −10.00 % with its peak and trough dates, not yet recovered; best and worst days dated", () => {
    expect(byId("maxDrawdown")).toMatchObject({ value: "-10.00%", tone: "down", detail: "Peak 2 Mar 2026, trough 3 Mar 2026, not yet recovered" });
    expect(byId("bestDay")).toMatchObject({ value: "+10.00%", detail: "2 Mar 2026" });
    expect(byId("positiveDays")).toMatchObject({ value: "60.00%", tone: "flat" });
  });
});

describe("MetricsTable", () => {
  it("renders each row with its method text and its anchor (data-doc and title)", () => {
    const html = renderToString(createElement(MetricsTable, { rows: metricRows(metrics, { timeZone: "UTC", baseCurrency: "USD" }) }));
    expect(html).toContain('data-testid="metric-sharpeRatio"');
    expect(html).toContain('data-doc="docs/metrics.md#sharpeRatio"');
    expect(html).toContain("method of sharpeRatio");
    expect(html).toContain('title="Defined in docs/metrics.md#maxDrawdown"');
    expect(html).toContain('role="region"');
    expect(html).toContain('tabindex="0"');
  });
});

describe("RangeSelector", () => {
  it("links each preset into the URL, marks the current one, and offers custom days bounded by today", () => {
    const html = renderToString(createElement(RangeSelector, { selected: "30d", fromDay: "2026-02-09", toDay: "2026-03-10", today: "2026-03-10", timeZone: "Asia/Kolkata" })).replaceAll("<!-- -->", "");
    for (const r of ["7d", "30d", "90d", "ytd", "1y", "all"]) expect(html).toContain(`href="/performance?range=${r}"`);
    expect(html).toMatch(/aria-current="page"[^>]*>30D</);
    expect(html).toContain('name="range" value="custom"');
    expect(html).toContain('max="2026-03-10"');
    expect(html).toContain("Days in Asia/Kolkata");
  });

  it("keeps the view's other parameters (benchmark, portfolio) when the range changes", () => {
    expect(rangeHref("ytd", [["benchmark", "ETH"], ["portfolio", "all"]])).toBe("/performance?range=ytd&benchmark=ETH&portfolio=all");
  });
});

const summary = (over: Partial<TradeSummaryView> = {}): TradeSummaryView => ({
  currency: "USD",
  trades: 3,
  winners: 2,
  losers: 1,
  winRate: 2 / 3,
  profitFactor: 32 / 11,
  profitFactorInfinite: false,
  expectancy: "7",
  averageWin: "16",
  averageLoss: "11",
  largestWin: "30",
  largestLoss: "-11",
  realizedPnl: "21",
  fees: "1",
  ...over,
});
const trades: TradeStatsView = {
  method: "fifo",
  baseCurrency: "USD",
  fillsInRange: 6,
  overall: summary(),
  bySymbol: [{ key: "A/USD", ...summary() }],
  byStrategy: [{ key: "trend", ...summary({ losers: 0, profitFactor: null, profitFactorInfinite: true }) }],
  bySettlement: [
    { key: "BTC", inverse: true, ...summary({ currency: "BTC", realizedPnl: "0.05", expectancy: "0.0166", largestWin: "0.05", largestLoss: null, fees: "0.0002" }) },
    { key: "USD", inverse: false, ...summary() },
  ],
  unpricedSymbols: [{ symbol: "ETH/USD:ETH", reason: "an inverse contract needs its contract size", fills: 2 }],
  unpricedCurrencies: [],
  unconvertedFees: 0,
  methods: { trips: method("trade-statistics-trade-stats"), conversion: method("trade-statistics-trade-stats") },
};

describe("TradeStatsSection", () => {
  const html = renderToString(createElement(TradeStatsSection, { data: trades })).replaceAll("<!-- -->", "");

  it("shows win rate, profit factor, expectancy, largest win and loss, realised PnL and fees", () => {
    expect(html).toContain("66.67%");
    expect(html).toContain("2.91");
    expect(html).toContain("+$7.00");
    expect(html).toContain("+$30.00");
    expect(html).toContain("-$11.00");
    expect(html).toContain("+$21.00");
  });

  it("labels an inverse settlement row, keeps its PnL in the coin, and shows ∞ for a profit factor without losses", () => {
    expect(html).toContain("inverse, settled in BTC");
    expect(html).toContain("+0.05 BTC");
    expect(html).toContain("∞");
  });

  it("lists unpriced symbols with their reason and fill count", () => {
    expect(html).toContain('data-testid="unpriced-symbols"');
    expect(html).toMatch(/ETH\/USD:ETH<\/span> — an inverse contract needs its contract size \(2 fills\)/);
  });
});
