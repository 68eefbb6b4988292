import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CumulativeReturnChart } from "@/components/charts/cumulative-return-chart";
import { MonthlyReturnsHeatmap } from "@/components/charts/monthly-returns-heatmap";
import { RollingVolatilitySharpeChart } from "@/components/charts/rolling-volatility-sharpe-chart";
import { UnderwaterChart } from "@/components/charts/underwater-chart";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import type { PerformanceSeries } from "@/lib/read-models/performance-series-schemas";
import { performanceSeriesKey } from "@/lib/read-models/performance-series-query";
import { PerformanceCharts, PerformanceChartsView } from "./performance-charts";

const TZ = "Asia/Tokyo";
const methods = { cumulative: "Flow-adjusted: NAV per unit", benchmark: "Benchmark: BTC spot", underwater: "Underwater: below the running peak", monthly: "Monthly return in Asia/Tokyo", rolling: "Rolling 30 days" };
const series: PerformanceSeries = {
  baseCurrency: "USD",
  timeZone: TZ,
  from: "2026-11-01",
  to: "2026-12-31",
  state: "ok",
  baseAt: "2026-10-31T06:00:00.000Z",
  points: [
    { at: "2026-10-31T06:00:00.000Z", navPerUnit: "1", cumulativeReturn: "0", benchmarkReturn: "0", drawdown: 0 },
    { at: "2026-11-30T06:00:00.000Z", navPerUnit: "1.2", cumulativeReturn: "0.2", benchmarkReturn: "0.1", drawdown: 0 },
    { at: "2026-12-31T06:00:00.000Z", navPerUnit: "0.9", cumulativeReturn: "-0.1", benchmarkReturn: null, drawdown: -0.25 },
  ],
  maxDrawdown: -0.25,
  benchmark: { asset: "BTC", state: "partial", rebasedAt: "2026-10-31T06:00:00.000Z", rebasePrice: "50000" },
  monthly: [
    { key: "2026-11", year: 2026, month: 11, return: 0.2, partial: false },
    { key: "2026-12", year: 2026, month: 12, return: -0.25, partial: true },
  ],
  rolling: { window: 30, periodsPerYear: 365, riskFree: 0, points: [{ at: "2026-12-31T06:00:00.000Z", volatility: 0.4567, sharpe: -1.234 }] },
  methods,
};
const html = (el: ReturnType<typeof createElement>) => renderToString(el);

describe("CumulativeReturnChart", () => {
  it("names its method in the caption and says the end values in words: portfolio −10.00 %, BTC +10.00 % (its last price)", () => {
    const out = html(createElement(CumulativeReturnChart, { points: series.points, benchmark: "BTC", timeZone: TZ, method: "Flow-adjusted: NAV per unit" }));
    expect(out).toContain("<figcaption");
    expect(out).toContain("Flow-adjusted: NAV per unit");
    expect(out).toContain("portfolio -10.00%, BTC +10.00%.");
    expect(out).toContain("31 Oct 2026, 15:00");
    expect(out).toContain('data-benchmark="BTC"');
  });

  it("without a benchmark, the summary names the portfolio only", () => {
    const out = html(createElement(CumulativeReturnChart, { points: series.points, benchmark: "none", timeZone: TZ, method: "m" }));
    expect(out).toContain("portfolio -10.00%.");
    expect(out).not.toContain("BTC");
  });
});

describe("UnderwaterChart", () => {
  it("the deepest drawdown −25.00 % on 31 Dec (Tokyo time), and its method", () => {
    const out = html(createElement(UnderwaterChart, { points: series.points, maxDrawdown: -0.25, timeZone: TZ, method: methods.underwater }));
    expect(out).toContain("the deepest was -25.00% on 31 Dec 2026, 15:00; at the end of the range -25.00%.");
    expect(out).toContain(methods.underwater);
  });

  it("never under water: says so", () => {
    const out = html(createElement(UnderwaterChart, { points: series.points.slice(0, 2), maxDrawdown: 0, timeZone: TZ, method: "m" }));
    expect(out).toContain("never fell below its running peak");
  });
});

describe("MonthlyReturnsHeatmap", () => {
  it("a real table: a row per year, a column per month, +20.00 % in November, −25.00 % in December marked partial, empty months said so", () => {
    const out = html(createElement(MonthlyReturnsHeatmap, { months: series.monthly, timeZone: TZ, method: methods.monthly }));
    expect(out).toContain("<caption");
    expect(out).toContain("Monthly returns by year and month, in Asia/Tokyo");
    expect(out).toMatch(/<th scope="row"[^>]*>2026<\/th>/);
    expect(out.match(/<th scope="col"/g)).toHaveLength(13);
    expect(out).toContain("+20.00%");
    expect(out).toContain("-25.00%");
    expect(out).toContain("(part of the month)");
    expect(out.match(/no data/g)).toHaveLength(10);
    expect(out).toContain("bg-emerald-200");
    expect(out).toContain("bg-rose-200");
    expect(out).toContain(methods.monthly);
  });
});

describe("RollingVolatilitySharpeChart", () => {
  it("the last window in words: volatility 45.67 % a year, Sharpe −1.23; the method in the caption", () => {
    const out = html(createElement(RollingVolatilitySharpeChart, { points: series.rolling.points, window: 30, timeZone: TZ, method: methods.rolling }));
    expect(out).toContain("Rolling 30-day figures on 31 Dec 2026, 15:00: volatility 45.67% a year, Sharpe -1.23.");
    expect(out).toContain(methods.rolling);
  });
});

describe("PerformanceChartsView", () => {
  const noop = () => {};
  it("the four charts with the benchmark picker (BTC pressed) and the partial benchmark named", () => {
    const out = html(createElement(PerformanceChartsView, { data: series, benchmark: "BTC", onBenchmark: noop }));
    for (const id of ["cumulative-return-chart", "underwater-chart", "monthly-returns-heatmap", "rolling-volatility-sharpe-chart"]) expect(out).toContain(`data-testid="${id}"`);
    expect(out).toMatch(/aria-pressed="true"[^>]*>BTC</);
    expect(out).toContain("BTC has no recorded price on some days");
    expect(out).toContain("Flow-adjusted: NAV per unit. Benchmark: BTC spot.");
  });

  it("empty: explains and links the next step; no chart", () => {
    const out = html(createElement(PerformanceChartsView, { data: { ...series, state: "empty", points: [], monthly: [], rolling: { ...series.rolling, points: [] } }, benchmark: "BTC", onBenchmark: noop }));
    expect(out).toContain("Not enough history in this range for a chart");
    expect(out).toContain('href="/connections"');
    expect(out).not.toContain('data-testid="underwater-chart"');
  });

  it("no rolling point yet: that card says why, the other charts still show", () => {
    const out = html(createElement(PerformanceChartsView, { data: { ...series, rolling: { ...series.rolling, points: [] } }, benchmark: "none", onBenchmark: noop }));
    expect(out).toContain("Fewer than 30 daily returns");
    expect(out).toContain('data-testid="underwater-chart"');
  });
});

describe("PerformanceCharts", () => {
  it("?benchmark=ETH in the URL wins over the page's default and picks the query; loading before data", () => {
    const client = new QueryClient();
    client.setQueryData(performanceSeriesKey("2026-11-01", "2026-12-31", "ETH"), { ...series, benchmark: { ...series.benchmark, asset: "ETH" as const } });
    const out = renderToHtml(createElement(PerformanceCharts, { from: "2026-11-01", to: "2026-12-31", benchmark: "BTC" }), { search: "?benchmark=ETH", client });
    expect(out).toMatch(/aria-pressed="true"[^>]*>ETH</);
    expect(out).toContain('data-benchmark="ETH"');
    const loading = renderToHtml(createElement(PerformanceCharts, { from: "2026-11-01", to: "2026-12-31", benchmark: "BTC" }), { search: "", client: new QueryClient() });
    expect(loading).toContain("Loading the performance charts");
  });
});
