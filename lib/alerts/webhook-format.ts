import type { AlertRow } from "@/db/schema";
import { redact } from "@/lib/security/redact";

export type WebhookFormat = "json" | "slack" | "telegram";

type AlertView = Pick<AlertRow, "id" | "ownerId" | "kind" | "subject" | "severity" | "title" | "message" | "occurrences" | "firstSeenAt" | "lastSeenAt">;

/**
 * The body posted for a new alert. Messages pass through `redact` once more on the way
 * out: an alert must never carry a key or a signed URL, whatever produced it.
 */
export function formatAlertWebhook(alert: AlertView, format: WebhookFormat, opts: { telegramChatId?: string } = {}): unknown {
  const title = redact(alert.title);
  const message = redact(alert.message);
  const line = `[${alert.severity.toUpperCase()}] ${title}: ${message}`;
  switch (format) {
    case "json":
      return {
        type: "venuefolio.alert",
        id: alert.id,
        workspaceId: alert.ownerId,
        kind: alert.kind,
        subject: alert.subject,
        severity: alert.severity,
        title,
        message,
        occurrences: alert.occurrences,
        firstSeenAt: alert.firstSeenAt.toISOString(),
        lastSeenAt: alert.lastSeenAt.toISOString(),
      };
    case "slack":
      return { text: line };
    case "telegram":
      if (!opts.telegramChatId) throw new Error("ALERT_TELEGRAM_CHAT_ID is required for the telegram webhook format");
      return { chat_id: opts.telegramChatId, text: line, disable_web_page_preview: true };
  }
}

/** The body of a channel's "Send test": says what it is, carries no alert. */
export function formatTestMessage(p: { workspaceId: string; workspaceName: string; channelName: string; at: Date }, format: WebhookFormat, opts: { telegramChatId?: string } = {}): unknown {
  const text = `Venuefolio test notification: channel "${p.channelName}" of workspace ${p.workspaceName} works.`;
  switch (format) {
    case "json":
      return { type: "venuefolio.test", workspaceId: p.workspaceId, message: text, sentAt: p.at.toISOString() };
    case "slack":
      return { text };
    case "telegram":
      if (!opts.telegramChatId) throw new Error("ALERT_TELEGRAM_CHAT_ID is required for the telegram webhook format");
      return { chat_id: opts.telegramChatId, text, disable_web_page_preview: true };
  }
}
