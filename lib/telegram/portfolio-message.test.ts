import { describe, expect, it } from "vitest";
import type { Holdings } from "@/lib/read-models/dashboard-schemas";
import type { MetricsBar } from "@/lib/read-models/metrics-bar-schemas";
import { formatPortfolio } from "./portfolio-message";
import { markdownV2Problem } from "./testing/fake-telegram";

const NOW = new Date("2026-11-20T10:30:00Z");
const metrics = {
  state: "ok",
  baseCurrency: "USD",
  timeZone: "UTC",
  asOf: "2026-11-20T10:18:00Z",
  historyStartsAt: "2026-08-22T00:00:00Z",
  equity: "1234567.891",
  unpricedAssets: [],
  periods: [{ id: "day", from: "2026-11-20T00:00:00Z", status: "ok", reason: null, startAt: null, startEquity: "1240000", netFlows: "-1000", pnl: "-4432.109", pct: "-0.00357" }],
  exposure: { gross: "1500000", net: "-250000.5", leverage: "1.215" },
  margin: { debt: null, futuresWallet: null, used: null, available: null, unreported: null },
  topAsset: { asset: "BTC", weight: "0.5512", threshold: "0.5", flagged: true, cashLike: false },
  methods: {},
} as unknown as MetricsBar;
const holdings = {
  baseCurrency: "USD",
  allocation: ["BTC", "ETH", "BRK.B", "SOL", "USDT", "DOGE"].map((asset, i) => ({ asset, quantity: "1", price: "1", value: String(100000 - i * 1000), weight: String(0.5 - i * 0.05) })),
  positions: [],
} as unknown as Holdings;

describe("formatPortfolio", () => {
  it("is MarkdownV2 Telegram parses (specials in names and numbers escaped) with the figures in order", () => {
    const text = formatPortfolio({ workspaceName: "Fund #1 (test)!", metrics, holdings }, NOW);
    expect(markdownV2Problem(text)).toBeNull();
    expect(text).toContain("*Fund \\#1 \\(test\\)\\! · portfolio*");
    expect(text).toContain("Equity: *1,234,567\\.89 USD*");
    expect(text).toContain("Today: \\-4,432\\.11 USD \\(\\-0\\.36%\\), flow\\-adjusted");
    expect(text).toContain("3\\. BRK\\.B 40\\.0% · 98,000\\.00 USD");
    expect(text).toContain("5\\. USDT");
    expect(text).not.toContain("DOGE");
    expect(text).toContain("Exposure: gross 1,500,000\\.00 · net \\-250,000\\.50 USD");
    expect(text).toContain("Leverage: 1\\.22x");
    expect(text).toContain("⚠️ BTC is 55\\.1% of the portfolio, above the 50% limit");
    expect(text).toContain("Last sync: 12 min ago");
  });

  it("says so when there is no snapshot yet", () => {
    const text = formatPortfolio({ workspaceName: "New", metrics: { ...metrics, state: "empty", equity: null }, holdings }, NOW);
    expect(markdownV2Problem(text)).toBeNull();
    expect(text).toContain("No snapshot yet");
  });
});
