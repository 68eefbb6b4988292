import type { Db } from "@/db/client";
import { refreshUnitisedSeries } from "@/lib/snapshots/unitised";
import { matchTransfers } from "./transfer-matches";

/**
 * What follows any change to a workspace's flows, in the transaction that made it: transfers
 * are matched again (a new withdrawal or deposit may pair with another connection's, a
 * reversed leg releases its match), and the unitised series is refreshed from the earliest
 * instant that changed. Called by the sync and by people's corrections alike, so the series
 * never shows a flow the matcher has not seen.
 */
export async function afterFlowsChanged(tx: Db, p: { ownerId: string; from: Date }): Promise<void> {
  const matched = await matchTransfers(tx, { ownerId: p.ownerId });
  // matchTransfers refreshed from its own earliest change; only an earlier change needs more.
  if (!matched.changedFrom || p.from < matched.changedFrom) await refreshUnitisedSeries(tx, p);
}
