import type { Db } from "@/db/client";
import { upsertAlert, type AlertInput } from "@/db/queries/alerts";
import type { AlertRow } from "@/db/schema";
import { sendToEnvWebhook } from "./channels/channel-message";
import { notifyNewAlert } from "./notify-new-alert";
import type { WebhookConfig } from "./webhook-config";

export type { WebhookConfig } from "./webhook-config";

/** Posts one alert to a webhook; returns the failure instead of throwing (an alert must not fail a sync). */
export async function deliverAlert(alert: AlertRow, cfg: WebhookConfig): Promise<{ ok: true } | { ok: false; error: string }> {
  const r = await sendToEnvWebhook(cfg, { event: "alert", alert });
  return r.ok ? { ok: true } : { ok: false, error: r.error ?? "delivery failed" };
}

/**
 * Raises (or re-counts) an alert. A new one is sent to every channel that takes its kind:
 * the workspace's channels and `webhook`, the environment's default (undefined: none),
 * unless a mute covers it. Only after the alert is stored, and bounded by each channel's
 * timeout, so a caller's own work (a sync's transaction) is never held by a receiver.
 */
export async function raiseAlert(db: Db, input: AlertInput, webhook?: WebhookConfig): Promise<{ alert: AlertRow; isNew: boolean; delivered: boolean }> {
  const { alert, isNew } = await upsertAlert(db, input);
  if (!isNew) return { alert, isNew, delivered: false };
  const outcome = await notifyNewAlert(db, alert, { envWebhook: webhook });
  return { alert, isNew, delivered: outcome.delivered > 0 };
}
