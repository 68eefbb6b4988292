import { and, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { alerts, CONNECTION_ALERT_KINDS, connections, type AlertKind, type AlertRow, type AlertSeverity, type NotifyStatus } from "../schema";
import { keysetOrder, keysetResult, keysetWhere, keyText, type KeysetCursor } from "./keyset";
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

/** Takes an acknowledgement back: the alert is someone's to look at again. */
export async function unacknowledgeAlert(db: Db, p: { ownerId: string; alertId: string }): Promise<AlertRow> {
  const [row] = await db
    .update(alerts)
    .set({ acknowledgedAt: null })
    .where(and(eq(alerts.id, p.alertId), eq(alerts.ownerId, p.ownerId)))
    .returning();
  if (!row) throw new NotFoundError("alert");
  return row;
}

export async function markAlertDelivered(db: Db, p: { alertId: string; at: Date }): Promise<void> {
  await db.update(alerts).set({ deliveredAt: p.at }).where(eq(alerts.id, p.alertId));
}

/** What became of a new alert's notification; `deliveredAt` when a channel accepted it. */
export async function saveNotifyStatus(db: Db, p: { alertId: string; status: NotifyStatus; deliveredAt: Date | null }): Promise<void> {
  await db
    .update(alerts)
    .set({ notifyStatus: p.status, ...(p.deliveredAt ? { deliveredAt: p.deliveredAt } : {}) })
    .where(eq(alerts.id, p.alertId));
}

/** The connection an alert is about, for the kinds whose subject is one; else null. */
export function alertConnectionId(a: Pick<AlertRow, "kind" | "subject">): string | null {
  return (CONNECTION_ALERT_KINDS as readonly string[]).includes(a.kind) ? a.subject : null;
}

export interface AlertListFilters {
  kind?: AlertKind;
  severity?: AlertSeverity;
  connectionId?: string;
  acknowledged?: boolean;
  resolved?: boolean;
}

export type AlertSortKey = "lastSeenAt" | "firstSeenAt";

/**
 * One page of the workspace's alerts, most recently seen first by default, each with the
 * label of the connection it is about (when it is about one). Keyset by (sort time, id).
 */
export async function listAlertPage(
  db: Db,
  p: { ownerId: string; cursor: KeysetCursor | null; limit: number; sort: AlertSortKey; descending: boolean; filters: AlertListFilters },
) {
  const key = { at: p.sort === "firstSeenAt" ? alerts.firstSeenAt : alerts.lastSeenAt, id: alerts.id };
  const f = p.filters;
  const where: SQL[] = [eq(alerts.ownerId, p.ownerId)];
  if (f.kind) where.push(eq(alerts.kind, f.kind));
  if (f.severity) where.push(eq(alerts.severity, f.severity));
  if (f.connectionId) where.push(and(eq(alerts.subject, f.connectionId), inArray(alerts.kind, [...CONNECTION_ALERT_KINDS]))!);
  if (f.acknowledged !== undefined) where.push(f.acknowledged ? isNotNull(alerts.acknowledgedAt) : isNull(alerts.acknowledgedAt));
  if (f.resolved !== undefined) where.push(f.resolved ? isNotNull(alerts.resolvedAt) : isNull(alerts.resolvedAt));
  const range = keysetWhere(key, p.cursor, p.descending);
  if (range) where.push(range);
  const fetched = await db
    .select({ alert: alerts, connectionLabel: connections.label, key: keyText(key.at) })
    .from(alerts)
    // The subject is text; only connection kinds name a connection, and only this workspace's.
    .leftJoin(
      connections,
      and(inArray(alerts.kind, [...CONNECTION_ALERT_KINDS]), sql`${connections.id}::text = ${alerts.subject}`, eq(connections.ownerId, alerts.ownerId)),
    )
    .where(and(...where))
    .orderBy(...keysetOrder(key, p.cursor, p.descending))
    .limit(p.limit + 1);
  return keysetResult(fetched, { cursor: p.cursor, limit: p.limit, key: (r) => ({ at: r.key, id: r.alert.id }) });
}

export async function listAlerts(db: Db, p: { ownerId: string; includeResolved?: boolean; limit?: number }): Promise<AlertRow[]> {
  return db
    .select()
    .from(alerts)
    .where(p.includeResolved ? eq(alerts.ownerId, p.ownerId) : and(eq(alerts.ownerId, p.ownerId), isNull(alerts.resolvedAt)))
    .orderBy(desc(alerts.lastSeenAt))
    .limit(p.limit ?? 100);
}
