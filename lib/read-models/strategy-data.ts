import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import type { ReconciledPositionRow, StrategyEquityRow } from "@/db/schema";
import { countFillsByStrategy, listLatestReconciliations, listReconciledRows, listStrategyPoints, type LatestReconciliation } from "@/db/queries/strategies";
import { D, sum, toDecimalString } from "@/lib/money/decimal";
import {
  strategyFiltersSchema,
  type AccountReconciliation,
  type ReconciliationLine,
  type StrategyList,
  type StrategyMethods,
  type StrategyPnl,
  type StrategyPosition,
  type StrategyView,
} from "./strategy-schemas";
import { filterValues, type SearchInput } from "./trade-filters";
import { WHOLE_WORKSPACE, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { scopeView } from "./portfolio-scope";

/** The name of what no strategy tag explains (lib/attribution/strategy-tags.ts, RESERVED_STRATEGY). */
export const UNTAGGED = "untagged";
/** The PnL series covers this many days before the newest reconciliation. */
export const STRATEGY_SERIES_DAYS = 90;

/** Where each figure comes from, shown beside it; the anchors are in docs/metrics.md. */
export const STRATEGY_METHODS: StrategyMethods = {
  residual:
    "Residual: the venue's quantity minus the sum of the strategies' quantities, per symbol, at the newest reconciled snapshot; what no tagged fill explains (manual trades, transfers, fills from before tagging). docs/metrics.md#reconciliation-and-strategy-attribution-reconcile",
  averageCost:
    "Weighted average cost of the residual: the |quantity|-weighted mean of the strategies' average costs on the symbol, or the venue's entry price when no strategy holds it. docs/metrics.md#reconciliation-and-strategy-attribution-reconcile",
  realizedPnl: "Realised PnL: FIFO lots over the strategy's stored fills up to the snapshot, net of fees, in the base currency. docs/metrics.md#trade-statistics-trade-stats",
  unrealizedPnl: "Unrealised PnL: value − quantity × average cost × FX, over the strategy's rows at the snapshot's prices, in the base currency. docs/metrics.md#reconciliation-and-strategy-attribution-reconcile",
  series:
    "PnL over time: realised + unrealised, one stored point per reconciled snapshot (hourly, and on Run now). Not an equity curve: a strategy holds no cash of its own. docs/metrics.md#reconciliation-and-strategy-attribution-reconcile",
};

/** The page's filter from a URL query: `connection` must be a connection id. */
export function parseStrategyFilters(search: SearchInput) {
  return strategyFiltersSchema.safeParse(filterValues(search));
}

const isZero = (v: string) => new D(v).isZero();

/** Per symbol of one reconciliation: the venue (Σ rows), the strategies (Σ strategy rows), the residual row, and where it is held. */
export function reconciliationLines(rows: readonly ReconciledPositionRow[]): ReconciliationLine[] {
  const bySymbol = new Map<string, ReconciledPositionRow[]>();
  for (const r of rows) bySymbol.set(r.symbol, [...(bySymbol.get(r.symbol) ?? []), r]);
  return [...bySymbol.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([symbol, own]) => {
      const strategyRows = own.filter((r) => r.kind === "strategy");
      const residual = own.find((r) => r.kind === "residual");
      const venue = sum(own.map((r) => r.quantity));
      const strategies = sum(strategyRows.map((r) => r.quantity));
      const heldAt = venue.isZero() && !strategies.isZero() ? "strategy-only" : !venue.isZero() && strategies.isZero() ? "venue-only" : "both";
      return {
        symbol,
        quoteCurrency: own[0]!.quoteCurrency,
        venueQuantity: toDecimalString(venue),
        strategyQuantity: toDecimalString(strategies),
        residualQuantity: residual ? residual.quantity : "0",
        residualAverageCost: residual?.averageCost ?? null,
        residualValueBase: residual?.valueBase ?? null,
        heldAt,
        strategies: strategyRows.map((r) => ({ strategy: r.strategy!, quantity: r.quantity, averageCost: r.averageCost })),
      };
    });
}

function accountView(a: LatestReconciliation, rows: readonly ReconciledPositionRow[]): AccountReconciliation {
  const s = a.summary;
  return {
    connectionId: a.connectionId,
    label: a.connectionLabel,
    provider: a.provider,
    reconciliation: s
      ? {
          snapshotId: s.snapshotId,
          capturedAt: s.capturedAt.toISOString(),
          reconciledAt: s.reconciledAt.toISOString(),
          baseCurrency: s.baseCurrency,
          fillsUsed: s.fillsUsed,
          strategyValue: s.strategyValue,
          residualValue: s.residualValue,
          unpriced: s.unpriced,
        }
      : null,
    lines: reconciliationLines(rows),
  };
}

function positionView(a: LatestReconciliation, r: ReconciledPositionRow): StrategyPosition {
  return {
    connectionId: a.connectionId,
    connectionLabel: a.connectionLabel,
    symbol: r.symbol,
    quantity: r.quantity,
    averageCost: r.averageCost,
    marketPrice: r.marketPrice,
    quoteCurrency: r.quoteCurrency,
    valueBase: r.valueBase,
    unrealizedPnl: r.unrealizedPnl,
    baseCurrency: a.summary!.baseCurrency,
    closedAtVenue: r.closedAtVenue,
  };
}

const pointView = (p: StrategyEquityRow) => ({
  connectionId: p.connectionId,
  at: p.at.toISOString(),
  realizedPnl: p.realizedPnl,
  unrealizedPnl: p.unrealizedPnl,
  pnl: p.pnl,
  marketValue: p.marketValue,
  openPositions: p.openPositions,
});

/**
 * The /strategies read: every strategy tag seen in the fills or the newest reconciliations
 * (plus "untagged"), with its positions and PnL, and each connection's reconciliation.
 * With `connectionId`, one connection only (another workspace's: NotFoundError). With a
 * portfolio selection: reconciliations and strategy PnL (per connection, from snapshots) of
 * its whole connections, fill counts of its accounts exactly.
 */
export async function loadStrategies(db: Db, p: { ownerId: string; connectionId?: string; portfolio?: ResolvedPortfolio }): Promise<StrategyList> {
  if (p.connectionId) await getConnection(db, { ownerId: p.ownerId, connectionId: p.connectionId });
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const connectionIds = portfolio.connectionIds;
  const accounts = await listLatestReconciliations(db, { ownerId: p.ownerId, connectionId: p.connectionId, connectionIds });
  const reconciled = accounts.filter((a) => a.summary !== null);
  const newest = reconciled.reduce((t, a) => Math.max(t, a.summary!.capturedAt.getTime()), 0);
  const seriesFrom = new Date((newest || Date.UTC(1970, 0, 1)) - STRATEGY_SERIES_DAYS * 86_400_000);
  const [rows, points, fillCounts] = await Promise.all([
    listReconciledRows(db, { ownerId: p.ownerId, snapshotIds: reconciled.map((a) => a.summary!.snapshotId) }),
    listStrategyPoints(db, { ownerId: p.ownerId, from: seriesFrom, connectionId: p.connectionId, connectionIds }),
    countFillsByStrategy(db, { ownerId: p.ownerId, connectionId: p.connectionId, accountIds: portfolio.accountIds }),
  ]);
  const rowsOf = (a: LatestReconciliation) => rows.filter((r) => r.snapshotId === a.summary?.snapshotId);

  const names = new Set<string>();
  for (const f of fillCounts) if (f.strategy !== null && f.strategy !== UNTAGGED) names.add(f.strategy);
  for (const r of rows) if (r.strategy !== null) names.add(r.strategy);
  for (const pt of points) names.add(pt.strategy);

  const strategyOf = (name: string | null): StrategyView => {
    const tag = name ?? UNTAGGED;
    const counted = fillCounts.find((f) => (name === null ? f.strategy === null || f.strategy === UNTAGGED : f.strategy === name));
    const positions = reconciled.flatMap((a) => rowsOf(a).filter((r) => (name === null ? r.kind === "residual" : r.strategy === name)).map((r) => positionView(a, r)));
    const own = points.filter((pt) => pt.strategy === name);
    const latest: StrategyPnl[] = accounts.flatMap((a) => {
      const last = own.filter((pt) => pt.connectionId === a.connectionId).at(-1);
      return last ? [{ ...pointView(last), connectionLabel: a.connectionLabel, baseCurrency: a.summary?.baseCurrency ?? "USD" }] : [];
    });
    const query = new URLSearchParams({ strategy: tag });
    return {
      strategy: tag,
      untagged: name === null,
      fills: { count: counted?.fills ?? 0, firstAt: counted?.firstAt?.toISOString() ?? null, lastAt: counted?.lastAt?.toISOString() ?? null, href: `/fills?${query}` },
      positions: positions.filter((pos) => name !== null || !isZero(pos.quantity)),
      latest,
      series: own.map(pointView),
    };
  };

  return {
    ...(p.portfolio ? { portfolio: scopeView(portfolio) } : {}),
    connection: p.connectionId ?? null,
    seriesFrom: seriesFrom.toISOString(),
    accounts: accounts.map((a) => accountView(a, rowsOf(a))),
    strategies: [...[...names].sort().map(strategyOf), strategyOf(null)],
    methods: STRATEGY_METHODS,
  };
}
