import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { calculateEquity, type EquityResult } from "@/lib/engines/equity";
import { calculateExposureTotals } from "@/lib/engines/exposure";
import type { AccountMargin, Balance, Position } from "@/lib/connectors/types";
import { type SnapshotMargin, valueMargins } from "./margin";
import type { SnapshotHolding } from "@/db/schema";

/**
 * A snapshot of one connection's holdings at one instant: equity from the equity engine,
 * exposure from the exposure engine (spot and derivatives netted per underlying), and one
 * row per symbol.
 * Pure: prices come in, nothing is read.
 */
export interface SnapshotInput {
  baseCurrency: string;
  balances: Balance[];
  /** Margin the venue published (absent: none). */
  margins?: AccountMargin[];
  positions: Position[];
  /** asset → price in the base currency. */
  prices: Record<string, string>;
}

export interface SnapshotDraft {
  equity: EquityResult;
  longExposure: string;
  shortExposure: string;
  grossExposure: string;
  netExposure: string;
  leverage: string | null;
  margin: SnapshotMargin;
  /** Stored as is, as the snapshot's holdings document. */
  rows: SnapshotHolding[];
}

const ONE = new D(1);

const ratio = (part: Dec, whole: Dec): string | null =>
  whole.isPositive() ? toDecimalString(part.div(whole).toDecimalPlaces(12)) : null;

export function calculateSnapshot(input: SnapshotInput): SnapshotDraft {
  const equity = calculateEquity({
    baseCurrency: input.baseCurrency,
    balances: input.balances.map((b) => ({ asset: b.asset, wallet: b.wallet, quantity: b.total })),
    positions: input.positions,
    prices: input.prices,
  });
  const total = new D(equity.total);
  // Each price is parsed once: a snapshot of a fund-sized account values hundreds of
  // positions in a handful of currencies.
  const fxCache = new Map<string, Dec | null>();
  const priceOf = (asset: string): Dec | null => {
    let fx = fxCache.get(asset);
    if (fx === undefined) {
      const quoted = input.prices[asset];
      fx = asset === input.baseCurrency ? ONE : quoted !== undefined ? new D(quoted) : null;
      fxCache.set(asset, fx);
    }
    return fx;
  };

  const rows: SnapshotHolding[] = equity.assets.map((a) => {
    const value = new D(a.value);
    return {
      symbol: a.asset,
      asset: a.asset,
      kind: "spot",
      quantity: a.quantity,
      price: a.price,
      valueBase: a.value,
      notionalBase: a.value,
      weight: ratio(value, total),
      fxRate: "1",
      pnlPct: null,
    };
  });

  for (const p of input.positions) {
    const fx = priceOf(p.quoteCurrency);
    const settleFx = priceOf(p.settleCurrency);
    if (!fx || !settleFx) continue; // already reported as unpriced by the equity engine
    const notional = fx === ONE ? new D(p.notional) : new D(p.notional).times(fx);
    const pnl = new D(p.unrealizedPnl);
    const cost = new D(p.entryPrice).times(new D(p.quantity)).abs();
    rows.push({
      symbol: p.symbol,
      asset: p.underlying,
      kind: "derivative",
      quantity: p.quantity,
      price: p.markPrice,
      valueBase: toDecimalString(settleFx === ONE ? pnl : pnl.times(settleFx)),
      notionalBase: toDecimalString(notional),
      weight: ratio(notional, total),
      fxRate: toDecimalString(fx),
      pnlPct: cost.isZero() ? null : toDecimalString(pnl.div(cost).toDecimalPlaces(12)),
    });
  }

  const exposure = calculateExposureTotals({
    baseCurrency: input.baseCurrency,
    equity: equity.total,
    prices: input.prices,
    balances: input.balances.map((b) => ({ asset: b.asset, wallet: b.wallet, quantity: b.total })),
    positions: input.positions,
  }).totals;
  const gross = new D(exposure.gross);
  return {
    equity,
    longExposure: exposure.netLong,
    shortExposure: toDecimalString(new D(exposure.netShort).abs()),
    grossExposure: exposure.gross,
    netExposure: exposure.net,
    leverage: ratio(gross, total),
    margin: valueMargins(input.margins, input.baseCurrency, input.prices),
    rows,
  };
}
