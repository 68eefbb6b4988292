import { and, asc, desc, eq, isNull, notInArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { alertDeliveries, notificationChannels, type AlertKind, type NotificationChannelRow, type StoredChannelKind } from "../schema";
import { NotFoundError } from "./not-found";

/** A channel as anything outside delivery sees it: the sealed secrets left out. */
export const publicChannelColumns = {
  id: notificationChannels.id,
  kind: notificationChannels.kind,
  name: notificationChannels.name,
  target: notificationChannels.target,
  alertKinds: notificationChannels.alertKinds,
  enabled: notificationChannels.enabled,
  createdAt: notificationChannels.createdAt,
  secretRotatedAt: notificationChannels.secretRotatedAt,
};

export type PublicChannel = Omit<NotificationChannelRow, "ownerId" | "secretsSealed" | "createdBy">;

export async function createChannel(
  db: Db,
  p: { ownerId: string; kind: StoredChannelKind; name: string; secretsSealed: string; target: string; alertKinds: AlertKind[]; createdBy: string | null },
): Promise<PublicChannel> {
  const [row] = await db.insert(notificationChannels).values(p).returning(publicChannelColumns);
  return row!;
}

/** Changes what is given; a new sealed secret moves `secretRotatedAt`. Another workspace's is not found. */
export async function updateChannel(
  db: Db,
  p: { ownerId: string; channelId: string; name?: string; alertKinds?: AlertKind[]; enabled?: boolean; secrets?: { sealed: string; target: string; at: Date } },
): Promise<PublicChannel> {
  const [row] = await db
    .update(notificationChannels)
    .set({
      ...(p.name !== undefined ? { name: p.name } : {}),
      ...(p.alertKinds !== undefined ? { alertKinds: p.alertKinds } : {}),
      ...(p.enabled !== undefined ? { enabled: p.enabled } : {}),
      ...(p.secrets ? { secretsSealed: p.secrets.sealed, target: p.secrets.target, secretRotatedAt: p.secrets.at } : {}),
    })
    .where(and(eq(notificationChannels.id, p.channelId), eq(notificationChannels.ownerId, p.ownerId)))
    .returning(publicChannelColumns);
  if (!row) throw new NotFoundError("channel");
  return row;
}

/** Removes a channel and its delivery record. */
export async function deleteChannel(db: Db, p: { ownerId: string; channelId: string }): Promise<void> {
  const rows = await db
    .delete(notificationChannels)
    .where(and(eq(notificationChannels.id, p.channelId), eq(notificationChannels.ownerId, p.ownerId)))
    .returning({ id: notificationChannels.id });
  if (rows.length === 0) throw new NotFoundError("channel");
}

/** One channel with its sealed secrets, for delivery and rotation only. */
export async function getChannelForDelivery(db: Db, p: { ownerId: string; channelId: string }): Promise<NotificationChannelRow> {
  const [row] = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.id, p.channelId), eq(notificationChannels.ownerId, p.ownerId)));
  if (!row) throw new NotFoundError("channel");
  return row;
}

/** The enabled channels that take alerts of this kind, with their sealed secrets. */
export async function listChannelsForAlert(db: Db, p: { ownerId: string; kind: AlertKind }): Promise<NotificationChannelRow[]> {
  return db
    .select()
    .from(notificationChannels)
    .where(
      and(
        eq(notificationChannels.ownerId, p.ownerId),
        eq(notificationChannels.enabled, true),
        sql`${notificationChannels.alertKinds} @> ${JSON.stringify([p.kind])}::jsonb`,
      ),
    )
    .orderBy(asc(notificationChannels.createdAt));
}

export async function listChannels(db: Db, p: { ownerId: string }): Promise<PublicChannel[]> {
  return db
    .select(publicChannelColumns)
    .from(notificationChannels)
    .where(eq(notificationChannels.ownerId, p.ownerId))
    .orderBy(asc(notificationChannels.createdAt));
}

/** Deliveries kept per channel (and for the environment's webhook, per workspace). */
export const DELIVERIES_KEPT = 50;

export interface DeliveryRecord {
  ownerId: string;
  /** Null: the environment's default webhook. */
  channelId: string | null;
  alertId: string | null;
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
}

/** Records one delivery attempt and drops that channel's attempts beyond the newest DELIVERIES_KEPT. */
export async function recordDelivery(db: Db, d: DeliveryRecord): Promise<void> {
  await db.insert(alertDeliveries).values(d);
  const sameChannel = and(
    eq(alertDeliveries.ownerId, d.ownerId),
    d.channelId ? eq(alertDeliveries.channelId, d.channelId) : isNull(alertDeliveries.channelId),
  );
  const kept = db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(sameChannel)
    .orderBy(desc(alertDeliveries.at), desc(alertDeliveries.id))
    .limit(DELIVERIES_KEPT);
  await db.delete(alertDeliveries).where(and(sameChannel, notInArray(alertDeliveries.id, kept)));
}

/** The latest delivery of each channel of the workspace (key "" for the environment's webhook). */
export async function latestDeliveries(db: Db, p: { ownerId: string }) {
  const rows = await db
    .selectDistinctOn([alertDeliveries.channelId], {
      channelId: alertDeliveries.channelId,
      alertId: alertDeliveries.alertId,
      ok: alertDeliveries.ok,
      httpStatus: alertDeliveries.httpStatus,
      error: alertDeliveries.error,
      durationMs: alertDeliveries.durationMs,
      at: alertDeliveries.at,
    })
    .from(alertDeliveries)
    .where(eq(alertDeliveries.ownerId, p.ownerId))
    .orderBy(alertDeliveries.channelId, desc(alertDeliveries.at), desc(alertDeliveries.id));
  return new Map(rows.map((r) => [r.channelId ?? "", r]));
}
