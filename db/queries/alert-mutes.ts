import { and, asc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { alertMutes, connections, type AlertKind, type AlertMuteRow } from "../schema";
import { NotFoundError } from "./not-found";

/**
 * Mutes a rule (a kind, optionally one connection) until `until`. Muting a rule that is
 * already muted moves its end, whichever way: the latest decision stands.
 */
export async function muteAlertRule(
  db: Db,
  p: { ownerId: string; kind: AlertKind; connectionId: string | null; until: Date; createdBy: string | null },
): Promise<AlertMuteRow> {
  const [row] = await db
    .insert(alertMutes)
    .values({ ownerId: p.ownerId, kind: p.kind, connectionId: p.connectionId, until: p.until, createdBy: p.createdBy })
    .onConflictDoUpdate({
      target: [alertMutes.ownerId, alertMutes.kind, alertMutes.connectionId],
      set: { until: p.until, createdBy: p.createdBy, createdAt: new Date() },
    })
    .returning();
  return row!;
}

/** Ends a mute now; another workspace's is not found. */
export async function unmuteAlertRule(db: Db, p: { ownerId: string; muteId: string }): Promise<void> {
  const rows = await db
    .delete(alertMutes)
    .where(and(eq(alertMutes.id, p.muteId), eq(alertMutes.ownerId, p.ownerId)))
    .returning({ id: alertMutes.id });
  if (rows.length === 0) throw new NotFoundError("mute");
}

/** The mutes still in force at `at`, soonest to end first, with the label of a muted connection. */
export async function listActiveMutes(db: Db, p: { ownerId: string; at: Date }) {
  return db
    .select({ mute: alertMutes, connectionLabel: connections.label })
    .from(alertMutes)
    .leftJoin(connections, eq(connections.id, alertMutes.connectionId))
    .where(and(eq(alertMutes.ownerId, p.ownerId), gt(alertMutes.until, p.at)))
    .orderBy(asc(alertMutes.until));
}

/**
 * The mute in force at `at` that covers an alert of this kind about this connection: the
 * rule for every connection, or the one for this connection. Null when none does.
 */
export async function findActiveMute(db: Db, p: { ownerId: string; kind: AlertKind; connectionId: string | null; at: Date }): Promise<AlertMuteRow | null> {
  // Compared as text: an alert's subject is free text, not always a well-formed id.
  const subject = p.connectionId
    ? or(isNull(alertMutes.connectionId), sql`${alertMutes.connectionId}::text = ${p.connectionId}`)
    : isNull(alertMutes.connectionId);
  const [row] = await db
    .select()
    .from(alertMutes)
    .where(and(eq(alertMutes.ownerId, p.ownerId), eq(alertMutes.kind, p.kind), gt(alertMutes.until, p.at), subject))
    .limit(1);
  return row ?? null;
}
