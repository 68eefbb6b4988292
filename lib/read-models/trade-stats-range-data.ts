import type { Db } from "@/db/client";
import { getLatestSnapshots, getSnapshotRows } from "@/db/queries/dashboard";
import { listWorkspaceFillsUntil } from "@/db/queries/performance-fills";
import { snapshotRates } from "@/lib/attribution/holdings";
import { RESERVED_STRATEGY } from "@/lib/attribution/strategy-tags";
import { calculateTradeStats, summaryBetween, type TradeStatsResult, type TradeSummary } from "@/lib/engines/trade-stats";
import { D, type Dec } from "@/lib/money/decimal";
import { instrumentsFromFills } from "./fill-instruments";
import type { ResolvedRange } from "./performance-range";
import type { TradeStatsView, TradeSummaryView } from "./performance-summary-schemas";

const finite = (x: number) => (Number.isFinite(x) ? x : null);

export const TRADE_STATS_DOC = "docs/metrics.md#trade-statistics-trade-stats";

const METHODS: TradeStatsView["methods"] = {
  trips: { text: "Round trips (flat to flat) closed inside the range, FIFO lots, net of every fee; a trip may have opened before the range", doc: TRADE_STATS_DOC },
  winRate: { text: "Winning round trips ÷ closed round trips (a trip at exactly 0 is neither)", doc: TRADE_STATS_DOC },
  profitFactor: { text: "Gross profit ÷ gross loss of the closed round trips (∞ with no loss)", doc: TRADE_STATS_DOC },
  expectancy: { text: "Win rate × average win − loss rate × average loss = net PnL ÷ round trips", doc: TRADE_STATS_DOC },
  realizedPnl: { text: "FIFO realised PnL inside the range: closed round trips plus partial closes of positions still open, net of fees", doc: TRADE_STATS_DOC },
  fees: { text: "Fees of the round trips closed inside the range, in the PnL currency", doc: TRADE_STATS_DOC },
  conversion: { text: "Overall and per strategy in the base currency at the latest snapshot's rates; per symbol and per settlement currency unconverted", doc: TRADE_STATS_DOC },
};

type Extremes = Map<string, { win: Dec | null; loss: Dec | null }>;

function noteExtreme(map: Extremes, key: string, value: string | null) {
  if (value === null) return;
  const v = new D(value);
  const e = map.get(key) ?? { win: null, loss: null };
  if (v.isPositive() && !v.isZero() && (e.win === null || v.greaterThan(e.win))) e.win = v;
  if (v.isNegative() && !v.isZero() && (e.loss === null || v.lessThan(e.loss))) e.loss = v;
  map.set(key, e);
}

function view(s: TradeSummary, extremes: { win: Dec | null; loss: Dec | null } | undefined): TradeSummaryView {
  return {
    currency: s.currency,
    trades: s.trades,
    winners: s.winners,
    losers: s.losers,
    winRate: finite(s.winRate),
    profitFactor: finite(s.profitFactor),
    profitFactorInfinite: s.profitFactor === Infinity,
    expectancy: s.expectancy,
    averageWin: s.averageWin,
    averageLoss: s.averageLoss,
    largestWin: extremes?.win?.toFixed() ?? null,
    largestLoss: extremes?.loss?.toFixed() ?? null,
    realizedPnl: s.realizedPnl,
    fees: s.fees,
  };
}

/** Rows with something inside the range: a closed trip, realised PnL or a fee. */
const hasActivity = (s: TradeSummary) => s.trades > 0 || !new D(s.realizedPnl).isZero() || !new D(s.fees).isZero();

function keyed(later: Record<string, TradeSummary>, earlier: Record<string, TradeSummary> | undefined, extremes: Extremes) {
  return Object.entries(later)
    .map(([key, s]) => ({ key, s: summaryBetween(s, earlier?.[key]) }))
    .filter(({ s }) => hasActivity(s))
    .map(({ key, s }) => ({ key, ...view(s, extremes.get(key)) }));
}

/**
 * Trade statistics of /performance over one range, from the workspace's stored fills (every
 * connection; owner-scoped). The FIFO book runs once over every fill up to the range's end,
 * noting the summaries as they stood at the range's start (the engine's `cutMs`); the range's
 * figures are the difference (trips closed before the start are in both), so a trip opened before the range and closed
 * inside it counts, whole, in the range; a position with no fill in the range is left out of
 * both runs (it can close nothing there). Money stays exact (decimal strings); conversion to
 * the base currency uses the rates of each connection's latest snapshot. `accountIds` (the
 * portfolio selector's; null: every account) narrows the fills; rates stay every snapshot's.
 * Inverse contracts are priced with the contract size stored on their fills (fill-instruments.ts).
 */
export async function loadRangeTradeStats(
  db: Db,
  p: { ownerId: string; baseCurrency: string; range: ResolvedRange; accountIds?: readonly string[] | null },
): Promise<TradeStatsView> {
  const fromMs = p.range.from === null ? -Infinity : Date.parse(p.range.from);
  const [fills, latest] = await Promise.all([
    listWorkspaceFillsUntil(db, { ownerId: p.ownerId, until: new Date(p.range.to), accountIds: p.accountIds }),
    getLatestSnapshots(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency }),
  ]);
  latest.sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
  const rows = await getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: latest.map((s) => s.id) });
  const rates = snapshotRates(rows, new Map());
  // Only a position (account, symbol, strategy) with a fill in the range can close a trip or
  // realise PnL in it: the others are left out of both runs, whole, which changes no figure.
  const keyOf = (f: { accountUid: string; symbol: string; strategy: string | null }) => `${f.accountUid}\u0000${f.symbol}\u0000${f.strategy ?? ""}`;
  const normalised = fills.map((f) => ({ ...f, strategy: f.strategy === RESERVED_STRATEGY ? null : f.strategy }));
  const active = new Set(normalised.filter((f) => f.executedAt.getTime() >= fromMs).map(keyOf));
  const tagged = normalised.filter((f) => active.has(keyOf(f)));
  // Fills are in time order, so those before the range are a prefix.
  const cut = tagged.findIndex((f) => f.executedAt.getTime() >= fromMs);
  const before = cut === -1 ? tagged.length : cut;
  // One pass: the book's state at the range's start comes with it (cutMs), not from a second run over the prefix.
  const later: TradeStatsResult = calculateTradeStats({ baseCurrency: p.baseCurrency, ...rates, fills: tagged, instruments: instrumentsFromFills(tagged), ...(before > 0 && { cutMs: fromMs }) });
  const earlier = later.beforeCut;

  const bySymbol: Extremes = new Map();
  const byStrategy: Extremes = new Map();
  const bySettlement: Extremes = new Map();
  const overall: Extremes = new Map();
  const inverse = new Set<string>();
  for (const t of later.roundTrips) {
    if (t.kind === "inverse") inverse.add(t.currency);
    if (Date.parse(t.closedAt) < fromMs) continue;
    noteExtreme(bySymbol, t.symbol, t.netPnl);
    noteExtreme(bySettlement, t.currency, t.netPnl);
    noteExtreme(byStrategy, t.strategy ?? "untagged", t.netPnlBase);
    noteExtreme(overall, "", t.netPnlBase);
  }
  for (const o of later.openPositions) if (o.kind === "inverse") inverse.add(o.currency);

  return {
    method: later.method,
    baseCurrency: later.baseCurrency,
    fillsInRange: tagged.length - before,
    overall: view(summaryBetween(later.overall, earlier?.overall), overall.get("")),
    bySymbol: keyed(later.bySymbol, earlier?.bySymbol, bySymbol),
    byStrategy: keyed(later.byStrategy, earlier?.byStrategy, byStrategy),
    bySettlement: keyed(later.bySettlement, earlier?.bySettlement, bySettlement).map((r) => ({ ...r, inverse: inverse.has(r.key) })),
    unpricedSymbols: later.unpricedSymbols,
    unpricedCurrencies: later.unpricedCurrencies,
    unconvertedFees: later.unconvertedFees.length,
    methods: METHODS,
  };
}
