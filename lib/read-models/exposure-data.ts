import type { Db } from "@/db/client";
import { getLatestSnapshots, getSnapshotRows } from "@/db/queries/dashboard";
import { listConnections } from "@/db/queries/connections";
import { getExposureHoldings } from "@/db/queries/exposure";
import type { InstrumentType } from "@/lib/connectors/types";
import { assetsBySector, sectorOf } from "@/lib/engines/classify";
import type { AllocationBucket } from "@/lib/engines/exposure";
import { distanceToLiquidation } from "@/lib/engines/exposure/liquidation";
import { D, type Dec, sum, toDecimalString } from "@/lib/money/decimal";
import type { Exposure } from "./exposure-schemas";
import { WHOLE_WORKSPACE, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { exposureEquityNote, scopeView } from "./portfolio-scope";
import { memoizedExposure } from "./exposure-memo";

/** Instruments a venue can liquidate; spot, margin and stock positions have no liquidation price to show. */
const DERIVATIVES = new Set<InstrumentType>(["perpetual", "future", "option"]);

/** How many of the largest asset weights the concentration card lists. */
const TOP_N = 5;

const ASSET_CLASS_LABELS: Record<string, string> = {
  cash: "Cash",
  stablecoin: "Stablecoins",
  crypto: "Crypto (spot)",
  derivatives: "Derivatives",
  equity: "Equities",
};

/** Largest |notional| first, then by symbol: the order the derivatives table lists positions in. */
function largestFirst<T extends { notional: string; symbol: string }>(open: T[]): T[] {
  return open
    .map((x) => ({ x, size: new D(x.notional).abs() }))
    .sort((a, b) => b.size.comparedTo(a.size) || (a.x.symbol < b.x.symbol ? -1 : a.x.symbol > b.x.symbol ? 1 : 0))
    .map(({ x }) => x);
}

const empty = (baseCurrency: string): Exposure => ({
  state: "empty",
  baseCurrency,
  asOf: null,
  equity: null,
  totals: null,
  underlyings: [],
  byVenue: [],
  byAccount: [],
  byAssetClass: [],
  bySector: [],
  concentration: null,
  derivatives: [],
  unpriced: [],
  notValued: [],
});

/**
 * The exposure page's document. Prices and equity come from each connection's latest
 * snapshot in the base currency (the dashboard's read); the holdings they value are the
 * accounts' current balances and positions, which the same sync wrote, so each can be
 * split by venue and account. The exposure engine nets, allocates and measures
 * concentration; this only labels its answer. Where two connections priced one asset,
 * the newer snapshot's price is used for both.
 *
 * With a portfolio selection, the balances and positions are those of its accounts exactly;
 * prices come from the snapshots of every connection it touches. Equity (what weights and
 * leverage divide by) is a snapshot's, so a connection only part of which is selected has
 * none to give: then equity, weights and leverage are left out (null) and the page says why.
 */
export async function loadExposure(db: Db, p: { ownerId: string; baseCurrency: string; portfolio?: ResolvedPortfolio }): Promise<Exposure> {
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const touched = portfolio.connectionIds === null ? null : [...portfolio.connectionIds, ...portfolio.partialConnections.map((c) => c.id)];
  const [latest, allLive] = await Promise.all([
    getLatestSnapshots(db, { ownerId: p.ownerId, baseCurrency: p.baseCurrency, connectionIds: touched }),
    listConnections(db, { ownerId: p.ownerId }),
  ]);
  const live = touched === null ? allLive : allLive.filter((c) => touched.includes(c.id));
  const scope = p.portfolio
    ? {
        portfolio: scopeView(portfolio, exposureEquityNote(portfolio)),
      }
    : {};
  if (latest.length === 0) return { ...empty(p.baseCurrency), ...scope };
  const valued = new Set(latest.map((s) => s.connectionId));
  const notValued = live.filter((c) => !valued.has(c.id)).map((c) => c.label);
  latest.sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime());
  const connectionIds = latest.map((s) => s.connectionId);
  const [rows, held] = await Promise.all([
    getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: latest.map((s) => s.id) }),
    getExposureHoldings(db, { ownerId: p.ownerId, connectionIds, accountIds: portfolio.accountIds }),
  ]);

  // Oldest snapshot first, so the newest price of an asset is the one kept.
  const order = new Map(latest.map((s, i) => [s.id, i]));
  rows.sort((a, b) => order.get(a.snapshotId)! - order.get(b.snapshotId)!);
  const connectionOf = new Map(latest.map((s) => [s.id, s.connectionId]));
  const prices: Record<string, string> = {};
  const symbolFx = new Map<string, string>();
  for (const r of rows) {
    if (r.kind === "spot") prices[r.asset] = r.price;
    else symbolFx.set(`${connectionOf.get(r.snapshotId)}\u0000${r.symbol}`, r.fxRate);
  }
  const fxRates: Record<string, string> = {};
  for (const pos of held.positions) {
    const fx = symbolFx.get(`${pos.connectionId}\u0000${pos.symbol}`);
    if (fx !== undefined && prices[pos.quoteCurrency] === undefined) fxRates[pos.quoteCurrency] = fx;
  }

  // Part of a connection has no equity of its own: 0 makes the engine leave every weight null.
  const equityKnown = portfolio.partialConnections.length === 0;
  const equity = equityKnown ? sum(latest.map((s) => s.equity)) : new D(0);
  const { result } = memoizedExposure({
    baseCurrency: p.baseCurrency,
    equity: toDecimalString(equity),
    prices,
    fxRates,
    balances: held.balances.map((b) => ({ asset: b.asset, quantity: b.total, wallet: b.wallet, venue: b.connectionId, accountUid: b.accountId })),
    positions: held.positions.map((x) => ({
      symbol: x.symbol,
      underlying: x.underlying,
      quoteCurrency: x.quoteCurrency,
      quantity: x.quantity,
      notional: x.notional,
      instrumentType: x.instrumentType,
      venue: x.connectionId,
      accountUid: x.accountId,
    })),
  });

  // greaterThan(0): decimal.js counts 0 as positive, and a selection with no equity of its own passes 0.
  const ofEquity = (v: Dec) => (equity.greaterThan(0) ? toDecimalString(v.div(equity)) : null);
  const heldAs = new Map<string, InstrumentType>();
  for (const x of held.positions) if (x.instrumentType === "equity") heldAs.set(x.underlying, "equity");
  const sectorMembers: ReadonlyMap<string, string[]> = assetsBySector(result.allocation.byAsset.map((b) => ({ asset: b.key, instrumentType: heldAs.get(b.key) })));

  const connectionLabel = new Map<string, string>();
  const accountLabel = new Map<string, { name: string; connectionLabel: string }>();
  for (const x of [...held.balances, ...held.positions]) {
    connectionLabel.set(x.connectionId, x.connectionLabel);
    accountLabel.set(x.accountId, { name: x.accountName, connectionLabel: x.connectionLabel });
  }
  // A connection only part of which is selected: its snapshot's equity is not the selection's.
  const partial = new Set(portfolio.partialConnections.map((c) => c.id));
  const equityOf = new Map(latest.filter((s) => !partial.has(s.connectionId)).map((s) => [s.connectionId, s.equity]));
  const labelled = (b: AllocationBucket, label: string) => ({ key: b.key, label, value: b.value, weight: b.weight });

  const { totals } = result;
  const grossUnnetted = new D(totals.grossUnnetted);
  return {
    ...scope,
    state: "ok",
    baseCurrency: result.baseCurrency,
    asOf: latest[latest.length - 1]!.capturedAt.toISOString(),
    equity: equityKnown ? result.equity : null,
    totals: {
      long: totals.long,
      short: totals.short,
      net: totals.net,
      gross: totals.gross,
      grossUnnetted: totals.grossUnnetted,
      netWeight: totals.netWeight,
      leverage: totals.leverage,
      leverageUnnetted: ofEquity(grossUnnetted),
    },
    underlyings: result.rows.map((r) => ({
      underlying: r.underlying,
      sector: sectorOf(r.underlying, heldAs.get(r.underlying)),
      long: r.long,
      short: r.short,
      net: r.net,
      gross: r.gross,
      netWeight: r.netWeight,
      leverage: r.leverage,
    })),
    byVenue: result.allocation.byVenue.map((b) => ({
      ...labelled(b, connectionLabel.get(b.key) ?? b.key),
      equity: equityOf.has(b.key) ? toDecimalString(equityOf.get(b.key)!) : null,
    })),
    byAccount: result.allocation.byAccount.map((b) => {
      const a = accountLabel.get(b.key);
      return { ...labelled(b, a?.name ?? b.key), connectionLabel: a?.connectionLabel ?? "" };
    }),
    byAssetClass: result.allocation.byAssetClass.map((b) => labelled(b, ASSET_CLASS_LABELS[b.key] ?? b.key)),
    bySector: result.allocation.bySector.map((b) => ({ ...labelled(b, b.key), assets: sectorMembers.get(b.key) ?? [] })),
    concentration: {
      herfindahl: result.concentration.herfindahl,
      top5Weight: result.concentration.top5Weight,
      threshold: result.concentration.threshold,
      top: result.allocation.byAsset.slice(0, TOP_N).map((b) => ({ asset: b.key, weight: b.weight })),
      breaches: result.concentration.breaches,
    },
    derivatives: largestFirst(held.positions.filter((x) => DERIVATIVES.has(x.instrumentType))).map((x) => {
      const liquidationPrice = x.liquidationPrice === null ? null : toDecimalString(x.liquidationPrice);
      const d = distanceToLiquidation({ side: x.side, markPrice: x.markPrice, liquidationPrice });
      return {
        // The position's natural key: one per account, symbol and side.
        id: `${x.accountId}:${x.symbol}:${x.side}`,
        symbol: x.symbol,
        underlying: x.underlying,
        side: x.side,
        quantity: toDecimalString(x.quantity),
        markPrice: toDecimalString(x.markPrice),
        notional: toDecimalString(x.notional),
        quoteCurrency: x.quoteCurrency,
        liquidationPrice,
        liquidationDistance: d.distance,
        liquidationMissing: d.reason,
        marginMode: x.marginMode,
        leverage: x.leverage === null ? null : toDecimalString(x.leverage),
        accountName: x.accountName,
        connectionLabel: x.connectionLabel,
        isDemo: x.provider === "demo",
      };
    }),
    unpriced: result.unpriced.map((u) => ({ asset: u.asset, amount: u.amount, symbol: u.symbol ?? null })),
    notValued,
  };
}
