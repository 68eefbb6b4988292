import type { Db } from "@/db/client";
import { getAlertThresholds } from "@/db/queries/alert-thresholds";
import { listConnections } from "@/db/queries/connections";
import { getLatestSnapshots, getSnapshotRows } from "@/db/queries/dashboard";
import { calculateConcentrationRisk, DEFAULT_CONCENTRATION_THRESHOLD } from "@/lib/alerts/risk-calculate";
import { isCashLike } from "@/lib/engines/classify";
import { sum, toDecimalString } from "@/lib/money/decimal";
import { WHOLE_WORKSPACE, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { loadBarPeriods, loadSelectionBarPeriods } from "./metrics-bar-periods";
import { scopeView } from "./portfolio-scope";
import { selectionBasisToDate, type SharedSeries } from "./selection-series";
import { barMargin, MARGIN_NOT_PUBLISHED } from "./metrics-bar-margin";
import { METRICS_DOC_ANCHORS, type MetricKey, type MetricsBar } from "./metrics-bar-schemas";

function methods(p: { baseCurrency: string; timeZone: string }): MetricsBar["methods"] {
  const text: Record<MetricKey, string> = {
    equity: `Equity: Σ of each connection's latest snapshot valued in ${p.baseCurrency} (spot + funding + futures wallet + unrealized PnL + margin debt)`,
    periodPnl: `Flow-adjusted PnL: equity now − equity at the last snapshot before the period − net flows (confirmed deposits − withdrawals, cum_net_flows of the roll-ups; a connection added or deleted joins or leaves as a flow). Periods to date in ${p.timeZone}: day from local midnight, week from Monday, month from the 1st, YTD from 1 January. % = time-weighted return (NAV per unit now ÷ at the start − 1)`,
    exposure: "Exposure: per underlying, spot and derivatives netted; gross = Σ |net| of rows, net = Σ net; cash and stablecoins excluded",
    leverage: "Leverage: gross exposure ÷ equity",
    margin: `Margin debt: Σ borrowed balances (negative); futures wallet: Σ futures (margin) wallet balances, without unrealized PnL; margin used / available: Σ of the initial margin in use and the margin still available as each venue publishes them (Binance USDⓈ-M and COIN-M per asset: initialMargin, availableBalance; OKX per currency: imr, availEq), in ${p.baseCurrency} at the snapshot's prices; venues that publish none are named, never counted as 0`,
    topAsset: "Largest single asset: the allocation by asset (|net value| ÷ Σ |net values|, cash included); flagged above the workspace's concentration limit, as the concentration alert (cash-like assets never flag)",
  };
  const out = {} as MetricsBar["methods"];
  for (const key of Object.keys(text) as MetricKey[]) out[key] = { text: text[key], doc: METRICS_DOC_ANCHORS[key] };
  return out;
}

/**
 * The overview's metrics bar: equity, exposure and margin from each connection's latest
 * snapshot in the base currency (as the summary), the flow-adjusted periods from the daily
 * roll-ups, and the largest single-asset weight through the exposure engine with the
 * workspace's concentration limit. Everything is scoped to `ownerId`.
 *
 * For a portfolio selection: the snapshots of its whole connections, and the periods from
 * its daily closes (the roll-ups are the workspace's only); the period method says so.
 */
export async function loadMetricsBar(
  db: Db,
  p: { ownerId: string; now: Date; baseCurrency: string; timeZone: string; portfolio?: ResolvedPortfolio; series?: SharedSeries },
): Promise<MetricsBar> {
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const whole = portfolio.kind === "workspace";
  const latestRead = getLatestSnapshots(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds: portfolio.connectionIds });
  const [latest, periods, thresholds, connections] = await Promise.all([
    latestRead,
    // A selection's today is these same snapshots: read once.
    whole ? loadBarPeriods(db, p) : latestRead.then((l) => loadSelectionBarPeriods(db, { ...p, portfolio, latest: l })),
    getAlertThresholds(db, { ownerId: p.ownerId }),
    listConnections(db, { ownerId: p.ownerId }),
  ]);
  const workspaceMethods = methods(p);
  const head = {
    ...(p.portfolio ? { portfolio: scopeView(portfolio) } : {}),
    baseCurrency: p.baseCurrency,
    timeZone: p.timeZone,
    methods: whole ? workspaceMethods : { ...workspaceMethods, periodPnl: { text: selectionPeriodMethod(portfolio, p.timeZone), doc: SELECTION_SERIES_DOC } },
  };
  if (latest.length === 0) {
    return {
      ...head,
      state: "empty",
      asOf: null,
      historyStartsAt: null,
      equity: null,
      unpricedAssets: [],
      periods: [],
      exposure: { gross: null, net: null, leverage: null },
      margin: { debt: null, futuresWallet: null, used: null, available: null, unreported: MARGIN_NOT_PUBLISHED },
      topAsset: null,
    };
  }
  const total = (pick: (s: (typeof latest)[number]) => string) => sum(latest.map(pick));
  const equity = total((s) => s.equity);
  const gross = total((s) => s.grossExposure);
  const rows = await getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: latest.map((s) => s.id) });
  // The alert's own threshold parsing: a stored fraction, else the default 0.5.
  const threshold = thresholds ? Number(thresholds.concentration) : DEFAULT_CONCENTRATION_THRESHOLD;
  const concentration = calculateConcentrationRisk({ snapshots: latest, rows, threshold });
  const top = concentration.top1;
  return {
    ...head,
    state: "ok",
    asOf: new Date(Math.max(...latest.map((s) => s.capturedAt.getTime()))).toISOString(),
    historyStartsAt: periods.historyStartsAt?.toISOString() ?? null,
    equity: toDecimalString(equity),
    unpricedAssets: [...new Set(latest.flatMap((s) => s.unpricedAssets))].sort(),
    periods: periods.periods,
    exposure: {
      gross: toDecimalString(gross),
      net: toDecimalString(total((s) => s.netExposure)),
      leverage: equity.isPositive() ? toDecimalString(gross.div(equity).toDecimalPlaces(6)) : null,
    },
    margin: {
      debt: toDecimalString(total((s) => s.marginDebt)),
      futuresWallet: toDecimalString(total((s) => s.futuresWalletBalance)),
      ...barMargin(latest, new Map(connections.map((c) => [c.id, c.label]))),
    },
    topAsset: top
      ? {
          asset: top.asset,
          weight: top.weight,
          threshold: concentration.threshold,
          flagged: concentration.breaches.some((b) => b.asset === top.asset),
          cashLike: isCashLike(top.asset, p.baseCurrency),
        }
      : null,
  };
}

const SELECTION_SERIES_DOC = "docs/metrics.md#a-connection-or-portfolio-selection-the-daily-series";

/** The period PnL's method for a selection: the workspace's arithmetic on the selection's daily series. */
function selectionPeriodMethod(portfolio: ResolvedPortfolio, timeZone: string): string {
  return `Flow-adjusted PnL: equity at the last close − equity at the close of the local day before the period − net flows of its accounts (a connection's first close joins, a last one leaves, as a flow). Periods to date in ${timeZone}: day from local midnight, week from Monday, month from the 1st, YTD from 1 January. % = time-weighted return (NAV per unit now ÷ at the start − 1). Measured ${selectionBasisToDate(portfolio, timeZone)}`;
}
