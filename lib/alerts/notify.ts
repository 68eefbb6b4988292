import type { Db } from "@/db/client";
import { markAlertDelivered, upsertAlert, type AlertInput } from "@/db/queries/alerts";
import type { AlertRow } from "@/db/schema";
import { redact } from "@/lib/security/redact";
import { formatAlertWebhook, type WebhookFormat } from "./webhook-format";

export interface WebhookConfig {
  url: string;
  format: WebhookFormat;
  telegramChatId?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Posts one alert; returns the failure instead of throwing (an alert must not fail a sync). */
export async function deliverAlert(alert: AlertRow, cfg: WebhookConfig): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const body = formatAlertWebhook(alert, cfg.format, { telegramChatId: cfg.telegramChatId });
    const res = await (cfg.fetch ?? fetch)(cfg.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 5000),
    });
    if (!res.ok) return { ok: false, error: `webhook answered ${res.status}` };
    return { ok: true };
  } catch (e) {
    // The URL may embed a token (Telegram's does): never echo it.
    return { ok: false, error: redact(e instanceof Error ? e.message : String(e), [cfg.url]) };
  }
}

/** Raises (or re-counts) an alert and, when it is new, sends it to the webhook if one is set. */
export async function raiseAlert(db: Db, input: AlertInput, webhook?: WebhookConfig): Promise<{ alert: AlertRow; isNew: boolean; delivered: boolean }> {
  const { alert, isNew } = await upsertAlert(db, input);
  if (!isNew || !webhook) return { alert, isNew, delivered: false };
  const sent = await deliverAlert(alert, webhook);
  if (!sent.ok) {
    console.warn(`[alerts] webhook delivery failed for ${alert.kind}/${alert.subject}: ${sent.error}`);
    return { alert, isNew, delivered: false };
  }
  await markAlertDelivered(db, { alertId: alert.id, at: input.at });
  return { alert, isNew, delivered: true };
}
