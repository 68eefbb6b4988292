import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { initialUnitState, issueUnits, type UnitCause, type UnitEvent } from "./unitise";
import type { UnitIssue, UnitisedPoint } from "./unitised-periods";

/**
 * The unitised series of a set of whole connections, one point per local day, from their
 * end-of-day lines and their flows: what the workspace's unit ledger is for the workspace
 * (lib/snapshots/unitised.ts), by the same rules, at daily resolution.
 *
 * - A day's point is the sum of the connections' close equity, at the day's last instant.
 * - A connection's first close with equity brings it in ("opening"); a connection that
 *   stops having one takes its last equity out ("closing"): selecting an account is not
 *   performance.
 * - A flow at τ is inside the first close whose snapshot of its connection was captured at
 *   or after τ (a flow belongs to the first snapshot at or after it, as for the workspace);
 *   one at or before the connection's first close is inside its opening equity. A flow not
 *   yet in any close waits for it.
 * - Units are issued by issueUnits (./unitise.ts), so returns are NAV-per-unit growth: a
 *   deposit or withdrawal is never a return.
 *
 * Pure and exact; the caller reads the lines and flows.
 */
export interface ConnectionDayLine {
  day: string;
  /** The close's end of day (exclusive): the next local midnight. */
  asOf: Date;
  connectionId: string;
  equity: string | null;
  capturedAt: Date | null;
}

export interface DailyFlow {
  connectionId: string;
  occurredAt: Date;
  /** Signed, in the base currency. */
  value: string;
}

export interface DailyUnitisedSeries {
  points: Array<UnitisedPoint & { day: string }>;
  issues: UnitIssue[];
}

interface Held {
  equity: Dec;
  capturedAtMs: number;
}

export function unitiseDailyCloses(lines: readonly ConnectionDayLine[], flows: readonly DailyFlow[]): DailyUnitisedSeries {
  const byDay = new Map<string, { asOf: Date; lines: ConnectionDayLine[] }>();
  for (const l of lines) {
    const d = byDay.get(l.day) ?? { asOf: l.asOf, lines: [] };
    d.lines.push(l);
    byDay.set(l.day, d);
  }
  const flowsOf = new Map<string, DailyFlow[]>();
  for (const f of flows) flowsOf.set(f.connectionId, [...(flowsOf.get(f.connectionId) ?? []), f]);

  const held = new Map<string, Held>();
  const days: Array<{ day: string; at: number; equity: Dec }> = [];
  const events: UnitEvent[] = [];
  for (const day of [...byDay.keys()].sort()) {
    const { asOf, lines: today } = byDay.get(day)!;
    // The day's last instant: the close is the value at its end, and it stays inside the local day.
    const at = asOf.getTime() - 1;
    let equity = new D(0);
    let netFlow = new D(0);
    let flowCount = 0;
    const causes = new Set<UnitCause>();
    const seen = new Set<string>();
    for (const l of today) {
      if (l.equity === null || l.capturedAt === null) continue;
      seen.add(l.connectionId);
      const value = new D(l.equity);
      const captured = l.capturedAt.getTime();
      equity = equity.plus(value);
      const before = held.get(l.connectionId);
      if (!before) {
        netFlow = netFlow.plus(value);
        causes.add("opening");
      } else if (captured > before.capturedAtMs) {
        for (const f of flowsOf.get(l.connectionId) ?? []) {
          const t = f.occurredAt.getTime();
          if (t > before.capturedAtMs && t <= captured) {
            netFlow = netFlow.plus(f.value);
            flowCount++;
            causes.add("flows");
          }
        }
      }
      held.set(l.connectionId, { equity: value, capturedAtMs: captured });
    }
    for (const [id, h] of [...held]) {
      if (seen.has(id)) continue;
      netFlow = netFlow.minus(h.equity);
      causes.add("closing");
      held.delete(id);
    }
    if (seen.size === 0 && causes.size === 0) continue;
    days.push({ day, at, equity });
    if (causes.size > 0) events.push({ at, equity, netFlow, flowCount, causes });
  }

  const { issues } = issueUnits(initialUnitState(), events);
  const issueAt = new Map(issues.map((i) => [i.at, i]));
  let units = new D(0);
  let cum = new D(0);
  const points = days.map((d) => {
    const issue = issueAt.get(d.at);
    if (issue) {
      units = issue.unitsAfter;
      cum = issue.cumNetFlows;
    }
    return {
      day: d.day,
      at: new Date(d.at),
      equity: toDecimalString(d.equity),
      navPerUnit: units.greaterThan(0) ? toDecimalString(d.equity.div(units).toDecimalPlaces(18)) : null,
      cumNetFlows: toDecimalString(cum),
    };
  });
  return {
    points,
    issues: issues.map((i) => ({
      at: new Date(i.at),
      netFlow: toDecimalString(i.netFlow),
      navPerUnit: toDecimalString(i.navPerUnit),
      unitsAfter: toDecimalString(i.unitsAfter),
    })),
  };
}
