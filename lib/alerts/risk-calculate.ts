import { calculateExposure, type Concentration } from "@/lib/engines/exposure";
import { calculateDrawdowns } from "@/lib/engines/performance";
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

export interface EquityPoint {
  at: Date;
  equity: string;
}

export interface CurrentDrawdown {
  /** (current − peak) / peak: 0 at a new high, −0.25 a quarter below it. */
  drawdown: number;
  peakAt: string;
  peakEquity: number;
  currentAt: string;
  currentEquity: number;
}

/**
 * How far the latest equity sits below the running peak of the series, with the
 * performance engine's drawdown (calculateDrawdowns). Raw equity: a withdrawal reads as a
 * drawdown until external flows are recorded. Null with fewer than two points or a
 * non-positive peak (no meaningful fraction).
 */
export function calculateCurrentDrawdown(points: readonly EquityPoint[]): CurrentDrawdown | null {
  if (points.length < 2) return null;
  const values = points.map((p) => ({ at: p.at, value: new D(p.equity).toNumber() }));
  const analysis = calculateDrawdowns(values);
  const last = analysis.series[analysis.series.length - 1]!;
  const lastValue = values[values.length - 1]!.value;
  const open = analysis.periods.find((period) => period.recoveryAt === null);
  const peak = open ?? { peakAt: last.at, peakValue: lastValue };
  if (!(peak.peakValue > 0)) return null;
  return { drawdown: last.drawdown, peakAt: peak.peakAt, peakEquity: peak.peakValue, currentAt: last.at, currentEquity: lastValue };
}

/** A threshold is a fraction in (0, 1]: 0.5 is 50 %. */
export function checkThreshold(name: string, value: number): number {
  if (!(value > 0 && value <= 1)) throw new RangeError(`${name} must be a fraction in (0, 1], got ${value}`);
  return value;
}
