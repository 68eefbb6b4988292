import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { archiveConnection, type ArchivedConnection } from "@/db/queries/connection-lifecycle";
import { getConnection } from "@/db/queries/connections";
import { refreshEquityRollups } from "@/lib/snapshots/rollups";
import { ChangeRefusedError } from "./change-refused";

/**
 * Deletes a connection, as the page says: its credentials are erased and it is never
 * synced again; everything it recorded (orders, fills, the order-event audit chain,
 * snapshots, NAV points, sync runs) stays, read-only — the audit tables refuse deletes by
 * design; its current holdings leave today's totals and the equity roll-ups from now on.
 *
 * A run in progress is never left half-done: this takes the advisory lock a run commits
 * under, so a run already writing finishes first (its state lands, then is archived), and
 * a run still reading the venue is marked cancelled and will find the connection deleted
 * when it comes to write, and write nothing.
 */
export async function deleteConnection(
  db: Db,
  p: { ownerId: string; connectionId: string; confirmLabel: string; now?: () => Date },
): Promise<ArchivedConnection & { label: string }> {
  const conn = await getConnection(db, p);
  if (p.confirmLabel.trim() !== conn.label.trim()) {
    throw new ChangeRefusedError(`Type the connection's label, ${conn.label}, to confirm`, "confirmLabel");
  }
  const archived = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${conn.id}))`);
    const at = (p.now ?? (() => new Date()))();
    const done = await archiveConnection(tx, { ownerId: p.ownerId, connectionId: conn.id, at });
    await refreshEquityRollups(tx, { ownerId: p.ownerId, from: at });
    return done;
  });
  return { ...archived, label: conn.label };
}
