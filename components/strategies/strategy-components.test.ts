import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { STRATEGY_METHODS } from "@/lib/read-models/strategy-data";
import type { AccountReconciliation, StrategyList, StrategyView } from "@/lib/read-models/strategy-schemas";
import { NoTaggedOrders } from "./no-tagged-orders";
import { ReconciliationTable } from "./reconciliation-table";
import { strategyPnlPoints } from "./strategy-chart-points";
import { StrategyPositionsTable } from "./strategy-positions-table";
import { StrategyTable } from "./strategy-table";

const CONN = "0b6f5d4e-8a1c-4c2e-9f1a-2d3c4b5a6f70";
const SNAP = "5c9e8d7f-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const T1 = "2026-11-20T09:00:00.000Z";
const T2 = "2026-11-20T10:00:00.000Z";
const html = (el: ReturnType<typeof createElement>) => renderToString(el);
const attr = (text: string) => text.replaceAll("'", "&#x27;");

const account: AccountReconciliation = {
  connectionId: CONN,
  label: "Demo",
  provider: "demo",
  reconciliation: { snapshotId: SNAP, capturedAt: T2, reconciledAt: T2, baseCurrency: "USD", fillsUsed: 304, strategyValue: "9000", residualValue: "60000", unpriced: [] },
  lines: [
    {
      symbol: "BTC",
      quoteCurrency: "USD",
      venueQuantity: "10",
      strategyQuantity: "9",
      residualQuantity: "1",
      residualAverageCost: "45000",
      residualValueBase: "60000",
      heldAt: "both",
      strategies: [
        { strategy: "carry", quantity: "3", averageCost: "55000" },
        { strategy: "trend", quantity: "6", averageCost: "40000" },
      ],
    },
    { symbol: "ETH", quoteCurrency: "USD", venueQuantity: "2", strategyQuantity: "2", residualQuantity: "0", residualAverageCost: null, residualValueBase: null, heldAt: "both", strategies: [{ strategy: "trend", quantity: "2", averageCost: "3000" }] },
    { symbol: "LINK", quoteCurrency: "USD", venueQuantity: "40", strategyQuantity: "0", residualQuantity: "40", residualAverageCost: null, residualValueBase: "600", heldAt: "venue-only", strategies: [] },
    { symbol: "SOL", quoteCurrency: "USD", venueQuantity: "0", strategyQuantity: "2", residualQuantity: "-2", residualAverageCost: "150", residualValueBase: "-300", heldAt: "strategy-only", strategies: [{ strategy: "carry", quantity: "2", averageCost: "150" }] },
  ],
};

const point = (at: string, pnl: string) => ({ connectionId: CONN, at, realizedPnl: "100", unrealizedPnl: new D(pnl).minus(100).toFixed(), pnl, marketValue: "1000", openPositions: 1 });
const strategy = (name: string, extra: Partial<StrategyView> = {}): StrategyView => ({
  strategy: name,
  untagged: false,
  fills: { count: 12, firstAt: T1, lastAt: T2, href: `/fills?strategy=${name}` },
  positions: [
    { connectionId: CONN, connectionLabel: "Demo", symbol: "BTC", quantity: "6", averageCost: "40000", marketPrice: "60000", quoteCurrency: "USD", valueBase: "360000", unrealizedPnl: "120000", baseCurrency: "USD", closedAtVenue: false },
  ],
  latest: [{ ...point(T2, "-250.5"), connectionLabel: "Demo", baseCurrency: "USD" }],
  series: [point(T1, "10"), point(T2, "-250.5")],
  ...extra,
});
const data: StrategyList = {
  connection: null,
  seriesFrom: "2026-08-22T10:00:00.000Z",
  accounts: [account],
  strategies: [
    strategy("carry", { series: [point(T2, "5")] }),
    strategy("trend"),
    strategy("untagged", {
      untagged: true,
      latest: [],
      series: [],
      positions: [{ connectionId: CONN, connectionLabel: "Demo", symbol: "LINK", quantity: "40", averageCost: null, marketPrice: "15", quoteCurrency: "USD", valueBase: "600", unrealizedPnl: null, baseCurrency: "USD", closedAtVenue: false }],
    }),
  ],
  methods: STRATEGY_METHODS,
};

describe("StrategyTable", () => {
  it("one row per strategy then untagged (the residual), PnL signed with its currency, fills linked to /fills?strategy=", () => {
    const out = html(createElement(StrategyTable, { data, timeZone: "UTC" }));
    expect([...out.matchAll(/data-strategy="([^"]+)"/g)].map((m) => m[1])).toEqual(["carry", "trend", "untagged"]);
    expect(out).toContain('href="/fills?strategy=trend"');
    expect(out).toContain('href="/fills?strategy=untagged"');
    const trend = out.split("<tr").find((r) => r.includes('data-strategy="trend"'))!;
    // realised +100, unrealised −350.50, PnL −250.50: signed, and red/green with the sign as well.
    expect(trend).toContain(">+$100.00<");
    expect(trend).toContain(">-$350.50<");
    expect(trend).toContain(">-$250.50<");
    expect(trend).toContain("text-rose-700");
    expect(out).toContain("(residual)");
    expect(out).toContain(`title="${attr(STRATEGY_METHODS.realizedPnl)}"`);
    expect(out).toContain(`title="${attr(STRATEGY_METHODS.unrealizedPnl)}"`);
  });
});

describe("ReconciliationTable", () => {
  it("a residual row is marked in words and highlighted, with its weighted average cost 45,000 USD; a matched row is not", () => {
    const out = html(createElement(ReconciliationTable, { account, methods: STRATEGY_METHODS }));
    const rows = out.split("<tr").slice(2);
    const btc = rows.find((r) => r.includes(">BTC<"))!;
    expect(btc).toContain('data-residual="true"');
    expect(btc).toContain(">residual<");
    expect(btc).toContain("45,000 USD");
    expect(btc).toContain("$60,000.00");
    const eth = rows.find((r) => r.includes(">ETH<"))!;
    expect(eth).not.toContain("data-residual");
    expect(eth).not.toContain(">residual<");
    expect(out).toContain("3 of 4 symbols have a residual");
  });

  it("marks venue-only and strategy-only symbols in words", () => {
    const out = html(createElement(ReconciliationTable, { account, methods: STRATEGY_METHODS }));
    const rows = out.split("<tr").slice(2);
    expect(rows.find((r) => r.includes(">LINK<"))).toContain(">venue only<");
    expect(rows.find((r) => r.includes(">SOL<"))).toContain(">strategy only<");
    expect(rows.find((r) => r.includes(">BTC<"))).not.toMatch(/venue only|strategy only/);
  });

  it("before the first reconciliation, says so", () => {
    const out = html(createElement(ReconciliationTable, { account: { ...account, reconciliation: null, lines: [] }, methods: STRATEGY_METHODS }));
    expect(out).toContain("Not reconciled yet");
  });
});

describe("StrategyPositionsTable", () => {
  it("lists each strategy's rows and untagged's residual rows, costs in the quote currency", () => {
    const out = html(createElement(StrategyPositionsTable, { data }));
    expect(out).toContain("40,000 USD");
    expect(out).toContain(">LINK");
    expect(out).toContain("$360,000.00");
  });

  it("with nothing attributed, says when positions appear", () => {
    const out = html(createElement(StrategyPositionsTable, { data: { ...data, strategies: data.strategies.map((s) => ({ ...s, positions: [] })) } }));
    expect(out).toContain("No position is attributed yet");
  });
});

describe("NoTaggedOrders", () => {
  it("explains both tag forms", () => {
    const out = html(createElement(NoTaggedOrders));
    expect(out).toContain("mm-btc:4221b");
    expect(out).toContain("mmbtcX4221b");
  });
});

describe("strategyPnlPoints", () => {
  it("one row per stored instant; a strategy without a point then is a gap (null), the exact decimal kept for the tooltip", () => {
    const { points, strategies } = strategyPnlPoints(data.strategies, CONN);
    expect(strategies).toEqual(["carry", "trend"]);
    expect(points).toEqual([
      { t: Date.parse(T1), values: { carry: null, trend: 10 }, exact: { trend: "10" } },
      { t: Date.parse(T2), values: { carry: 5, trend: -250.5 }, exact: { carry: "5", trend: "-250.5" } },
    ]);
  });
});
