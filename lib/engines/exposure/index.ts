import { D, toDecimalString } from "@/lib/money/decimal";
import { isCashLike } from "@/lib/engines/classify";
import { type Allocation, calculateAllocationFromLegs } from "@/lib/engines/exposure/allocation";
import { type Concentration, calculateConcentration } from "@/lib/engines/exposure/concentration";
import { buildLegs, type ExposureBalance, type ExposurePosition, type Leg, type UnpricedLeg } from "@/lib/engines/exposure/legs";
import { type ExposureRow, type ExposureTotals, netLegs, netTotals } from "@/lib/engines/exposure/netting";
import { createPriceBook, type PriceBook, type PricingInput } from "@/lib/engines/pricing";

export type { Allocation, AllocationBucket } from "@/lib/engines/exposure/allocation";
export type { Concentration } from "@/lib/engines/exposure/concentration";
export type { ExposureBalance, ExposurePosition, UnpricedLeg } from "@/lib/engines/exposure/legs";
export type { ExposureRow, ExposureTotals } from "@/lib/engines/exposure/netting";

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

export interface ExposureResult {
  baseCurrency: string;
  equity: string;
  rows: ExposureRow[];
  totals: ExposureTotals;
  allocation: Allocation;
  concentration: Concentration;
  unpriced: UnpricedLeg[];
}

export function calculateExposure(input: ExposureInput): ExposureResult {
  const { book, legs, ...net } = netExposure(input);
  const allocation = calculateAllocationFromLegs(legs);
  const concentration = calculateConcentration(allocation.byAsset, {
    threshold: new D(input.concentrationThreshold ?? "0.5"),
    isCash: (asset) => isCashLike(asset, book.base),
    flagCash: input.flagCash ?? false,
  });
  return { ...net, allocation, concentration };
}

export type NetExposureInput = Omit<ExposureInput, "concentrationThreshold" | "flagCash">;
export type ExposureTotalsResult = Pick<ExposureResult, "baseCurrency" | "equity" | "totals" | "unpriced">;

/**
 * The totals only, by the same netting as `calculateExposure`: what every sync's snapshot
 * stores, on its hot path, without rows, allocation or concentration.
 */
export function calculateExposureTotals(input: NetExposureInput): ExposureTotalsResult {
  const book = createPriceBook(input);
  const equity = new D(input.equity);
  const { legs, unpriced } = buildLegs(input.balances, input.positions, book);
  return { baseCurrency: book.base, equity: toDecimalString(equity), totals: netTotals(legs, equity, input.includeCash ?? false), unpriced };
}

function netExposure(input: NetExposureInput): Omit<ExposureResult, "allocation" | "concentration"> & { book: PriceBook; legs: Leg[] } {
  const book = createPriceBook(input);
  const equity = new D(input.equity);
  const { legs, unpriced } = buildLegs(input.balances, input.positions, book);
  const { rows, totals } = netLegs(legs, equity, input.includeCash ?? false);
  return { baseCurrency: book.base, equity: toDecimalString(equity), rows, totals, unpriced, book, legs };
}
