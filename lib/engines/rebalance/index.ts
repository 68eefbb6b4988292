import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { createPriceBook, type PricingInput } from "@/lib/engines/pricing";

/**
 * Rebalancing preview: from target weights to the trades that would reach them. Nothing
 * here can place an order; the result is a table for a person to read.
 *
 * Weights are fractions of the portfolio's value in the base currency. Targets may sum to
 * less than 1: the remainder is the base currency (cash). Holdings worth less than
 * `dustValue` with no target are dust: listed, left alone and kept out of the total.
 */
export interface RebalanceHolding {
  asset: string;
  quantity: string;
}

export interface RebalanceInput extends PricingInput {
  holdings: RebalanceHolding[];
  /** asset → target weight (0.4 = 40 %). */
  targets: Record<string, string>;
  /** No trade while |current − target| ≤ tolerance (absolute weight). Default "0". */
  tolerance?: string;
  /** asset → its own tolerance band, overriding `tolerance` for that asset. */
  tolerances?: Record<string, string>;
  /** No trade smaller than this value in the base currency. Default "0". */
  minTradeValue?: string;
  /** Untargeted holdings below this value are ignored. Default "0". */
  dustValue?: string;
  /** asset → quantity step; a trade's quantity is rounded toward zero to it. */
  lotSizes?: Record<string, string>;
}

export type RebalanceAction = "buy" | "sell" | "hold" | "cash";
export type RebalanceReason = "rebalance" | "on-target" | "within-tolerance" | "below-minimum" | "dust" | "unpriced" | "cash";

export interface RebalanceRow {
  asset: string;
  quantity: string;
  price: string | null;
  value: string | null;
  currentWeight: string | null;
  targetWeight: string;
  /** current − target. */
  drift: string | null;
  targetValue: string | null;
  /** Value to buy (+) or sell (−) after lot rounding; 0 when held. */
  valueDelta: string;
  quantityDelta: string;
  action: RebalanceAction;
  reason: RebalanceReason;
}

export interface RebalanceResult {
  baseCurrency: string;
  /** Value of every priced, non-dust holding. */
  totalValue: string;
  rows: RebalanceRow[];
  buyValue: string;
  sellValue: string;
  /** Cash the trades would consume (+) or release (−). */
  netCashNeeded: string;
  unpriced: string[];
  /** Always true: this engine only previews. */
  previewOnly: true;
}

const ZERO = new D(0);

function checkTargets(targets: Record<string, string>): Map<string, Dec> {
  const out = new Map<string, Dec>();
  let total = ZERO;
  for (const [asset, w] of Object.entries(targets)) {
    const weight = new D(w);
    if (weight.lessThan(0) || weight.greaterThan(1)) throw new RangeError(`target weight of ${asset} must be within [0, 1], got ${w}`);
    out.set(asset, weight);
    total = total.plus(weight);
  }
  if (total.greaterThan(1)) throw new RangeError(`target weights sum to ${total.toFixed()}, more than 1`);
  return out;
}

export function calculateRebalance(input: RebalanceInput): RebalanceResult {
  const book = createPriceBook(input);
  const base = book.base;
  const targets = checkTargets(input.targets);
  let targeted = ZERO;
  for (const w of targets.values()) targeted = targeted.plus(w);
  if (!targets.has(base)) targets.set(base, new D(1).minus(targeted));

  const tolerance = new D(input.tolerance ?? 0);
  const minTrade = new D(input.minTradeValue ?? 0);
  const dust = new D(input.dustValue ?? 0);

  const quantities = new Map<string, Dec>();
  for (const h of input.holdings) quantities.set(h.asset, (quantities.get(h.asset) ?? ZERO).plus(h.quantity));
  const assets = [...new Set([...quantities.keys(), ...targets.keys()])].sort();

  const unpriced: string[] = [];
  const priced = new Map<string, { qty: Dec; price: Dec; value: Dec; isDust: boolean }>();
  let total = ZERO;
  for (const asset of assets) {
    const qty = quantities.get(asset) ?? ZERO;
    const price = book.rateOf(asset);
    if (!price) {
      unpriced.push(asset);
      continue;
    }
    const value = qty.times(price);
    const isDust = !targets.has(asset) && value.abs().lessThan(dust);
    if (!isDust) total = total.plus(value);
    priced.set(asset, { qty, price, value, isDust });
  }

  let buy = ZERO;
  let sell = ZERO;
  const rows: RebalanceRow[] = [];
  let cashRow: RebalanceRow | null = null;
  for (const asset of assets) {
    const target = targets.get(asset) ?? ZERO;
    const p = priced.get(asset);
    const row: RebalanceRow = {
      asset,
      quantity: toDecimalString(quantities.get(asset) ?? ZERO),
      price: p ? toDecimalString(p.price) : null,
      value: p ? toDecimalString(p.value) : null,
      currentWeight: null,
      targetWeight: toDecimalString(target),
      drift: null,
      targetValue: null,
      valueDelta: "0",
      quantityDelta: "0",
      action: "hold",
      reason: "unpriced",
    };
    rows.push(row);
    if (!p) continue;
    if (p.isDust) {
      row.reason = "dust";
      continue;
    }
    const current = total.isZero() ? ZERO : p.value.div(total);
    const targetValue = total.times(target);
    row.currentWeight = toDecimalString(current);
    row.drift = toDecimalString(current.minus(target));
    row.targetValue = toDecimalString(targetValue);
    if (asset === base) {
      row.action = "cash";
      row.reason = "cash";
      cashRow = row;
      continue;
    }
    let valueDelta = targetValue.minus(p.value);
    let qtyDelta = valueDelta.div(p.price);
    const lot = input.lotSizes?.[asset];
    if (lot !== undefined) {
      const step = new D(lot);
      qtyDelta = qtyDelta.div(step).trunc().times(step);
      valueDelta = qtyDelta.times(p.price);
    }
    if (valueDelta.isZero()) row.reason = "on-target";
    else if (current.minus(target).abs().lessThanOrEqualTo(input.tolerances?.[asset] ?? tolerance)) row.reason = "within-tolerance";
    else if (valueDelta.abs().lessThan(minTrade)) row.reason = "below-minimum";
    else {
      row.action = valueDelta.greaterThan(0) ? "buy" : "sell";
      row.reason = "rebalance";
      row.valueDelta = toDecimalString(valueDelta);
      row.quantityDelta = toDecimalString(qtyDelta);
      if (valueDelta.greaterThan(0)) buy = buy.plus(valueDelta);
      else sell = sell.minus(valueDelta);
    }
  }

  const netCash = buy.minus(sell);
  if (cashRow) {
    // The cash row shows where the trades leave the base currency, not a trade of its own.
    cashRow.valueDelta = toDecimalString(netCash.negated());
    cashRow.quantityDelta = cashRow.valueDelta;
  }

  return {
    baseCurrency: base,
    totalValue: toDecimalString(total),
    rows,
    buyValue: toDecimalString(buy),
    sellValue: toDecimalString(sell),
    netCashNeeded: toDecimalString(netCash),
    unpriced,
    previewOnly: true,
  };
}
