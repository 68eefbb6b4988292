import type { Db } from "@/db/client";
import { getRiskFreeRate, getWorkspaceSettings, saveRiskFreeRate, saveWorkspaceSettings, type WorkspaceSettings } from "@/db/queries/workspaces";
import { ROLLUP_BUCKETS, type RollupBucket } from "@/db/schema";
import { D } from "@/lib/money/decimal";
import type { WorkspaceSettingsResult } from "@/lib/read-models/workspace-settings";
import { rebuildEquityRollups } from "@/lib/snapshots/rollups";
import { requestResync, type ResyncRequest, type SyncQueue } from "./request-resync";

/** Only the daily and weekly buckets are cut in the zone; sub-day buckets follow the UTC clock. */
const ZONED_BUCKETS: readonly RollupBucket[] = ["1d", "1w"];

/**
 * Saves the workspace's base currency and time zone. In the same transaction, under the
 * settings lock snapshot writes also take (so none lands half in the old settings), the
 * roll-ups the change invalidates are rebuilt from the snapshots: every size for a new
 * currency (only snapshots already in it count; none may exist yet), 1d and 1w for a new
 * zone. Snapshots themselves are never revalued: history in another currency is kept and
 * shown again if the workspace switches back.
 *
 * After a change of currency, every connection is resynced (queued, or started here), so
 * the overview has numbers in the new currency within a sync instead of at the next
 * scheduled one. Nothing changed: nothing written, nothing synced.
 *
 * The risk-free rate (an exact fraction; absent: kept) only feeds the ratios computed when a
 * page is read, so saving it rebuilds and resyncs nothing.
 */
export async function changeWorkspaceSettings(
  db: Db,
  p: WorkspaceSettings & {
    ownerId: string;
    riskFreeRate?: string;
    queue?: SyncQueue;
    /** Passed to the resync's runs (tests inject a connector and no reference prices). */
    syncOptions?: Parameters<typeof requestResync>[1]["syncOptions"];
  },
): Promise<{ result: WorkspaceSettingsResult; settled: Promise<void> }> {
  const next: WorkspaceSettings = { baseCurrency: p.baseCurrency, timeZone: p.timeZone };
  const saved = await db.transaction(async (tx) => {
    const before = await getWorkspaceSettings(tx, { ownerId: p.ownerId, lock: "update" });
    const rateBefore = await getRiskFreeRate(tx, { ownerId: p.ownerId });
    // Compared as numbers, exactly: "0.045" and "0.0450" are the same rate.
    const riskFreeRateChanged = p.riskFreeRate !== undefined && !new D(p.riskFreeRate).equals(rateBefore);
    if (riskFreeRateChanged) await saveRiskFreeRate(tx, { ownerId: p.ownerId, riskFreeRate: p.riskFreeRate! });
    const riskFreeRate = riskFreeRateChanged ? p.riskFreeRate! : rateBefore;
    const currencyChanged = before.baseCurrency !== next.baseCurrency;
    const timeZoneChanged = before.timeZone !== next.timeZone;
    if (!currencyChanged && !timeZoneChanged) return { currencyChanged, timeZoneChanged, riskFreeRate, riskFreeRateChanged, rollupsRebuilt: 0 };
    await saveWorkspaceSettings(tx, { ownerId: p.ownerId, ...next });
    const buckets = currencyChanged ? ROLLUP_BUCKETS : ZONED_BUCKETS;
    const rollupsRebuilt = await rebuildEquityRollups(tx, { ownerId: p.ownerId, settings: next, buckets });
    return { currencyChanged, timeZoneChanged, riskFreeRate, riskFreeRateChanged, rollupsRebuilt };
  });

  let resync: ResyncRequest | null = null;
  if (saved.currencyChanged) resync = await requestResync(db, { ownerId: p.ownerId, queue: p.queue, syncOptions: p.syncOptions });
  return {
    result: { ...next, ...saved, resync: resync ? describeResync(resync.result) : null },
    settled: resync?.settled ?? Promise.resolve(),
  };
}

function describeResync(r: ResyncRequest["result"]): string {
  if (!r.ok) return r.error;
  return `${r.mode === "queued" ? "Queued" : "Started"} a resync of ${r.connections} connection${r.connections === 1 ? "" : "s"}`;
}
