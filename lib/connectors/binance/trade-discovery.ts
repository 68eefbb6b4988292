import { D, type Dec } from "@/lib/money/decimal";
import type { MarketIndex, MarketInfo } from "@/lib/connectors/ccxt/markets";
import type { Balance, Fill } from "@/lib/connectors/types";

/**
 * Finding the markets an account traded when Binance will not say. Spot trade history
 * (myTrades, allOrders) is per symbol and there is no all-symbols query, so a market the
 * connector does not think of is never read: a symbol first traded and fully closed
 * between two syncs would lose its fills for good. Two nets catch it, both pure here:
 *
 * 1. `unexplainedAssets`: an asset whose spot balance moved since the last run by other
 *    than what this run's fills account for traded somewhere else; its markets (paired
 *    with the quote assets the account uses) are read in the same run.
 * 2. `dueSweepMarkets`: every spot market containing an asset the account has ever held is
 *    probed periodically (`SWEEP_PERIOD_MS`), a few a run within a weight allowance, oldest
 *    sweep first. A round trip that left every balance as it was (DOGE bought and sold
 *    back, USDT up by the profit) is only ever found this way.
 */

/** How long a market's sweep stays current: each market containing a held asset is probed at least this often. */
export const SWEEP_PERIOD_MS = 24 * 3_600_000;

/** The change of each asset a spot fill causes: base ± quantity, quote ∓ price × quantity, the fee out of its asset. */
function fillEffects(f: Fill, into: Map<string, Dec>): void {
  const [base, quote] = f.symbol.split("/");
  if (!base || !quote) return;
  const add = (asset: string, v: Dec) => into.set(asset, (into.get(asset) ?? new D(0)).plus(v));
  const qty = new D(f.quantity);
  const value = qty.times(f.price);
  add(base, f.side === "buy" ? qty : qty.negated());
  add(quote, f.side === "buy" ? value.negated() : value);
  add(f.feeCurrency, new D(f.fee).negated());
}

const spotTotals = (balances: readonly Balance[]): Map<string, Dec> => {
  const out = new Map<string, Dec>();
  for (const b of balances) if (b.accountUid === "spot" && b.wallet === "spot") out.set(b.asset, (out.get(b.asset) ?? new D(0)).plus(b.total));
  return out;
};

/**
 * Spot assets whose balance changed between the previous run and now by other than the
 * spot fills executed after the previous read. Deposits, withdrawals and transfers between
 * wallets are unexplained too: they cost a few extra reads, never a missed trade.
 */
export function unexplainedAssets(p: { previous: { at: Date; balances: readonly Balance[] }; current: readonly Balance[]; fills: readonly Fill[] }): string[] {
  const before = spotTotals(p.previous.balances);
  const after = spotTotals(p.current);
  const explained = new Map<string, Dec>();
  for (const f of p.fills) if (f.accountUid === "spot" && f.executedAt.getTime() > p.previous.at.getTime()) fillEffects(f, explained);
  const out: string[] = [];
  for (const asset of new Set([...before.keys(), ...after.keys()])) {
    const delta = (after.get(asset) ?? new D(0)).minus(before.get(asset) ?? new D(0));
    if (!delta.equals(explained.get(asset) ?? new D(0))) out.push(asset);
  }
  return out.sort();
}

/** Spot markets pairing each asset with each quote asset (either way round), sorted by id. */
export function marketsPairing(assets: readonly string[], quotes: readonly string[], markets: MarketIndex): MarketInfo[] {
  const picked = new Map<string, MarketInfo>();
  for (const a of assets) {
    for (const q of quotes) {
      if (a === q) continue;
      for (const m of [markets.spotPair(a, q), markets.spotPair(q, a)]) if (m) picked.set(m.id, m);
    }
  }
  return [...picked.values()].sort((x, y) => x.id.localeCompare(y.id));
}

/**
 * The spot markets containing a held asset whose sweep is due (never swept, or last swept
 * `SWEEP_PERIOD_MS` ago or more), never-swept first, then the oldest, at most `max`.
 * Markets this run reads anyway (`exclude`, by id) are left out: their read covers them.
 */
export function dueSweepMarkets(p: {
  heldAssets: readonly string[];
  sweptThrough: Readonly<Record<string, Date>>;
  markets: MarketIndex;
  exclude: ReadonlySet<string>;
  now: number;
  max: number;
}): MarketInfo[] {
  const held = new Set(p.heldAssets);
  const due = p.markets.markets.filter((m) => {
    if (!m.spot || p.exclude.has(m.id) || !(held.has(m.base) || held.has(m.quote))) return false;
    const at = p.sweptThrough[m.id];
    return at === undefined || p.now - at.getTime() >= SWEEP_PERIOD_MS;
  });
  const age = (m: MarketInfo) => p.sweptThrough[m.id]?.getTime() ?? Number.NEGATIVE_INFINITY;
  return due.sort((a, b) => age(a) - age(b) || a.id.localeCompare(b.id)).slice(0, Math.max(0, p.max));
}
