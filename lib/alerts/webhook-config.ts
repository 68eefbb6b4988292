import { env } from "@/lib/env";
import type { WebhookConfig } from "./notify";

/** The webhook from the environment, or undefined when none is configured. */
export function webhookFromEnv(): WebhookConfig | undefined {
  const e = env();
  if (!e.ALERT_WEBHOOK_URL) return undefined;
  return { url: e.ALERT_WEBHOOK_URL, format: e.ALERT_WEBHOOK_FORMAT, telegramChatId: e.ALERT_TELEGRAM_CHAT_ID };
}
