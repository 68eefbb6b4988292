import type { Db } from "@/db/client";
import {
  getEquitySeries,
  getLatestSnapshots,
  getReconstructedUntil,
  getOpenPositions,
  getSnapshotRows,
  getSnapshotsAsOf,
  getSyncOverview,
} from "@/db/queries/dashboard";
import { D, type Dec, sum, toDecimalString } from "@/lib/money/decimal";
import { loadDayChange } from "./day-change";
import { listOpenGaps } from "@/db/queries/snapshot-gaps";
import { BUCKET_MS, nextBucketStart } from "@/db/queries/rollup-buckets";
import { breakSeriesAtGaps } from "@/lib/snapshots/gaps-calculate";
import type { EquityRangeParam, EquitySeries, Holdings, Summary } from "./dashboard-schemas";
import { WHOLE_WORKSPACE, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { scopeView } from "./portfolio-scope";

/** The connections a selection touches, whole or in part (null: every one). */
const touchedConnections = (r: ResolvedPortfolio) => (r.connectionIds === null ? null : [...r.connectionIds, ...r.partialConnections.map((c) => c.id)]);

/**
 * Builds the dashboard's JSON documents from the read models. The route handlers send
 * these; server components prefetch them under the same query keys.
 */
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const DAY = 86_400_000;

/**
 * The overview's totals in the workspace's base currency: only snapshots in it are summed.
 * Right after a change of currency that may be none yet (the resync the change queued brings
 * them); the old currency's snapshots are kept but never added to the new one's.
 *
 * For a portfolio selection: the snapshots of its whole connections, the sync state of every
 * connection it touches, and the day change compared like with like (the roll-ups' flow-
 * adjusted change is the workspace's only, so never shown under a portfolio's name).
 */
export async function loadSummary(
  db: Db,
  p: { ownerId: string; now: Date; baseCurrency: string; portfolio?: ResolvedPortfolio },
): Promise<Summary> {
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const connectionIds = portfolio.connectionIds;
  const [latest, dayAgo, overview] = await Promise.all([
    getLatestSnapshots(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds }),
    getSnapshotsAsOf(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, asOf: new Date(p.now.getTime() - DAY), connectionIds }),
    getSyncOverview(db, { ownerId: p.ownerId, connectionIds: touchedConnections(portfolio) }),
  ]);
  const scope = p.portfolio ? { portfolio: scopeView(portfolio) } : {};
  const connections = overview.map((c) => ({
    id: c.id,
    provider: c.provider,
    label: c.label,
    isDemo: c.provider === "demo",
    status: c.status,
    lastSyncAt: iso(c.lastSyncAt),
    lastSuccessAt: iso(c.lastSuccessAt),
    lastError: c.lastError,
    consecutiveFailures: c.consecutiveFailures,
    lastBatch: c.lastBatch
      ? {
          status: c.lastBatch.status,
          trigger: c.lastBatch.trigger,
          startedAt: c.lastBatch.startedAt.toISOString(),
          durationMs: c.lastBatch.durationMs,
        }
      : null,
  }));
  if (latest.length === 0) {
    return {
      ...scope,
      baseCurrency: p.baseCurrency,
      equity: null,
      asOf: null,
      dayChange: null,
      dayChangePct: null,
      dayChangeNetFlows: null,
      dayChangeBasis: "raw",
      spotValue: null,
      fundingValue: null,
      futuresWalletBalance: null,
      unrealizedPnl: null,
      grossExposure: null,
      netExposure: null,
      leverage: null,
      unpricedAssets: [],
      connections,
    };
  }
  const total = (pick: (s: (typeof latest)[number]) => string) => sum(latest.map(pick));
  const equity = total((s) => s.equity);
  const gross = total((s) => s.grossExposure);
  const dayChange = await loadDayChange(db, { ownerId: p.ownerId, now: p.now, latest, dayAgo, rollups: portfolio.kind === "workspace" });
  const asOf = new Date(Math.max(...latest.map((s) => s.capturedAt.getTime())));
  return {
    ...scope,
    baseCurrency: p.baseCurrency,
    equity: toDecimalString(equity),
    asOf: asOf.toISOString(),
    dayChange: dayChange.amount,
    dayChangePct: dayChange.pct,
    dayChangeNetFlows: dayChange.netFlows,
    dayChangeBasis: dayChange.basis,
    spotValue: toDecimalString(total((s) => s.spotValue)),
    fundingValue: toDecimalString(total((s) => s.fundingValue)),
    futuresWalletBalance: toDecimalString(total((s) => s.futuresWalletBalance)),
    unrealizedPnl: toDecimalString(total((s) => s.unrealizedPnl)),
    grossExposure: toDecimalString(gross),
    netExposure: toDecimalString(total((s) => s.netExposure)),
    leverage: equity.isPositive() ? toDecimalString(gross.div(equity).toDecimalPlaces(6)) : null,
    unpricedAssets: [...new Set(latest.flatMap((s) => s.unpricedAssets))].sort(),
    connections,
  };
}

/** A point where nothing was measured: every series lifts its pen. */
const GAP = { equity: null, navPerUnit: null, netFlows: null } as const;

/** A hole longer than this (and than two buckets) is shown as a gap, never bridged. */
const MIN_GAP_MS = 2 * 3_600_000;

/**
 * The equity series of a range, in the workspace's currency, 1d and 1w buckets cut in its
 * zone (the zone travels with the series, so the chart labels times there). Where snapshots
 * stop for longer than both two buckets and two hours (app down, venue down), a null point
 * breaks the line: a chart must not draw a flat line through time nobody measured. Each
 * point also carries NAV per unit and the bucket's net flows (null where not yet counted, or
 * NAV while nothing is held), for the chart's NAV view and its flow markers.
 */
export async function loadEquitySeries(
  db: Db,
  p: { ownerId: string; range: EquityRangeParam; now: Date; baseCurrency: string; timeZone: string },
): Promise<EquitySeries> {
  const [{ bucket, points }, reconstructedUntil] = await Promise.all([getEquitySeries(db, p), getReconstructedUntil(db, p)]);
  // Recorded gaps of any one connection: roll-ups carry a silent connection forward while
  // the others keep syncing, so only the gap table knows those buckets were not measured.
  const recorded = await listOpenGaps(db, { ownerId: p.ownerId, from: points[0]?.at ?? p.now, to: p.now });
  const measured = breakSeriesAtGaps(
    points.map((pt) => ({ atMs: pt.at.getTime(), value: pt })),
    recorded.map((g) => ({ fromMs: g.fromAt.getTime(), toMs: g.toAt?.getTime() ?? null })),
    bucket,
    p.timeZone,
  );
  const next = (ms: number) => nextBucketStart(bucket, ms, p.timeZone);
  // Two local days are at least 46 h even across DST: closer points need no calendar lookup.
  const surelyAdjacentMs = 2 * BUCKET_MS[bucket] - 2 * 3_600_000;
  const out: EquitySeries["points"] = [];
  measured.forEach((pt, i) => {
    const prev = measured[i - 1];
    // Holes in the roll-ups themselves (the whole app was down) break the line too: at least
    // two buckets missing (counted on the calendar: a local day may be 23 h) and two hours.
    const apart = prev ? pt.atMs - prev.atMs : 0;
    if (prev && prev.value !== null && pt.value !== null && apart > MIN_GAP_MS && apart > surelyAdjacentMs && pt.atMs > next(next(prev.atMs))) {
      out.push({ at: new Date(next(prev.atMs)).toISOString(), ...GAP });
    }
    const v = pt.value;
    out.push({
      at: new Date(pt.atMs).toISOString(),
      ...(v === null
        ? GAP
        : {
            equity: toDecimalString(v.equity),
            navPerUnit: v.navPerUnit === null ? null : toDecimalString(v.navPerUnit),
            netFlows: v.netFlows === null ? null : toDecimalString(v.netFlows),
          }),
    });
  });
  return { range: p.range, bucket, baseCurrency: p.baseCurrency, timeZone: p.timeZone, points: out, reconstructedUntil: iso(reconstructedUntil) };
}

/**
 * The allocation (from the latest snapshots: of the selection's whole connections) and the
 * open positions (of the selection's accounts, exactly).
 */
export async function loadHoldings(db: Db, p: { ownerId: string; baseCurrency: string; portfolio?: ResolvedPortfolio }): Promise<Holdings> {
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const latest = await getLatestSnapshots(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds: portfolio.connectionIds });
  const [rows, open] = await Promise.all([
    getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: latest.map((s) => s.id) }),
    getOpenPositions(db, { ownerId: p.ownerId, accountIds: portfolio.accountIds }),
  ]);
  const equity = sum(latest.map((s) => s.equity));
  const byAsset = new Map<string, { quantity: Dec; value: Dec; price: string }>();
  for (const r of rows) {
    if (r.kind !== "spot") continue;
    const cur = byAsset.get(r.asset) ?? { quantity: new D(0), value: new D(0), price: r.price };
    byAsset.set(r.asset, { quantity: cur.quantity.plus(r.quantity), value: cur.value.plus(r.valueBase), price: r.price });
  }
  const allocation = [...byAsset.entries()]
    .sort(([a, x], [b, y]) => y.value.comparedTo(x.value) || a.localeCompare(b))
    .map(([asset, v]) => ({
      asset,
      quantity: toDecimalString(v.quantity),
      price: toDecimalString(v.price),
      value: toDecimalString(v.value),
      weight: equity.isPositive() ? toDecimalString(v.value.div(equity).toDecimalPlaces(8)) : null,
    }));
  return {
    ...(p.portfolio ? { portfolio: scopeView(portfolio) } : {}),
    baseCurrency: p.baseCurrency,
    allocation,
    positions: open.map((o) => ({
      // The position's natural key: one per account, symbol and side.
      id: `${o.accountId}:${o.symbol}:${o.side}`,
      symbol: o.symbol,
      side: o.side,
      instrumentType: o.instrumentType,
      quantity: toDecimalString(o.quantity),
      entryPrice: toDecimalString(o.entryPrice),
      markPrice: toDecimalString(o.markPrice),
      notional: toDecimalString(o.notional),
      unrealizedPnl: toDecimalString(o.unrealizedPnl),
      liquidationPrice: o.liquidationPrice === null ? null : toDecimalString(o.liquidationPrice),
      leverage: o.leverage === null ? null : toDecimalString(o.leverage),
      marginMode: o.marginMode,
      quoteCurrency: o.quoteCurrency,
      accountName: o.accountName,
      connectionLabel: o.connectionLabel,
      isDemo: o.provider === "demo",
    })),
  };
}
