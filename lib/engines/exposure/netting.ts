import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { Leg } from "@/lib/engines/exposure/legs";

export interface ExposureRow {
  underlying: string;
  /** Σ of long legs, ≥ 0. */
  long: string;
  /** Σ of short legs, ≤ 0. */
  short: string;
  /** long + short. */
  net: string;
  /** long − short: both sides, before they cancel. */
  gross: string;
  netWeight: string | null;
  /** gross / equity: this underlying's share of the unnetted leverage. */
  leverage: string | null;
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
  /** Σ of positive row nets (≥ 0): what is long after hedges. Snapshots store it as their long exposure. */
  netLong: string;
  /** Σ of negative row nets (≤ 0): what is short after hedges. netLong + netShort = net. */
  netShort: string;
}

/**
 * The one netting rule (docs/metrics.md, "Exposure"): legs are summed per underlying into
 * long and short, and every total is taken over the netted rows. Dashboards, alerts and the
 * stored snapshots all come through here, so their leverage cannot drift apart.
 */
function accumulate(legs: readonly Leg[], includeCash: boolean): Map<string, { long: Dec; short: Dec }> {
  const acc = new Map<string, { long: Dec; short: Dec }>();
  for (const leg of legs) {
    if (leg.cash && !includeCash) continue;
    let row = acc.get(leg.underlying);
    if (!row) {
      row = { long: new D(0), short: new D(0) };
      acc.set(leg.underlying, row);
    }
    if (leg.value.greaterThan(0)) row.long = row.long.plus(leg.value);
    else row.short = row.short.plus(leg.value);
  }
  return acc;
}

function totalsOf(acc: Map<string, { long: Dec; short: Dec }>, equity: Dec): ExposureTotals {
  const ofEquity = (v: Dec): string | null => (equity.greaterThan(0) ? toDecimalString(v.div(equity)) : null);
  let long = new D(0);
  let short = new D(0);
  let gross = new D(0);
  let netLong = new D(0);
  let netShort = new D(0);
  for (const r of acc.values()) {
    const net = r.long.plus(r.short);
    long = long.plus(r.long);
    short = short.plus(r.short);
    gross = gross.plus(net.abs());
    if (net.isPositive()) netLong = netLong.plus(net);
    else netShort = netShort.plus(net);
  }
  const net = long.plus(short);
  return {
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
    netLong: toDecimalString(netLong),
    netShort: toDecimalString(netShort),
  };
}

/** Totals only: what each sync's snapshot stores, without formatting a row per underlying. */
export function netTotals(legs: readonly Leg[], equity: Dec, includeCash: boolean): ExposureTotals {
  return totalsOf(accumulate(legs, includeCash), equity);
}

/** Rows per underlying, largest |net| first, and the totals over them. */
export function netLegs(legs: readonly Leg[], equity: Dec, includeCash: boolean): { rows: ExposureRow[]; totals: ExposureTotals } {
  const ofEquity = (v: Dec): string | null => (equity.greaterThan(0) ? toDecimalString(v.div(equity)) : null);
  const acc = accumulate(legs, includeCash);
  const rows = [...acc.entries()]
    .map(([underlying, r]) => {
      const net = r.long.plus(r.short);
      return { underlying, ...r, net, size: net.abs() };
    })
    .sort((a, b) => b.size.comparedTo(a.size) || a.underlying.localeCompare(b.underlying))
    .map((r) => {
      const gross = r.long.minus(r.short);
      return {
        underlying: r.underlying,
        long: toDecimalString(r.long),
        short: toDecimalString(r.short),
        net: toDecimalString(r.net),
        gross: toDecimalString(gross),
        netWeight: ofEquity(r.net),
        leverage: ofEquity(gross),
      };
    });
  return { rows, totals: totalsOf(acc, equity) };
}
