import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { CashFlow } from "../types";
import { DERIVED_FLOWS } from "./assumptions";
import type { NavRow } from "./schemas";
import { nsToDate } from "./transform";

/**
 * Subscriptions and redemptions derived from a fund's NAV series (pure): between two
 * consecutive points, the change in units (net assets / NAV per unit) valued at the later
 * NAV, when it exceeds what NAV rounding can explain. See DERIVED_FLOWS in assumptions.ts.
 */
function decimalsOf(v: string): number {
  const dot = v.indexOf(".");
  return dot < 0 ? 0 : v.length - dot - 1;
}

/** Half a unit in the last place `v` is written to (never coarser than `minDecimals`). */
function halfUlp(v: string, minDecimals = 0): Dec {
  return new D(10).pow(-Math.max(decimalsOf(v), minDecimals)).div(2);
}

const jsonSafe = (r: NavRow) => ({ ...r, snapshot_time: r.snapshot_time.toString() });

export function derivedFundFlows(rows: NavRow[]): CashFlow[] {
  const byFund = new Map<string, NavRow[]>();
  for (const r of rows) byFund.set(r.fund_name, [...(byFund.get(r.fund_name) ?? []), r]);
  const out: CashFlow[] = [];
  for (const [fund, series] of byFund) {
    const sorted = [...new Map(series.map((r) => [r.snapshot_time, r])).values()].sort((a, b) => (a.snapshot_time < b.snapshot_time ? -1 : 1));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1]!;
      const cur = sorted[i]!;
      if (!prev.accum_nav || !cur.accum_nav || new D(prev.accum_nav).isZero() || new D(cur.accum_nav).isZero()) continue;
      const unitsBefore = new D(prev.net_assets).div(prev.accum_nav);
      const unitsAfter = new D(cur.net_assets).div(cur.accum_nav);
      const flow = new D(cur.net_assets).minus(unitsBefore.times(cur.accum_nav));
      const noise = unitsBefore
        .abs()
        .times(halfUlp(prev.accum_nav, DERIVED_FLOWS.minNavDecimals).plus(halfUlp(cur.accum_nav, DERIVED_FLOWS.minNavDecimals)))
        .plus(halfUlp(prev.net_assets))
        .plus(halfUlp(cur.net_assets));
      const amount = flow.abs().toDecimalPlaces(DERIVED_FLOWS.amountDecimals);
      if (flow.abs().lte(noise) || amount.isZero()) continue;
      const units = (u: Dec) => toDecimalString(u.toDecimalPlaces(DERIVED_FLOWS.amountDecimals));
      out.push({
        portfolioExternalId: fund,
        venueFlowId: `units:${fund}@${cur.snapshot_time}`,
        kind: flow.isPositive() ? "subscription" : "redemption",
        asset: (cur.valuation_currency ?? "USD").toUpperCase(),
        amount: toDecimalString(amount),
        at: nsToDate(cur.snapshot_time),
        status: "confirmed",
        source: "derived",
        description: `derived from fund units: ${units(unitsBefore)} → ${units(unitsAfter)} at NAV per unit ${cur.accum_nav}`,
        raw: { previous: jsonSafe(prev), current: jsonSafe(cur) },
      });
    }
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.venueFlowId.localeCompare(b.venueFlowId));
}
