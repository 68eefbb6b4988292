import { env } from "@/lib/env";
import { maskUrl } from "./channels/outbound-url";
import type { WebhookFormat } from "./webhook-format";

/** The environment's default webhook (ALERT_WEBHOOK_URL), or one a caller passes instead. */
export interface WebhookConfig {
  url: string;
  format: WebhookFormat;
  telegramChatId?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** The webhook from the environment, or undefined when none is configured. */
export function webhookFromEnv(): WebhookConfig | undefined {
  const e = env();
  if (!e.ALERT_WEBHOOK_URL) return undefined;
  return { url: e.ALERT_WEBHOOK_URL, format: e.ALERT_WEBHOOK_FORMAT, telegramChatId: e.ALERT_TELEGRAM_CHAT_ID };
}

/**
 * The environment's webhook as the channels list shows it, read-only: its format and a
 * masked address (a Telegram URL carries the bot token in its path). Null when unset.
 */
export function envWebhookSummary(): { format: WebhookFormat; target: string } | null {
  const hook = webhookFromEnv();
  return hook ? { format: hook.format, target: maskUrl(hook.url) } : null;
}
