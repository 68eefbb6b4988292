import type { Db } from "@/db/client";
import { readLatestRollup } from "@/db/queries/rollups";
import { readUnitIssues } from "@/db/queries/unit-ledger";
import { pointOfRollup, unitisedPeriod } from "@/lib/engines/performance";
import { D, sum, toDecimalString } from "@/lib/money/decimal";

const DAY = 86_400_000;

export interface DayChange {
  /** Flow-adjusted: Δequity − net flows over 24 h. Raw (legacy): Δequity of the connections that existed 24 h ago. */
  amount: string | null;
  /** Flow-adjusted: the NAV-per-unit change (TWR). Raw: amount ÷ equity 24 h ago. */
  pct: string | null;
  /** Net deposits (+) or withdrawals (−) the amount excludes; null when flows are not counted. */
  netFlows: string | null;
  basis: "flow_adjusted" | "raw";
}

interface SnapshotTotal {
  connectionId: string;
  equity: string;
}

/**
 * The overview's 24 h change. From the unitised series (15-minute roll-ups, from the last
 * snapshot before now − 24 h to the latest): PnL = Δequity − net flows, percent = TWR from
 * NAV per unit. Where those roll-ups are not yet unitised (rows written before flows were
 * counted) it is the old comparison, like with like: only connections that existed a day
 * ago, Δequity ÷ equity then, and it says so (`basis: "raw"`).
 */
export async function loadDayChange(
  db: Db,
  p: { ownerId: string; now: Date; latest: readonly SnapshotTotal[]; dayAgo: readonly SnapshotTotal[]; rollups?: boolean },
): Promise<DayChange> {
  const since = new Date(p.now.getTime() - DAY);
  // rollups false: a portfolio selection, which the workspace-wide roll-ups cannot measure.
  const [start, end] =
    p.rollups === false
      ? [null, null]
      : await Promise.all([
          readLatestRollup(db, { ownerId: p.ownerId, bucket: "15m", before: since }),
          readLatestRollup(db, { ownerId: p.ownerId, bucket: "15m" }),
        ]);
  if (start && end && start.cumNetFlows !== null && end.cumNetFlows !== null) {
    const issues = await readUnitIssues(db, { ownerId: p.ownerId, after: start.lastAt, upTo: end.lastAt });
    const period = unitisedPeriod({ start: pointOfRollup(start), end: pointOfRollup(end), issues });
    if (period) {
      return {
        amount: period.pnl,
        pct: period.twr === null ? null : toDecimalString(new D(period.twr).toDecimalPlaces(10)),
        netFlows: period.netFlows,
        basis: "flow_adjusted",
      };
    }
  }
  if (p.dayAgo.length === 0) return { amount: null, pct: null, netFlows: null, basis: "raw" };
  const comparable = new Set(p.dayAgo.map((s) => s.connectionId));
  const equityThen = sum(p.dayAgo.map((s) => s.equity));
  const change = sum(p.latest.filter((s) => comparable.has(s.connectionId)).map((s) => s.equity)).minus(equityThen);
  return {
    amount: toDecimalString(change),
    pct: equityThen.greaterThan(0) ? toDecimalString(change.div(equityThen).toDecimalPlaces(10)) : null,
    netFlows: null,
    basis: "raw",
  };
}
