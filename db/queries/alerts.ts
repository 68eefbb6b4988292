import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { alerts, type AlertKind, type AlertRow, type AlertSeverity } from "../schema";
import { NotFoundError } from "./not-found";

export interface AlertInput {
  ownerId: string;
  kind: AlertKind;
  subject: string;
  severity: AlertSeverity;
  title: string;
  message: string;
  details?: Record<string, unknown>;
  at: Date;
}

/**
 * Opens an alert, or counts one more occurrence of the unresolved alert with the same
 * owner, kind and subject. `isNew` tells the caller whether to notify anyone.
 */
export async function upsertAlert(db: Db, a: AlertInput): Promise<{ alert: AlertRow; isNew: boolean }> {
  const [row] = await db
    .insert(alerts)
    .values({
      ownerId: a.ownerId,
      kind: a.kind,
      subject: a.subject,
      severity: a.severity,
      title: a.title,
      message: a.message,
      details: a.details ?? {},
      firstSeenAt: a.at,
      lastSeenAt: a.at,
    })
    .onConflictDoUpdate({
      target: [alerts.ownerId, alerts.kind, alerts.subject],
      targetWhere: sql`resolved_at is null`,
      set: {
        occurrences: sql`${alerts.occurrences} + 1`,
        lastSeenAt: sql`excluded.last_seen_at`,
        severity: sql`excluded.severity`,
        title: sql`excluded.title`,
        message: sql`excluded.message`,
        details: sql`excluded.details`,
      },
    })
    .returning();
  return { alert: row!, isNew: row!.occurrences === 1 };
}

/** Closes the unresolved alert of this kind and subject, if any (the condition cleared). */
export async function resolveAlerts(db: Db, p: { ownerId: string; kind: AlertKind; subject: string; at: Date }): Promise<number> {
  const rows = await db
    .update(alerts)
    .set({ resolvedAt: p.at })
    .where(and(eq(alerts.ownerId, p.ownerId), eq(alerts.kind, p.kind), eq(alerts.subject, p.subject), isNull(alerts.resolvedAt)))
    .returning({ id: alerts.id });
  return rows.length;
}

export async function acknowledgeAlert(db: Db, p: { ownerId: string; alertId: string; at: Date }): Promise<AlertRow> {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedAt: sql`coalesce(${alerts.acknowledgedAt}, ${p.at.toISOString()}::timestamptz)` })
    .where(and(eq(alerts.id, p.alertId), eq(alerts.ownerId, p.ownerId)))
    .returning();
  if (!row) throw new NotFoundError("alert");
  return row;
}

export async function markAlertDelivered(db: Db, p: { alertId: string; at: Date }): Promise<void> {
  await db.update(alerts).set({ deliveredAt: p.at }).where(eq(alerts.id, p.alertId));
}

export async function listAlerts(db: Db, p: { ownerId: string; includeResolved?: boolean; limit?: number }): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(p.includeResolved ? eq(alerts.ownerId, p.ownerId) : and(eq(alerts.ownerId, p.ownerId), isNull(alerts.resolvedAt)))
    .orderBy(desc(alerts.lastSeenAt))
    .limit(p.limit ?? 100);
}
