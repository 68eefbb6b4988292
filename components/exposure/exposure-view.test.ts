import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import type { Exposure } from "@/lib/read-models/exposure-schemas";
import { dashboardKeys } from "@/lib/read-models/query-options";
import { ExposureView } from "./exposure-view";

// Equity 45000; 1 BTC spot @ 60000 and a −30000 ETH perpetual: net 30000, gross 90000, leverage 2
// (docs/metrics.md's worked example). Shares by |net|: BTC 60000 / 90000, ETH 30000 / 90000.
const exposure: Exposure = {
  state: "ok",
  baseCurrency: "USD",
  asOf: "2026-11-20T10:00:00.000Z",
  equity: "45000",
  totals: {
    long: "60000",
    short: "-30000",
    net: "30000",
    gross: "90000",
    grossUnnetted: "90000",
    netWeight: "0.6666666666666666666666666666666666666667",
    leverage: "2",
    leverageUnnetted: "2",
  },
  underlyings: [
    { underlying: "BTC", sector: "Store of value", long: "60000", short: "0", net: "60000", gross: "60000", netWeight: "1.333333333333333333333333333333333333333", leverage: "1.333333333333333333333333333333333333333" },
    { underlying: "ETH", sector: "Smart contract platform", long: "0", short: "-30000", net: "-30000", gross: "30000", netWeight: "-0.6666666666666666666666666666666666666667", leverage: "0.6666666666666666666666666666666666666667" },
  ],
  byVenue: [{ key: "c1", label: "Binance main", value: "30000", weight: "1", equity: "45000" }],
  byAccount: [
    { key: "a1", label: "Spot", value: "60000", weight: "0.6666666666666666666666666666666666666667", connectionLabel: "Binance main" },
    { key: "a2", label: "USDT-M", value: "-30000", weight: "0.3333333333333333333333333333333333333333", connectionLabel: "Binance main" },
  ],
  byAssetClass: [
    { key: "crypto", label: "Crypto (spot)", value: "60000", weight: "0.6666666666666666666666666666666666666667" },
    { key: "derivatives", label: "Derivatives", value: "-30000", weight: "0.3333333333333333333333333333333333333333" },
  ],
  bySector: [
    { key: "Store of value", label: "Store of value", value: "60000", weight: "0.6", assets: ["BTC"] },
    { key: "Smart contract platform", label: "Smart contract platform", value: "-30000", weight: "0.3", assets: ["ETH"] },
    { key: "Unclassified", label: "Unclassified", value: "10000", weight: "0.1", assets: ["NOTATOKEN"] },
  ],
  concentration: {
    herfindahl: "0.5555555555555555555555555555555555555556",
    top5Weight: "1",
    threshold: "0.5",
    top: [
      { asset: "BTC", weight: "0.6666666666666666666666666666666666666667" },
      { asset: "ETH", weight: "0.3333333333333333333333333333333333333333" },
    ],
    breaches: [{ asset: "BTC", weight: "0.6666666666666666666666666666666666666667" }],
  },
  derivatives: [
    {
      id: "a2:ETH/USDT:USDT:short",
      symbol: "ETH/USDT:USDT",
      underlying: "ETH",
      side: "short",
      quantity: "-10",
      markPrice: "3000",
      notional: "-30000",
      quoteCurrency: "USDT",
      liquidationPrice: "4000",
      liquidationDistance: "0.3333333333333333333333333333333333333333",
      liquidationMissing: null,
      marginMode: "isolated",
      leverage: "3",
      accountName: "USDT-M",
      connectionLabel: "Binance main",
      isDemo: false,
    },
    {
      id: "a2:SOL/USDT:USDT:long",
      symbol: "SOL/USDT:USDT",
      underlying: "SOL",
      side: "long",
      quantity: "1",
      markPrice: "150",
      notional: "150",
      quoteCurrency: "USDT",
      liquidationPrice: null,
      liquidationDistance: null,
      liquidationMissing: "not_reported",
      marginMode: "cross",
      leverage: null,
      accountName: "USDT-M",
      connectionLabel: "Binance main",
      isDemo: false,
    },
  ],
  unpriced: [{ asset: "XYZ", amount: "5", symbol: null }],
  notValued: [],
};

const render = (data: Exposure) => {
  const client = new QueryClient();
  client.setQueryData(dashboardKeys.exposure(), data);
  // React marks the seams between text parts with empty comments; the reader sees one sentence.
  return renderToHtml(createElement(ExposureView, { timeZone: "UTC" }), { search: "", client }).replaceAll("<!-- -->", "");
};

describe("ExposureView", () => {
  it("equity 45,000, gross 90,000, net +30,000 → leverage 2.00×; HHI 0.5556 and top 5 100.00%", () => {
    const html = render(exposure);
    expect(html).toContain("$45,000.00");
    expect(html).toMatch(/data-testid="figure-gross".*\$90,000\.00/);
    expect(html).toMatch(/data-testid="figure-net".*\+\$30,000\.00/);
    expect(html).toMatch(/data-testid="figure-leverage".*2\.00×/);
    expect(html).toMatch(/data-testid="figure-hhi".*0\.5556/);
    expect(html).toMatch(/data-testid="figure-top5".*100\.00%/);
  });

  it("BTC at 66.67 % raises the >50 % flag as an alert naming the asset and its share", () => {
    const html = render(exposure);
    expect(html).toMatch(/role="alert" data-testid="concentration-flag"/);
    expect(html).toContain("BTC is 66.67%");
    expect(html).toContain("above the 50.00% single-asset limit");
    const calm = render({ ...exposure, concentration: { ...exposure.concentration!, breaches: [] } });
    expect(calm).not.toContain("concentration-flag");
  });

  it("per underlying: BTC long $60,000.00 = 133.33 % of NAV, 1.33×; ETH short −$30,000.00, 0.67×; each heading names its method", () => {
    const html = render(exposure);
    expect(html).toContain("+133.33%");
    expect(html).toContain("1.33×");
    expect(html).toContain("-$30,000.00");
    expect(html).toContain("0.67×");
    expect(html).toContain('title="gross ÷ equity (docs/metrics.md#exposure-exposure)"');
    expect(html).toContain("docs/metrics.md#distance-to-liquidation");
  });

  it("sectors list their assets, Unclassified included and named; the sector source is said", () => {
    const html = render(exposure);
    expect(html).toContain("Unclassified");
    expect(html).toContain("NOTATOKEN");
    expect(html).toContain("lib/engines/data/sectors.json");
  });

  it("derivatives: ETH short 33.33 % from liquidation, isolated; SOL's missing price is “— (venue did not report)”", () => {
    const html = render(exposure);
    expect(html).toContain("33.33%");
    expect(html).toContain("isolated");
    expect(html).toContain("(venue did not report)");
    expect(html).toContain("▼ short");
  });

  it("an unpriced holding is said, never silently zero", () => {
    expect(render(exposure)).toContain("Excludes 1 unpriced holding: XYZ.");
  });

  it("partial: a connection with no snapshot in the base currency is named as left out", () => {
    expect(render({ ...exposure, notValued: ["OKX"] })).toContain("Partial: OKX has no snapshot in USD yet and is left out.");
  });

  it("empty: “Connect a venue to see exposure”, linking to /connections/new", () => {
    const html = render({ ...exposure, state: "empty", equity: null, totals: null, underlyings: [], concentration: null, derivatives: [], asOf: null });
    expect(html).toContain("Connect a venue to see exposure");
    expect(html).toContain('href="/connections/new"');
  });
});
