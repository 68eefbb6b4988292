import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import type { EquitySeries } from "@/lib/read-models/dashboard-schemas";
import type { Performance } from "@/lib/read-models/performance-schemas";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { EquitySection } from "./equity-section";
import { PerformanceCard } from "./performance-card";

const period = (id: Performance["periods"][number]["id"], pnl: string, netFlows: string, twr: number) => ({
  id,
  from: "2026-11-20T00:00:00.000Z",
  startAt: "2026-11-19T23:00:00.000Z",
  endAt: "2026-11-20T10:00:00.000Z",
  counted: true,
  startEquity: "10000",
  endEquity: "15200",
  netFlows,
  pnl,
  twr,
});
const performance: Performance = {
  baseCurrency: "USD",
  timeZone: "Europe/London",
  asOf: "2026-11-20T10:00:00.000Z",
  state: "ok",
  periods: [period("day", "200", "5000", 0.045), period("week", "-600", "-1000", -0.01), period("month", "0", "0", 0), period("ytd", "400", "14000", 0.0592)],
  inception: { at: "2026-01-05T06:00:00.000Z", counted: true, netFlows: "14000", pnl: "400", twr: 0.0592, mwr: 0.016 },
  drawdown: { current: -0.037, peakAt: "2026-11-02T06:00:00.000Z", max: -0.05 },
  risk: { periodsPerYear: 365, returns: 6, annualVolatility: 0.9, sharpeRatio: 1.72, sortinoRatio: null },
  methods: { pnl: "p", twr: "t", mwr: "m", periods: "x", risk: "r", drawdown: "d" },
};

const render = (ui: ReturnType<typeof createElement>, seed: (c: QueryClient) => void, search = "") => {
  const client = new QueryClient();
  seed(client);
  return renderToHtml(ui, { search, client });
};

describe("PerformanceCard", () => {
  it("Day PnL +$200.00 with +$5,000.00 net flows and TWR +4.50%; MWR +1.60%; Sortino undefined shows a dash; the methods footnote names the zone", () => {
    const html = render(createElement(PerformanceCard), (c) => c.setQueryData(dashboardKeys.performance(), performance));
    expect(html).toContain("+$200.00");
    expect(html).toContain("+$5,000.00");
    expect(html).toContain("+4.50%");
    expect(html).toContain("+1.60%");
    expect(html).toContain("1.72 / —");
    expect(html).toContain("Flow-adjusted: Δequity − net flows (deposits − withdrawals, and the equity of a connection added or deleted in the period); TWR from NAV per unit; MWR = XIRR of flows and values");
    expect(html).toContain("Europe/London");
  });

  it("a period the history begins inside (no snapshot before it) says it runs from the first snapshot", () => {
    const periods = performance.periods.map((p) => (p.id === "ytd" ? { ...p, startAt: null } : p));
    const html = render(createElement(PerformanceCard), (c) => c.setQueryData(dashboardKeys.performance(), { ...performance, periods }));
    expect(html.match(/from the first snapshot/g)).toHaveLength(1);
    expect(html).toMatch(/YTD<span[^>]*>from the first snapshot<\/span>/);
  });

  it("a selection's card names how it was measured", () => {
    const portfolio = { key: "connection:c1", label: "Desk A", kind: "connection" as const, partialConnections: [], notFiltered: null };
    const html = render(createElement(PerformanceCard), (c) => c.setQueryData(dashboardKeys.performance("connection:c1"), { ...performance, portfolio }), "?portfolio=connection:c1");
    // (React marks the boundaries of interpolated text with empty comments.)
    expect(html.replaceAll("<!-- -->", "")).toContain("For Desk A: one point a day, the end-of-day closes of its whole connections summed (today from their latest snapshots)");
  });

  it("flows not yet counted: says so, shows no figure", () => {
    const html = render(createElement(PerformanceCard), (c) => c.setQueryData(dashboardKeys.performance(), { ...performance, state: "not_counted" }));
    expect(html).toContain("Flows not yet counted");
    expect(html).not.toContain("+$200.00");
  });
});

describe("EquitySection toggle", () => {
  const series: EquitySeries = {
    range: "30d",
    bucket: "1h",
    baseCurrency: "USD",
    timeZone: "UTC",
    points: [
      { at: "2026-11-20T09:00:00.000Z", equity: "10000", navPerUnit: "1", netFlows: "10000" },
      { at: "2026-11-20T10:00:00.000Z", equity: "16000", navPerUnit: "1.1", netFlows: "5000" },
    ],
    reconstructedUntil: null,
  };
  const seed = (c: QueryClient) => c.setQueryData(dashboardKeys.equity("30d"), series);

  it("?chart=nav presses 'NAV per unit' and plots NAV; without it 'Equity' is pressed", () => {
    const nav = render(createElement(EquitySection), seed, "?chart=nav");
    expect(nav).toMatch(/aria-pressed="true"[^>]*>NAV per unit</);
    expect(nav).toContain('data-metric="nav"');
    const equity = render(createElement(EquitySection), seed);
    expect(equity).toMatch(/aria-pressed="true"[^>]*>Equity</);
    expect(equity).toContain('data-metric="equity"');
  });

  it("NAV view on a history whose flows are not yet counted: an empty state, not a made-up line", () => {
    const legacy = { ...series, points: series.points.map((p) => ({ ...p, navPerUnit: null, netFlows: null })) };
    const html = render(createElement(EquitySection), (c) => c.setQueryData(dashboardKeys.equity("30d"), legacy), "?chart=nav");
    expect(html).toContain("Flows not yet counted for this range");
    expect(html).not.toContain("data-testid=\"equity-chart\"");
  });

  it("reconstructed history: the chart carries its boundary and the note says where measuring begins; none without it", () => {
    const rebuilt = { ...series, reconstructedUntil: "2026-11-20T09:30:00.000Z" };
    const html = render(createElement(EquitySection), (c) => c.setQueryData(dashboardKeys.equity("30d"), rebuilt));
    expect(html).toContain('data-reconstructed-until="2026-11-20T09:30:00.000Z"');
    expect(html).toContain("the history is reconstructed from fills, deposits, withdrawals and daily closes (the dashed line)");
    const measured = render(createElement(EquitySection), seed);
    expect(measured).not.toContain("data-reconstructed-until");
    expect(measured).not.toContain("reconstructed from fills");
  });
});
