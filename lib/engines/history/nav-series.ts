import { type Amount, amountToString, fromDecimal, isPositive, isZero, quotient, toDecimal } from "@/lib/money/amount";
import { toDecimalString } from "@/lib/money/decimal";
import { initialUnitState, issueUnits, type UnitState } from "@/lib/engines/performance/unitise";
import type { UnitIssue } from "@/lib/engines/performance/unitised-periods";

/**
 * NAV per unit of the reconstructed series, with the fund's unit ledger
 * (lib/engines/performance/unitise, reused as is on the days with flows): the day's flows
 * (external and residual) are inside the day's closing value, so units are issued or
 * redeemed at the NAV before them, and NAV per unit moves only with performance. On the
 * other days NAV per unit is value / units: one division (lib/money/amount's quotient,
 * decimal.js's result) per day.
 */
export function navSeries(p: { endMs: readonly number[]; value: readonly Amount[]; flows: readonly Amount[] }): {
  navPerUnit: (string | null)[];
  units: string[];
  issues: UnitIssue[];
} {
  const n = p.value.length;
  const navPerUnit = new Array<string | null>(n);
  const units = new Array<string>(n);
  const issues: UnitIssue[] = [];
  let state: UnitState = initialUnitState();
  let held: Amount = fromDecimal(state.units);
  let heldText = toDecimalString(state.units);
  const causes = new Set(["flows" as const]);
  for (let i = 0; i < n; i++) {
    if (!isZero(p.flows[i]!)) {
      const netFlow = toDecimal(p.flows[i]!);
      const at = p.endMs[i]! - 1;
      const r = issueUnits(state, [{ at, equity: toDecimal(p.value[i]!), netFlow, flowCount: 1, causes }]);
      state = r.state;
      const issue = r.issues[0]!;
      issues.push({ at: new Date(at), netFlow: toDecimalString(netFlow), navPerUnit: toDecimalString(issue.navPerUnit), unitsAfter: toDecimalString(issue.unitsAfter) });
      held = fromDecimal(state.units);
      heldText = toDecimalString(state.units);
    }
    units[i] = heldText;
    navPerUnit[i] = isPositive(held) ? amountToString(quotient(p.value[i]!, held)) : null;
  }
  return { navPerUnit, units, issues };
}
