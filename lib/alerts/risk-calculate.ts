import { calculateExposure, type Concentration } from "@/lib/engines/exposure";
import { navDrawdown, unitisedReturns, type UnitIssue, type UnitisedPoint } from "@/lib/engines/performance";
import { D, sum, toDecimalString } from "@/lib/money/decimal";

/**
 * Risk conditions, pure: the inputs are what the database holds, the engines do the math.
 */
export const DEFAULT_CONCENTRATION_THRESHOLD = 0.5;
export const DEFAULT_DRAWDOWN_THRESHOLD = 0.2;

export interface RiskSnapshot {
  baseCurrency: string;
  equity: string;
  futuresWalletBalance: string;
}

/** One per-symbol row of a snapshot (`snapshot_holdings`). */
export interface RiskSnapshotRow {
  symbol: string;
  asset: string;
  kind: "spot" | "derivative";
  quantity: string;
  /** In the base currency for spot rows. */
  price: string;
  /** Signed, in the base currency. */
  notionalBase: string;
}

/**
 * Concentration of the owner's latest snapshots through the exposure engine (issue 3's
 * flag): spot rows are holdings priced in the base currency, derivative rows positions at
 * their base-currency notional (netted with spot per underlying), and each futures wallet
 * is cash in the base currency. Cash-like assets never breach (the engine's default).
 */
export function calculateConcentrationRisk(p: { snapshots: RiskSnapshot[]; rows: RiskSnapshotRow[]; threshold: number }): Concentration {
  const base = p.snapshots[0]?.baseCurrency ?? "USD";
  const mixed = p.snapshots.find((s) => s.baseCurrency !== base);
  if (mixed) throw new RangeError(`snapshots in several base currencies (${base}, ${mixed.baseCurrency})`);
  const prices: Record<string, string> = {};
  const balances = [];
  const positions = [];
  for (const r of p.rows) {
    if (r.kind === "spot") {
      prices[r.asset] = r.price;
      balances.push({ asset: r.asset, quantity: r.quantity });
    } else {
      positions.push({ symbol: r.symbol, underlying: r.asset, quoteCurrency: base, quantity: r.quantity, notional: r.notionalBase });
    }
  }
  for (const s of p.snapshots) balances.push({ asset: base, quantity: s.futuresWalletBalance, wallet: "futures" as const });
  return calculateExposure({
    baseCurrency: base,
    equity: toDecimalString(sum(p.snapshots.map((s) => s.equity))),
    balances,
    positions,
    prices,
    concentrationThreshold: toDecimalString(p.threshold),
  }).concentration;
}

export interface CurrentDrawdown {
  /** (NAV now − peak NAV) / peak: 0 at a new high, −0.125 an eighth below it. */
  drawdown: number;
  peakAt: string;
  /** The peak in today's units: NAV now ÷ (1 + drawdown). */
  peakNav: number;
  currentAt: string;
  currentNav: number;
}

/**
 * How far NAV per unit sits below its running peak, with the performance engine's unitised
 * returns and drawdown. Deposits and withdrawals issue and redeem units at the NAV of their
 * moment, so they never move it: a withdrawal is never a drawdown. Rows not yet unitised
 * (NAV null, written before flows were counted) and spans with nothing held are skipped.
 * Null without a return, or when the latest point has no NAV (nothing held, or not counted).
 */
export function calculateCurrentDrawdown(points: readonly UnitisedPoint[], issues: readonly UnitIssue[]): CurrentDrawdown | null {
  const last = points.at(-1);
  const inceptionAt = issues[0]?.at ?? points[0]?.at;
  if (!last || last.navPerUnit === null || !inceptionAt) return null;
  const dd = navDrawdown(unitisedReturns(points, issues), inceptionAt);
  // The latest point must itself be measured, or "now" would be an older value.
  if (!dd || dd.currentAt.getTime() !== last.at.getTime()) return null;
  const currentNav = new D(last.navPerUnit).toNumber();
  return {
    drawdown: dd.current,
    peakAt: dd.peakAt.toISOString(),
    peakNav: currentNav / (1 + dd.current),
    currentAt: dd.currentAt.toISOString(),
    currentNav,
  };
}

/** A threshold is a fraction in (0, 1]: 0.5 is 50 %. */
export function checkThreshold(name: string, value: number): number {
  if (!(value > 0 && value <= 1)) throw new RangeError(`${name} must be a fraction in (0, 1], got ${value}`);
  return value;
}
