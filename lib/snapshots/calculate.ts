import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { isCashLike } from "@/lib/engines/classify";
import { calculateEquity, type EquityResult } from "@/lib/engines/equity";
import type { Balance, Position } from "@/lib/connectors/types";

/**
 * A snapshot of one connection's holdings at one instant: equity from the equity engine,
 * exposure per underlying (spot and derivatives netted), and one row per symbol.
 * Pure: prices come in, nothing is read.
 */
export interface SnapshotInput {
  baseCurrency: string;
  balances: Balance[];
  positions: Position[];
  /** asset → price in the base currency. */
  prices: Record<string, string>;
}

export interface SnapshotRowDraft {
  symbol: string;
  asset: string;
  kind: "spot" | "derivative";
  quantity: string;
  price: string;
  valueBase: string;
  notionalBase: string;
  weight: string | null;
  fxRate: string;
  pnlPct: string | null;
}

export interface SnapshotDraft {
  equity: EquityResult;
  longExposure: string;
  shortExposure: string;
  grossExposure: string;
  netExposure: string;
  leverage: string | null;
  rows: SnapshotRowDraft[];
}

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
  const priceOf = (asset: string): Dec | undefined =>
    asset === input.baseCurrency ? new D(1) : input.prices[asset] !== undefined ? new D(input.prices[asset]!) : undefined;

  // Net notional per underlying: a spot holding and a short perp on it offset each other.
  const netByUnderlying = new Map<string, Dec>();
  const addExposure = (asset: string, v: Dec) => netByUnderlying.set(asset, (netByUnderlying.get(asset) ?? new D(0)).plus(v));

  const rows: SnapshotRowDraft[] = equity.assets.map((a) => {
    // Cash in a stablecoin or fiat is not market exposure, but it is a holding row.
    addExposure(a.asset, new D(a.value));
    return {
      symbol: a.asset,
      asset: a.asset,
      kind: "spot",
      quantity: a.quantity,
      price: a.price,
      valueBase: a.value,
      notionalBase: a.value,
      weight: ratio(new D(a.value), total),
      fxRate: "1",
      pnlPct: null,
    };
  });

  for (const p of input.positions) {
    const fx = priceOf(p.quoteCurrency);
    const settleFx = priceOf(p.settleCurrency);
    if (!fx || !settleFx) continue; // already reported as unpriced by the equity engine
    const notional = new D(p.notional).times(fx);
    addExposure(p.underlying, notional);
    const cost = new D(p.entryPrice).times(p.quantity).abs();
    rows.push({
      symbol: p.symbol,
      asset: p.underlying,
      kind: "derivative",
      quantity: p.quantity,
      price: p.markPrice,
      valueBase: toDecimalString(new D(p.unrealizedPnl).times(settleFx)),
      notionalBase: toDecimalString(notional),
      weight: ratio(notional, total),
      fxRate: toDecimalString(fx),
      pnlPct: cost.isZero() ? null : toDecimalString(new D(p.unrealizedPnl).div(cost).toDecimalPlaces(12)),
    });
  }

  let long = new D(0);
  let short = new D(0);
  for (const [asset, net] of netByUnderlying) {
    if (isCashLike(asset, input.baseCurrency)) continue;
    if (net.isPositive()) long = long.plus(net);
    else short = short.plus(net.abs());
  }
  const gross = long.plus(short);
  return {
    equity,
    longExposure: toDecimalString(long),
    shortExposure: toDecimalString(short),
    grossExposure: toDecimalString(gross),
    netExposure: toDecimalString(long.minus(short)),
    leverage: ratio(gross, total),
    rows,
  };
}
