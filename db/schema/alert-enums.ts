// The alert vocabulary as plain values, free of drizzle, so browser code (forms, API
// schemas) can import it without pulling the table definitions into its bundle.

export const ALERT_KINDS = ["sync_failure", "needs_attention", "snapshot_gap", "concentration", "drawdown", "audit_chain_broken"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/** Kinds whose subject is a connection id (the others are about an asset or the whole portfolio). */
export const CONNECTION_ALERT_KINDS = ["sync_failure", "needs_attention", "snapshot_gap"] as const satisfies readonly AlertKind[];
export const ALERT_SEVERITIES = ["info", "warning", "critical"] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
/**
 * What became of a new alert's notification: every channel that wanted it accepted it
 * (delivered), some did (partial), none did (failed), a mute held it back (muted), or no
 * channel takes its kind (no_channel).
 */
export const NOTIFY_STATUSES = ["delivered", "partial", "failed", "muted", "no_channel"] as const;
export type NotifyStatus = (typeof NOTIFY_STATUSES)[number];

/**
 * Channel kinds a workspace can add on the channels page. A "telegram" channel is made by
 * the bot (`/alerts on` in a linked chat, lib/telegram), never typed in: it needs a chat.
 */
export const CHANNEL_KINDS = ["webhook", "slack"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export type StoredChannelKind = ChannelKind | "telegram";
