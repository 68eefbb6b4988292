import { type Amount, amount, isNegative, isPositive, negated, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { dayIndexOf } from "@/lib/engines/history/day-grid";
import type { HistoryDay, HistoryInput, IncomeKind, Instant } from "@/lib/engines/history/types";

/**
 * Fills, flows and income as one time-ordered list of holding changes ("legs"), each on its
 * local day. Every amount is parsed once here; bad input is refused with the field named.
 *
 * One class for every kind, legs inline (up to three: base, quote, fee): the walk and the
 * replay touch tens of thousands of these, and one object shape keeps their loops
 * monomorphic and their garbage small.
 */
export const FILL = 0;
export const FLOW = 1;
export const INCOME = 2;

export class HistoryEvent {
  /** Legs: asset index (-1: none) and signed quantity change. */
  a1 = -1;
  q1: Amount = ZERO;
  a2 = -1;
  q2: Amount = ZERO;
  a3 = -1;
  q3: Amount = ZERO;
  /** Fill: 1 buy, -1 sell. */
  side: 1 | -1 = 1;
  qty: Amount = ZERO;
  price: Amount = ZERO;
  notional: Amount = ZERO;
  fee: Amount = ZERO;
  /** Income: its kind, and the asset its per-symbol series is booked to. */
  income: IncomeKind = "other";
  symbolAsset = -1;
  constructor(
    readonly kind: 0 | 1 | 2,
    readonly ms: number,
    readonly day: number,
  ) {}
}

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
  const place = (kind: 0 | 1 | 2, at: Instant, field: string) => {
    const ms = msOf(at, field);
    const day = dayIndexOf(days, ms);
    if (day < 0) throw new RangeError(`${field} is before the first day (${days[0]?.date}): start the series earlier`);
    if (day >= days.length) throw new RangeError(`${field} is after the end of ${days.at(-1)?.date}, the day of the balances`);
    return new HistoryEvent(kind, ms, day);
  };
  (input.flows ?? []).forEach((f, k) => {
    const field = `flows[${k}]`;
    const e = place(FLOW, f.at, `${field}.at`);
    e.a1 = assets.of(assetName(f.asset, `${field}.asset`));
    e.q1 = decimal(f.amount, `${field}.amount`, "any");
    events.push(e);
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
    const e = place(FILL, f.at, `${field}.at`);
    e.side = f.side === "buy" ? 1 : -1;
    e.qty = qty;
    e.price = price;
    e.notional = times(qty, price);
    e.fee = fee;
    e.a1 = base;
    e.q1 = e.side === 1 ? qty : negated(qty);
    e.a2 = quote;
    e.q2 = e.side === 1 ? negated(e.notional) : e.notional;
    if (isPositive(fee)) {
      e.a3 = feeAsset;
      e.q3 = negated(fee);
    }
    events.push(e);
  });
  (input.income ?? []).forEach((f, k) => {
    const field = `income[${k}]`;
    const e = place(INCOME, f.at, `${field}.at`);
    e.a1 = assets.of(assetName(f.asset, `${field}.asset`));
    e.q1 = decimal(f.amount, `${field}.amount`, "any");
    if (!INCOME_KINDS.has(f.kind)) throw new RangeError(`${field}.kind must be one of ${[...INCOME_KINDS].join(", ")}`);
    e.income = f.kind;
    e.symbolAsset = f.symbolAsset === undefined ? e.a1 : assets.of(assetName(f.symbolAsset, `${field}.symbolAsset`));
    events.push(e);
  });
  // Stable: Array#sort keeps input order among equal instants, and the kinds were pushed in order.
  let sorted = true;
  for (let i = 1; i < events.length && sorted; i++) if (events[i]!.ms < events[i - 1]!.ms) sorted = false;
  if (!sorted) events.sort((a, b) => a.ms - b.ms);
  return events;
}
