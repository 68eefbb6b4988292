import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { METRICS_DOC_ANCHORS, type MetricsBar as MetricsBarData } from "@/lib/read-models/metrics-bar-schemas";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { MetricsBar } from "./metrics-bar";

const method = (key: keyof typeof METRICS_DOC_ANCHORS, text: string) => ({ text, doc: METRICS_DOC_ANCHORS[key] });
const ok = (id: "day" | "week" | "month", pnl: string, netFlows: string, pct: string | null) => ({
  id,
  from: "2026-12-09T05:00:00.000Z",
  status: "ok" as const,
  reason: null,
  startAt: "2026-12-09T04:30:00.000Z",
  startEquity: "15200",
  netFlows,
  pnl,
  pct,
});
const bar: MetricsBarData = {
  state: "ok",
  baseCurrency: "USD",
  timeZone: "America/New_York",
  asOf: "2026-12-09T14:00:00.000Z",
  historyStartsAt: "2026-06-15T14:00:00.000Z",
  equity: "17000",
  unpricedAssets: [],
  periods: [
    ok("day", "1800", "0", "0.1184210526"),
    ok("week", "-250.5", "3000", "-0.0125"),
    ok("month", "3000", "3000", null),
    { id: "ytd", from: "2026-01-01T05:00:00.000Z", status: "no_history", reason: "history starts on 2026-06-15", startAt: null, startEquity: null, netFlows: null, pnl: null, pct: null },
  ],
  exposure: { gross: "9000", net: "-1200", leverage: "0.529412" },
  margin: { debt: "-2000", futuresWallet: "10000", used: null, available: null, unreported: "not published by any connected venue" },
  topAsset: { asset: "BTC", weight: "0.5294117647", threshold: "0.5", flagged: true, cashLike: false },
  methods: {
    equity: method("equity", "Equity: Σ of each connection's latest snapshot"),
    periodPnl: method("periodPnl", "Flow-adjusted PnL: equity now − equity at the start − net flows"),
    exposure: method("exposure", "Exposure: netted per underlying"),
    leverage: method("leverage", "Leverage: gross exposure ÷ equity"),
    margin: method("margin", "Margin debt: Σ borrowed balances"),
    topAsset: method("topAsset", "Largest single asset: the allocation by asset"),
  },
};

const render = (seed: (c: QueryClient) => void) => {
  const client = new QueryClient();
  seed(client);
  // React separates adjacent text with <!-- -->; the assertions read the text as shown.
  return renderToHtml(createElement(MetricsBar), { search: "", client }).replace(/<!-- -->/g, "");
};
const figure = (html: string, id: string) => html.match(new RegExp(`<div data-testid="metric-${id}"[^]*?</dd></div>`))?.[0] ?? "";

describe("MetricsBar", () => {
  const html = render((c) => c.setQueryData(dashboardKeys.metrics(), bar));

  it("labels every figure: equity, the four periods, exposure, leverage, margin and the largest asset", () => {
    for (const label of ["Equity", "Day PnL", "Week PnL", "Month PnL", "YTD PnL", "Gross exposure", "Net exposure", "Leverage", "Margin debt", "Futures wallet", "Margin used / available", "Largest asset"]) {
      expect(html).toContain(`>${label}</dt>`);
    }
  });

  it("Day +$1,800.00 with +11.84% TWR; Week −$250.50 with −1.25% in red; Month with nothing held shows a dash for the %", () => {
    expect(figure(html, "pnl-day")).toContain("+$1,800.00");
    expect(figure(html, "pnl-day")).toContain("+11.84% TWR");
    expect(figure(html, "pnl-week")).toMatch(/text-rose-700[^>]*>-\$250\.50</);
    expect(figure(html, "pnl-week")).toContain("-1.25% TWR");
    expect(figure(html, "pnl-month")).toContain("— (nothing held)");
  });

  it("a tooltip names each figure's method and its docs/metrics.md anchor; a period's tooltip says what it started from (23:30 on the 8th in New York) and which flows it excludes", () => {
    expect(figure(html, "pnl-week")).toContain('title="From $15,200.00 at 8 Dec 2026, 23:30; net flows +$3,000.00 excluded. Flow-adjusted PnL: equity now − equity at the start − net flows. Defined in docs/metrics.md#period-pnl-to-date"');
    expect(figure(html, "leverage")).toContain('data-doc="docs/metrics.md#leverage-and-margin"');
    expect(figure(html, "leverage")).toContain("0.53×");
  });

  it("YTD before the history: a dash with the reason, never 0", () => {
    expect(figure(html, "pnl-ytd")).toContain("—<span");
    expect(figure(html, "pnl-ytd")).toContain("(history starts on 2026-06-15)");
  });

  it("margin used / available: a dash, not published by any connected venue; debt and futures wallet in money", () => {
    expect(figure(html, "margin-used")).toContain("(not published by any connected venue)");
    expect(figure(html, "margin-debt")).toContain("-$2,000.00");
    expect(figure(html, "futures-wallet")).toContain("$10,000.00");
  });

  it("margin used / available as published: 1,992.64 / 21,686.20 in money, the connection that publishes none named", () => {
    const published = render((c) =>
      c.setQueryData(dashboardKeys.metrics(), { ...bar, margin: { ...bar.margin, used: "1992.6412", available: "21686.2", unreported: "not published by Demo" } }),
    );
    const used = figure(published, "margin-used");
    expect(used).toContain("$1,992.64 / $21,686.20");
    expect(used).toContain("not published by Demo");
  });

  it("largest asset BTC 52.94% over the 50% limit: highlighted, with words as well as colour", () => {
    const top = figure(html, "top-asset");
    expect(top).toContain("bg-amber-50");
    expect(top).toContain("BTC 52.94%");
    expect(top).toContain("⚠ over the 50.00% limit");
    const calm = render((c) => c.setQueryData(dashboardKeys.metrics(), { ...bar, topAsset: { ...bar.topAsset!, flagged: false } }));
    expect(figure(calm, "top-asset")).not.toContain("bg-amber-50");
    expect(figure(calm, "top-asset")).not.toContain("over the");
  });

  it("an empty workspace renders nothing here (the equity card explains); no data yet shows the skeleton", () => {
    expect(render((c) => c.setQueryData(dashboardKeys.metrics(), { ...bar, state: "empty" }))).toBe("");
    expect(render(() => {})).toContain('aria-label="Loading key metrics"');
  });

  it("a failed read shows the bar's own error with Try again", () => {
    const failed = render((c) => {
      // A render after a failed fetch: not retried on mount, as after the retries ran out.
      c.setQueryDefaults(dashboardKeys.metrics(), { retryOnMount: false });
      c.getQueryCache().build(c, { queryKey: dashboardKeys.metrics() }).setState({ status: "error", error: new Error("/api/dashboard/metrics: boom"), fetchStatus: "idle" });
    });
    expect(failed).toContain("Key metrics could not load");
    expect(failed).toContain("/api/dashboard/metrics: boom");
    expect(failed).toContain(">Try again</button>");
  });
});
