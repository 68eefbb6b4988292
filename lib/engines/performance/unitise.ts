import { D, type Dec } from "@/lib/money/decimal";

/**
 * The unit ledger of a portfolio, as a fund keeps one: money that enters buys units at the
 * NAV per unit of that moment, money that leaves sells them, so NAV per unit moves only
 * with performance. Definitions and a worked example: docs/metrics.md, "Flows and NAV per
 * unit". Pure and exact (decimals); the caller gathers the events.
 */

export type UnitCause = "flows" | "opening" | "closing";

/** Everything that moved money at one snapshot instant, after which the portfolio was worth `equity`. */
export interface UnitEvent {
  at: number;
  /** Total equity at `at`, the flows already in it. */
  equity: Dec;
  /** Signed net money in (+) or out (−) at `at`: external flows, a connection's opening equity, a deleted one's last. */
  netFlow: Dec;
  flowCount: number;
  causes: ReadonlySet<UnitCause>;
}

export interface UnitState {
  units: Dec;
  /** The NAV per unit last struck: where the next issue happens when no units are outstanding. */
  navPerUnit: Dec;
  cumNetFlows: Dec;
}

export interface UnitIssue {
  at: number;
  netFlow: Dec;
  equityBefore: Dec;
  /** The NAV per unit the units were issued or redeemed at. */
  navPerUnit: Dec;
  unitsDelta: Dec;
  unitsAfter: Dec;
  cumNetFlows: Dec;
  flowCount: number;
  cause: string;
}

export const INITIAL_NAV_PER_UNIT = "1";

export function initialUnitState(navPerUnit: string = INITIAL_NAV_PER_UNIT): UnitState {
  return { units: new D(0), navPerUnit: new D(navPerUnit), cumNetFlows: new D(0) };
}

const ZERO = new D(0);
const ONE = new D(1);

/**
 * Issues and redeems units at each event, oldest first, from `seed`.
 *
 * - The flows are inside the event's equity, so what the units held before were worth is
 *   `equity − netFlow`, and NAV per unit before the flow is that over the units outstanding.
 * - With no units outstanding (a new portfolio, or after everything was withdrawn) the issue
 *   happens at the last NAV per unit struck, so a re-deposit continues the series instead
 *   of restarting it; the new units are whatever the portfolio is then worth.
 * - When the units outstanding are worth nothing or less (a loss larger than the equity),
 *   they are written off: the issue records NAV per unit 0 (a −100 % return) and the series
 *   restarts at 1 with the new money ("restart" in the cause).
 * - A portfolio worth nothing or less after the event holds no units.
 */
export function issueUnits(seed: UnitState, events: readonly UnitEvent[]): { issues: UnitIssue[]; state: UnitState } {
  let { units, navPerUnit, cumNetFlows } = seed;
  const issues: UnitIssue[] = [];
  for (const e of events) {
    const equityBefore = e.equity.minus(e.netFlow);
    let cause = [...e.causes].sort().join("+");
    let issueAt: Dec;
    let unitsAfter: Dec;
    if (units.isZero()) {
      issueAt = navPerUnit;
      unitsAfter = e.equity.greaterThan(0) ? e.equity.div(issueAt) : ZERO;
    } else if (!equityBefore.greaterThan(0)) {
      issueAt = ZERO;
      cause += "+restart";
      navPerUnit = ONE;
      unitsAfter = e.equity.greaterThan(0) ? e.equity.div(ONE) : ZERO;
    } else {
      issueAt = equityBefore.div(units);
      unitsAfter = e.equity.greaterThan(0) ? units.plus(e.netFlow.div(issueAt)) : ZERO;
      if (!unitsAfter.greaterThan(0)) unitsAfter = ZERO;
    }
    cumNetFlows = cumNetFlows.plus(e.netFlow);
    issues.push({
      at: e.at,
      netFlow: e.netFlow,
      equityBefore,
      navPerUnit: issueAt,
      unitsDelta: unitsAfter.minus(units),
      unitsAfter,
      cumNetFlows,
      flowCount: e.flowCount,
      cause,
    });
    if (unitsAfter.greaterThan(0)) navPerUnit = e.equity.div(unitsAfter);
    else if (issueAt.greaterThan(0)) navPerUnit = issueAt;
    units = unitsAfter;
  }
  return { issues, state: { units, navPerUnit, cumNetFlows } };
}

/** The state after an issue, as a later recompute seeds from it. */
export function stateAfter(issue: Pick<UnitIssue, "equityBefore" | "netFlow" | "navPerUnit" | "unitsAfter" | "cumNetFlows">): UnitState {
  const equity = issue.equityBefore.plus(issue.netFlow);
  const navPerUnit = issue.unitsAfter.greaterThan(0) ? equity.div(issue.unitsAfter) : issue.navPerUnit.greaterThan(0) ? issue.navPerUnit : ONE;
  return { units: issue.unitsAfter, navPerUnit, cumNetFlows: issue.cumNetFlows };
}
