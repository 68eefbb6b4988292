// The process the fault suite kills (faults/kill-harness.ts). Started like a restarted server
// or CLI: opens the database (DATABASE_URL, or the PGlite directory a killed predecessor may
// have left locked), runs the reaper, prints the state the suite checks after a kill, then
// runs the next instant of the deterministic venue that has not committed yet:
//   FAULT_MODE=sync    through the sync service (syncConnection, what `npm run sync` runs);
//   FAULT_MODE=resync  through requestResync, what the server runs for a Resync without Inngest.
// SYNC_FAULT_PAUSE_MS makes the run pause at each write step (lib/sync/fault-point.ts).
import { openDb } from "@/db/client";
import { listConnections } from "@/db/queries/connections";
import { workspaceForCli } from "@/db/queries/workspaces";
import { databaseTarget, env } from "@/lib/env";
import { requestResync } from "@/lib/actions/request-resync";
import { reapStaleSyncBatches } from "@/lib/sync/reaper";
import { syncConnection } from "@/lib/sync/sync-connection";
import { faultInstants } from "./fault-venue";
import { faultState } from "./invariants";

const mode = process.env.FAULT_MODE === "resync" ? "resync" : "sync";
const instants = faultInstants(Number(process.env.FAULT_INSTANTS ?? "1"));

const handle = await openDb(databaseTarget(env()));
try {
  // A restarted process: whatever a killed run left open is stale by now (its clock is the venue's, days ago).
  const reaped = await reapStaleSyncBatches(handle.db, { now: new Date() });
  const state = await faultState(handle.db);
  console.log(`state ${JSON.stringify({ reaped, ...state })}`);
  const at = instants[state.committed];
  if (at) {
    const ownerId = (await workspaceForCli(handle.db, undefined)).id;
    const [conn] = await listConnections(handle.db, { ownerId });
    if (mode === "sync") {
      const r = await syncConnection(handle.db, { ownerId, connectionId: conn!.id, trigger: "manual", now: () => at, webhook: null });
      console.log(`result ${r.status}`);
    } else {
      const r = await requestResync(handle.db, { ownerId, now: () => at, syncOptions: { webhook: null } });
      if (!r.result.ok) throw new Error(r.result.error);
      await r.settled;
      console.log(`result ${r.result.mode}`);
    }
  }
} finally {
  await handle.close();
}
