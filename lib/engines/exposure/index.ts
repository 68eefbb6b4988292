import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { isCashLike } from "@/lib/engines/classify";
import { type Allocation, calculateAllocationFromLegs } from "@/lib/engines/exposure/allocation";
import { type Concentration, calculateConcentration } from "@/lib/engines/exposure/concentration";
import { buildLegs, type ExposureBalance, type ExposurePosition, type UnpricedLeg } from "@/lib/engines/exposure/legs";
import { createPriceBook, type PricingInput } from "@/lib/engines/pricing";

export type { Allocation, AllocationBucket } from "@/lib/engines/exposure/allocation";
export type { Concentration } from "@/lib/engines/exposure/concentration";
export type { ExposureBalance, ExposurePosition, UnpricedLeg } from "@/lib/engines/exposure/legs";

/**
 * What the portfolio is exposed to, per underlying, with spot and derivatives netted:
 * 1 BTC spot and a 1 BTC short perpetual are one BTC row with net 0.
 *
 * Money figures are exact decimal strings in the base currency; weights are fractions of
 * equity (0.25 = 25 %), null when equity is not positive.
 */
export interface ExposureInput extends PricingInput {
  /** Equity (NAV) in the base currency, usually `calculateEquity(...).total`. */
  equity: string;
  balances: ExposureBalance[];
  positions: ExposurePosition[];
  /** Flag an asset whose allocation weight exceeds this fraction. Default "0.5". */
  concentrationThreshold?: string;
  /** Count cash and stablecoins as exposure rows. Default false: money is not a bet. */
  includeCash?: boolean;
  /** Let cash-like assets raise the concentration flag. Default false. */
  flagCash?: boolean;
}

export interface ExposureRow {
  underlying: string;
  /** Σ of long legs, ≥ 0. */
  long: string;
  /** Σ of short legs, ≤ 0. */
  short: string;
  /** long + short. */
  net: string;
  longWeight: string | null;
  shortWeight: string | null;
  netWeight: string | null;
}

export interface ExposureTotals {
  long: string;
  short: string;
  net: string;
  /** Σ |net| over underlyings: a hedged pair adds nothing. Leverage uses this. */
  gross: string;
  /** Σ |leg| before netting (long − short): a hedged pair counts twice. */
  grossUnnetted: string;
  longWeight: string | null;
  shortWeight: string | null;
  netWeight: string | null;
  grossWeight: string | null;
  /** gross / equity. */
  leverage: string | null;
}

export interface ExposureResult {
  baseCurrency: string;
  equity: string;
  rows: ExposureRow[];
  totals: ExposureTotals;
  allocation: Allocation;
  concentration: Concentration;
  unpriced: UnpricedLeg[];
}

interface RowAcc {
  long: Dec;
  short: Dec;
}

export function calculateExposure(input: ExposureInput): ExposureResult {
  const book = createPriceBook(input);
  const equity = new D(input.equity);
  const { legs, unpriced } = buildLegs(input.balances, input.positions, book);
  const ofEquity = (v: Dec): string | null => (equity.greaterThan(0) ? toDecimalString(v.div(equity)) : null);

  const acc = new Map<string, RowAcc>();
  for (const leg of legs) {
    if (leg.cash && !input.includeCash) continue;
    let row = acc.get(leg.underlying);
    if (!row) {
      row = { long: new D(0), short: new D(0) };
      acc.set(leg.underlying, row);
    }
    if (leg.value.greaterThan(0)) row.long = row.long.plus(leg.value);
    else row.short = row.short.plus(leg.value);
  }

  let long = new D(0);
  let short = new D(0);
  let gross = new D(0);
  const rows = [...acc.entries()]
    .map(([underlying, r]) => ({ underlying, ...r, net: r.long.plus(r.short) }))
    .sort((a, b) => b.net.abs().comparedTo(a.net.abs()) || a.underlying.localeCompare(b.underlying))
    .map((r) => {
      long = long.plus(r.long);
      short = short.plus(r.short);
      gross = gross.plus(r.net.abs());
      return {
        underlying: r.underlying,
        long: toDecimalString(r.long),
        short: toDecimalString(r.short),
        net: toDecimalString(r.net),
        longWeight: ofEquity(r.long),
        shortWeight: ofEquity(r.short),
        netWeight: ofEquity(r.net),
      };
    });
  const net = long.plus(short);

  const allocation = calculateAllocationFromLegs(legs);
  const concentration = calculateConcentration(allocation.byAsset, {
    threshold: new D(input.concentrationThreshold ?? "0.5"),
    isCash: (asset) => isCashLike(asset, book.base),
    flagCash: input.flagCash ?? false,
  });

  return {
    baseCurrency: book.base,
    equity: toDecimalString(equity),
    rows,
    totals: {
      long: toDecimalString(long),
      short: toDecimalString(short),
      net: toDecimalString(net),
      gross: toDecimalString(gross),
      grossUnnetted: toDecimalString(long.minus(short)),
      longWeight: ofEquity(long),
      shortWeight: ofEquity(short),
      netWeight: ofEquity(net),
      grossWeight: ofEquity(gross),
      leverage: ofEquity(gross),
    },
    allocation,
    concentration,
    unpriced,
  };
}
