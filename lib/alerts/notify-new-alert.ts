import type { Db } from "@/db/client";
import { alertConnectionId, saveNotifyStatus } from "@/db/queries/alerts";
import { findActiveMute } from "@/db/queries/alert-mutes";
import { listChannelsForAlert, recordDelivery } from "@/db/queries/notification-channels";
import type { AlertRow, NotifyStatus } from "@/db/schema";
import { redact } from "@/lib/security/redact";
import { sendToChannel, sendToEnvWebhook } from "./channels/channel-message";
import type { PostResult } from "./channels/post";
import type { WebhookConfig } from "./webhook-config";

export interface NotifyOutcome {
  status: NotifyStatus;
  attempts: number;
  delivered: number;
}

interface Target {
  /** Null: the environment's webhook. */
  channelId: string | null;
  name: string;
  send: () => Promise<PostResult>;
}

/**
 * Notifies a new alert. A mute in force at the alert's time holds it back (it stays
 * recorded, marked muted). Otherwise every target is tried at once, each with its own
 * timeout, and each attempt is recorded (its status is the channel's "last delivery").
 * Nothing here throws for a receiver's sake: a failure is a recorded, logged attempt.
 */
export async function notifyNewAlert(db: Db, alert: AlertRow, opts: { envWebhook?: WebhookConfig; now?: () => Date }): Promise<NotifyOutcome> {
  const now = opts.now ?? (() => new Date());
  const muted = await findActiveMute(db, { ownerId: alert.ownerId, kind: alert.kind, connectionId: alertConnectionId(alert), at: alert.lastSeenAt });
  if (muted) {
    await saveNotifyStatus(db, { alertId: alert.id, status: "muted", deliveredAt: null });
    return { status: "muted", attempts: 0, delivered: 0 };
  }

  const targets: Target[] = [];
  const env = opts.envWebhook;
  if (env) targets.push({ channelId: null, name: "the environment's webhook", send: () => sendToEnvWebhook(env, { event: "alert", alert }) });
  for (const c of await listChannelsForAlert(db, { ownerId: alert.ownerId, kind: alert.kind })) {
    targets.push({ channelId: c.id, name: `channel "${c.name}"`, send: () => sendToChannel(c, { event: "alert", alert }, { now: now() }) });
  }
  if (targets.length === 0) {
    await saveNotifyStatus(db, { alertId: alert.id, status: "no_channel", deliveredAt: null });
    return { status: "no_channel", attempts: 0, delivered: 0 };
  }

  const results = await Promise.all(
    targets.map(async (t) => {
      const r = await t.send();
      if (!r.ok) console.warn(`[alerts] delivery of ${alert.kind}/${alert.subject} to ${t.name} failed: ${r.error ?? "unknown"}`);
      await recordAttempt(db, { ownerId: alert.ownerId, channelId: t.channelId, alertId: alert.id, at: now() }, r);
      return r.ok;
    }),
  );
  const delivered = results.filter(Boolean).length;
  const status: NotifyStatus = delivered === results.length ? "delivered" : delivered > 0 ? "partial" : "failed";
  // deliveredAt keeps the alert's own clock, as before channels existed.
  await saveNotifyStatus(db, { alertId: alert.id, status, deliveredAt: delivered > 0 ? alert.lastSeenAt : null });
  return { status, attempts: results.length, delivered };
}

/** Records one attempt; a failure to record is logged, never thrown (the alert itself is safe). */
export async function recordAttempt(db: Db, where: { ownerId: string; channelId: string | null; alertId: string | null; at: Date }, r: PostResult): Promise<void> {
  try {
    await recordDelivery(db, { ...where, ok: r.ok, httpStatus: r.httpStatus, error: r.error, durationMs: r.durationMs });
  } catch (e) {
    console.warn(`[alerts] could not record a delivery: ${redact(e instanceof Error ? e.message : String(e))}`);
  }
}
