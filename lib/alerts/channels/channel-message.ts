import { randomUUID } from "node:crypto";
import type { AlertRow, NotificationChannelRow } from "@/db/schema";
import type { WebhookConfig } from "../webhook-config";
import { formatAlertWebhook, formatTestMessage, type WebhookFormat } from "../webhook-format";
import { openChannelSecrets } from "./channel-secrets";
import { postJson, type PostResult } from "./post";
import { signedHeaders } from "./signature";

/** What a channel is sent: a new alert, or the "Send test" message. */
export type ChannelMessage =
  | { event: "alert"; alert: AlertRow }
  | { event: "test"; workspaceId: string; workspaceName: string; channelName: string; at: Date };

function body(message: ChannelMessage, format: WebhookFormat, telegramChatId?: string): string {
  const payload =
    message.event === "alert" ? formatAlertWebhook(message.alert, format, { telegramChatId }) : formatTestMessage(message, format, { telegramChatId });
  return JSON.stringify(payload);
}

/**
 * Sends one message to one workspace channel: a Slack channel gets `{text}`; a Telegram
 * channel (made by the bot's `/alerts on`) gets the bot's sendMessage body; a generic
 * webhook gets the JSON body signed under its own secret (lib/alerts/channels/signature.ts).
 * A secret that cannot be opened (the credentials key changed) is a failed delivery, not a throw.
 */
export async function sendToChannel(channel: NotificationChannelRow, message: ChannelMessage, opts: { now: Date; timeoutMs?: number }): Promise<PostResult> {
  let secrets;
  try {
    secrets = openChannelSecrets(channel.secretsSealed);
  } catch (e) {
    return { ok: false, httpStatus: null, error: `the channel's stored address could not be read: ${e instanceof Error ? e.message : String(e)}`, durationMs: 0 };
  }
  if (channel.kind === "telegram") {
    // The bot's sendMessage URL carries its token: it is redacted from any error like the URL.
    let text: string;
    try {
      text = body(message, "telegram", secrets.chatId);
    } catch (e) {
      return { ok: false, httpStatus: null, error: e instanceof Error ? e.message : String(e), durationMs: 0 };
    }
    return postJson({ url: secrets.url, body: text, timeoutMs: opts.timeoutMs });
  }
  const text = body(message, channel.kind === "slack" ? "slack" : "json");
  const headers =
    channel.kind === "webhook" && secrets.signingSecret
      ? signedHeaders({ secret: secrets.signingSecret, body: text, now: opts.now, deliveryId: randomUUID(), event: message.event })
      : {};
  return postJson({ url: secrets.url, body: text, headers, timeoutMs: opts.timeoutMs, secrets: secrets.signingSecret ? [secrets.signingSecret] : [] });
}

/** Sends one message to the environment's default webhook (ALERT_WEBHOOK_URL): unsigned, as before channels existed. */
export async function sendToEnvWebhook(cfg: WebhookConfig, message: ChannelMessage): Promise<PostResult> {
  let text: string;
  try {
    text = body(message, cfg.format, cfg.telegramChatId);
  } catch (e) {
    return { ok: false, httpStatus: null, error: e instanceof Error ? e.message : String(e), durationMs: 0 };
  }
  return postJson({ url: cfg.url, body: text, timeoutMs: cfg.timeoutMs, fetch: cfg.fetch });
}
