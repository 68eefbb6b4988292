import { evaluateRiskAlertsForAllOwners } from "@/lib/alerts/risk-alerts";
import { reconcileAll } from "@/lib/attribution/reconcile-job";
import { rewalkEveryWorkspace } from "@/lib/audit/rewalk";
import { reconstructEveryConnection } from "@/lib/history/reconstruct-when";
import { runRetention } from "@/lib/retention/run-retention";
import { captureEndOfDaySnapshots } from "@/lib/snapshots/end-of-day";
import { detectSnapshotGaps } from "@/lib/snapshots/gaps";
import { reapStaleSyncBatches } from "@/lib/sync/reaper";
import { keepIbkrGatewaysAlive } from "./ibkr-keepalive";
import type { MaintenanceTasks } from "./tasks";

/** The lib call behind each maintenance schedule, for both runners. */
export const maintenanceTasks: MaintenanceTasks = {
  "reap-stale-syncs": (db, p) => reapStaleSyncBatches(db, { now: p.now }),
  // Hourly: attribution first, then the risk check over the fresh numbers.
  reconcile: async (db, p) => {
    const r = await reconcileAll(db, { now: p.now });
    const risk = await evaluateRiskAlertsForAllOwners(db, { now: p.now });
    return { connections: r.connections, rows: r.rows, riskAlertsRaised: risk.raised, riskAlertsResolved: risk.resolved };
  },
  "end-of-day-snapshots": (db, p) => captureEndOfDaySnapshots(db, { now: p.now }),
  "snapshot-gaps": async (db, p) => {
    const r = await detectSnapshotGaps(db, { now: p.now });
    return { gaps: r.gaps, backfilled: r.backfilled };
  },
  "ibkr-keepalive": async (db, p) => {
    const r = await keepIbkrGatewaysAlive(db, { now: p.now });
    return { gateways: r.gateways, authenticated: r.authenticated, failed: r.failed };
  },
  "audit-rewalk": (db, p) => rewalkEveryWorkspace(db, { now: p.now }),
  retention: (db, p) => runRetention(db, { now: p.now }),
  "history-nightly": (db, p) => reconstructEveryConnection(db, { now: p.now }),
};
