import type { Db } from "@/db/client";
import type { ProviderId } from "@/lib/connectors/types";
import { INTERVAL_TICK_MS } from "./definitions";
import { calendarSyncs, dueConnections, type DueConnection } from "./due";
import { listScheduledConnections } from "./scheduled-connections";

/**
 * What one run of a schedule syncs, and when each sync should start (`dueAt`; now or
 * earlier means at once). Both runners call these, so Inngest and the in-process
 * scheduler pick exactly the same connections.
 */
export async function planIntervalSyncs(db: Db, now: Date): Promise<DueConnection[]> {
  return dueConnections(await listScheduledConnections(db), now, INTERVAL_TICK_MS);
}

export async function planVenueSyncs(db: Db, provider: ProviderId, now: Date): Promise<DueConnection[]> {
  return calendarSyncs(await listScheduledConnections(db, { provider }), now);
}
