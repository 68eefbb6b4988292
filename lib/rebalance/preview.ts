import type { Db } from "@/db/client";
import { getRebalanceBalances } from "@/db/queries/rebalance-holdings";
import { getRebalanceTargets } from "@/db/queries/rebalance-targets";
import { type PortfolioSelection, portfolioKey, portfolioParamSchema } from "@/lib/portfolios/selection";
import { aggregateQuotes, type QuoteDeps, quoteWalletLegs } from "./dex-quotes";
import { feeAssumption } from "./fee-assumptions";
import { latestPrices } from "./latest-prices";
import { planRebalance } from "./plan";
import type { PreviewRow, RebalancePreview } from "./preview-schema";
import { accountIdsOfSelection } from "./selection-accounts";

export type { QuoteDeps } from "./dex-quotes";
export type { RebalancePreview } from "./preview-schema";

export interface RebalancePreviewRequest {
  ownerId: string;
  baseCurrency: string;
  selection: PortfolioSelection;
  /** Ask OKX's DEX aggregator for a dry-run quote of each wallet leg (network calls). */
  withQuotes?: boolean;
}

/**
 * The rebalance preview of one portfolio selection in one workspace: current weights
 * (balances valued at the latest snapshots' prices in the base currency) against the
 * targets saved under the selection's key, the engine's trades split into legs per venue
 * with their estimated fees, and, when asked, a dry-run DEX quote per wallet leg with the
 * aggregate slippage. The page, GET /api/rebalance, the CSV and the Telegram bot's
 * "Rebalance" (without quotes) and "Confirm" (with quotes) all read this. Nothing is ever
 * executed. Throws NotFoundError for another workspace's connection or portfolio.
 */
export async function buildRebalancePreview(db: Db, req: RebalancePreviewRequest, deps: QuoteDeps = {}): Promise<RebalancePreview> {
  const key = portfolioKey(req.selection);
  const accountIds = await accountIdsOfSelection(db, { ownerId: req.ownerId, selection: req.selection });
  const [targets, balances, priced] = await Promise.all([
    getRebalanceTargets(db, { ownerId: req.ownerId, portfolioKey: key }),
    getRebalanceBalances(db, { ownerId: req.ownerId, accountIds }),
    latestPrices(db, { ownerId: req.ownerId, baseCurrency: req.baseCurrency }),
  ]);
  const stored = targets.map((t) => ({ asset: t.asset, weight: t.weight, band: t.band }));
  const targetsUpdatedAt = targets.reduce<Date | null>((m, t) => (m === null || t.updatedAt > m ? t.updatedAt : m), null)?.toISOString() ?? null;
  // Only connections a snapshot in the base currency has valued: their balances and prices come from the same sync.
  const valued = balances.filter((b) => priced.connectionIds.has(b.connectionId)).map((b) => ({ ...b, quantity: b.total }));
  const notValued = [...new Set(balances.filter((b) => !priced.connectionIds.has(b.connectionId)).map((b) => b.connectionLabel))].sort();
  const plan = planRebalance({ baseCurrency: req.baseCurrency, balances: valued, prices: priced.prices, targets: stored });
  const hasTargets = stored.length > 0;
  const bandOf = new Map(stored.map((t) => [t.asset, t.band]));

  const rows: PreviewRow[] = plan.engine.rows.map((r) => {
    const targeted = plan.weights[r.asset] !== undefined || (hasTargets && r.asset === plan.engine.baseCurrency);
    return {
      asset: r.asset,
      quantity: r.quantity,
      price: r.price,
      value: r.value,
      currentWeight: r.currentWeight,
      targetWeight: targeted ? r.targetWeight : null,
      band: bandOf.get(r.asset) ?? null,
      drift: targeted ? r.drift : null,
      // Without targets there is no trade to suggest: every row is held as it is.
      action: hasTargets ? r.action : r.asset === plan.engine.baseCurrency ? "cash" : "hold",
      reason: hasTargets ? r.reason : "no-target",
      valueDelta: hasTargets ? r.valueDelta : "0",
      quantityDelta: hasTargets ? r.quantityDelta : "0",
    };
  });
  // A base-currency row with nothing held and no target says nothing.
  const shown = rows.filter((r) => !(r.asset === plan.engine.baseCurrency && r.quantity === "0" && r.targetWeight === null));

  const quotes = req.withQuotes ? await quoteWalletLegs(db, { ownerId: req.ownerId, legs: plan.legs }, deps) : null;
  const providers = [...new Set(plan.legs.map((l) => l.provider))].sort();
  return {
    state: valued.length === 0 ? "empty" : "ok",
    portfolio: key,
    baseCurrency: plan.engine.baseCurrency,
    asOf: priced.asOf?.toISOString() ?? null,
    totalValue: plan.engine.totalValue,
    targets: stored,
    targetsUpdatedAt,
    rows: shown,
    legs: plan.legs.map(({ accountUid: _uid, ...l }) => ({ ...l, quote: quotes?.get(l.id) ?? null })),
    totals: {
      buyValue: hasTargets ? plan.engine.buyValue : "0",
      sellValue: hasTargets ? plan.engine.sellValue : "0",
      netCashNeeded: hasTargets ? plan.engine.netCashNeeded : "0",
      fees: plan.fees,
    },
    unpriced: plan.engine.unpriced,
    unplaced: plan.unplaced,
    notValued,
    feeAssumptions: providers.map((provider) => ({ provider, ...feeAssumption(provider) })),
    quotes: quotes ? aggregateQuotes([...quotes.values()]) : null,
    previewOnly: true,
  };
}

/**
 * The same preview from a scope and a stored portfolio key (`all`, `connection:<uuid>`,
 * `portfolio:<uuid>`), as a chat bot holds them: "Rebalance" calls it without quotes,
 * "Confirm" with `withQuotes: true` for the dry-run plan. A malformed key is a RangeError
 * naming the accepted forms; another workspace's id is a NotFoundError.
 */
export async function rebalancePreviewForKey(
  scope: { db: Db; ownerId: string; baseCurrency: string },
  key: string,
  opts: { withQuotes?: boolean } = {},
  deps: QuoteDeps = {},
): Promise<RebalancePreview> {
  const parsed = portfolioParamSchema.safeParse(key);
  if (!parsed.success) throw new RangeError(`portfolio key ${JSON.stringify(key)}: ${parsed.error.issues[0]!.message}`);
  return buildRebalancePreview(scope.db, { ownerId: scope.ownerId, baseCurrency: scope.baseCurrency, selection: parsed.data, withQuotes: opts.withQuotes }, deps);
}
