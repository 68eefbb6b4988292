import { type Amount, amount, isNegative, isPositive, negated, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { dayIndexOf } from "@/lib/engines/history/day-grid";
import type { HistoryDay, HistoryInput, IncomeKind, Instant } from "@/lib/engines/history/types";

/**
 * Fills, flows and income as one time-ordered list of holding changes ("legs"), each on its
 * local day. Every amount is parsed once here; bad input is refused with the field named.
 */
export interface Leg {
  asset: number;
  /** Signed change of the holding. */
  qty: Amount;
}

interface Base {
  ms: number;
  day: number;
  legs: Leg[];
}
export interface FillEvent extends Base {
  kind: "fill";
  side: 1 | -1;
  base: number;
  quote: number;
  qty: Amount;
  price: Amount;
  notional: Amount;
  fee: Amount;
  feeAsset: number;
}
export interface FlowEvent extends Base {
  kind: "flow";
  asset: number;
  qty: Amount;
}
export interface IncomeEvent extends Base {
  kind: "income";
  asset: number;
  qty: Amount;
  income: IncomeKind;
  symbolAsset: number;
}
export type HistoryEvent = FillEvent | FlowEvent | IncomeEvent;

const INCOME_KINDS = new Set<IncomeKind>(["funding", "interest", "staking", "dividend", "other"]);

export class AssetIndex {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  of(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
}

function msOf(at: Instant, field: string): number {
  const ms = typeof at === "number" ? at : at instanceof Date ? at.getTime() : Date.parse(at);
  if (!Number.isFinite(ms)) throw new RangeError(`${field} is not a valid instant`);
  return ms;
}

function decimal(text: string | undefined, field: string, rule: "positive" | "non-negative" | "any"): Amount {
  if (text === undefined) return ZERO;
  let a: Amount;
  try {
    a = amount(text);
  } catch {
    throw new RangeError(`${field} must be a decimal, got ${JSON.stringify(text)}`);
  }
  if (rule === "positive" && !isPositive(a)) throw new RangeError(`${field} must be > 0`);
  if (rule === "non-negative" && isNegative(a)) throw new RangeError(`${field} must not be negative`);
  return a;
}

function assetName(name: string | undefined, field: string): string {
  if (!name || name.trim() !== name) throw new RangeError(`${field} must be an asset code`);
  return name;
}

/** Events sorted by instant; at one instant flows come first, then fills, then income, each in input order. */
export function normaliseEvents(input: HistoryInput, days: readonly HistoryDay[], assets: AssetIndex): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  const place = (at: Instant, field: string) => {
    const ms = msOf(at, field);
    const day = dayIndexOf(days, ms);
    if (day < 0) throw new RangeError(`${field} is before the first day (${days[0]?.date}): start the series earlier`);
    if (day >= days.length) throw new RangeError(`${field} is after the end of ${days.at(-1)?.date}, the day of the balances`);
    return { ms, day };
  };
  (input.flows ?? []).forEach((f, k) => {
    const field = `flows[${k}]`;
    const asset = assets.of(assetName(f.asset, `${field}.asset`));
    const qty = decimal(f.amount, `${field}.amount`, "any");
    events.push({ kind: "flow", ...place(f.at, `${field}.at`), asset, qty, legs: [{ asset, qty }] });
  });
  (input.fills ?? []).forEach((f, k) => {
    const field = `fills[${k}]`;
    if (f.side !== "buy" && f.side !== "sell") throw new RangeError(`${field}.side must be "buy" or "sell"`);
    const base = assets.of(assetName(f.base, `${field}.base`));
    const quote = assets.of(assetName(f.quote, `${field}.quote`));
    const qty = decimal(f.quantity, `${field}.quantity`, "positive");
    const price = decimal(f.price, `${field}.price`, "positive");
    const fee = decimal(f.fee, `${field}.fee`, "non-negative");
    const feeAsset = f.feeCurrency === undefined ? quote : assets.of(assetName(f.feeCurrency, `${field}.feeCurrency`));
    const notional = times(qty, price);
    const side = f.side === "buy" ? 1 : -1;
    const legs: Leg[] = [
      { asset: base, qty: side === 1 ? qty : negated(qty) },
      { asset: quote, qty: side === 1 ? negated(notional) : notional },
    ];
    if (isPositive(fee)) legs.push({ asset: feeAsset, qty: negated(fee) });
    events.push({ kind: "fill", ...place(f.at, `${field}.at`), side, base, quote, qty, price, notional, fee, feeAsset, legs });
  });
  (input.income ?? []).forEach((f, k) => {
    const field = `income[${k}]`;
    const asset = assets.of(assetName(f.asset, `${field}.asset`));
    const qty = decimal(f.amount, `${field}.amount`, "any");
    if (!INCOME_KINDS.has(f.kind)) throw new RangeError(`${field}.kind must be one of ${[...INCOME_KINDS].join(", ")}`);
    const symbolAsset = f.symbolAsset === undefined ? asset : assets.of(assetName(f.symbolAsset, `${field}.symbolAsset`));
    events.push({ kind: "income", ...place(f.at, `${field}.at`), asset, qty, income: f.kind, symbolAsset, legs: [{ asset, qty }] });
  });
  // Stable: Array#sort keeps input order among equal instants, and the kinds were pushed in order.
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) if (events[i]!.ms < events[i - 1]!.ms) sorted = false;
  if (!sorted) events.sort((a, b) => a.ms - b.ms);
  return events;
}
