import { boolean, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { AlertKind, StoredChannelKind } from "./alert-enums";
import { alerts } from "./alerts";
import { createdAt, utc } from "./columns";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** What `secretsSealed` holds once decrypted: never selected into anything a browser sees. */
export interface ChannelSecrets {
  url: string;
  /** The generic webhook's HMAC key; absent for Slack. */
  signingSecret?: string;
  /** A Telegram channel's chat (its `url` is the bot's sendMessage, token included). */
  chatId?: string;
}

/** Where a workspace's alerts go, besides the environment's default webhook. */
export const notificationChannels = pgTable(
  "notification_channels",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    kind: text("kind").$type<StoredChannelKind>().notNull(),
    name: text("name").notNull(),
    /** AES-256-GCM envelope of ChannelSecrets (a Slack URL is itself a bearer secret). */
    secretsSealed: text("secrets_sealed").notNull(),
    /** Where it points, safe to show: scheme and host, the path masked ("https://hooks.slack.com/…/a1b2"). */
    target: text("target").notNull(),
    /** The alert kinds it receives. */
    alertKinds: jsonb("alert_kinds").$type<AlertKind[]>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /** When the signing secret (or the Slack URL) was last replaced. */
    secretRotatedAt: utc("secret_rotated_at").notNull().defaultNow(),
  },
  (t) => [
    // Serves: the workspace's channels, at every new alert.
    index("notification_channels_owner_idx").on(t.ownerId),
  ],
);

export type NotificationChannelRow = typeof notificationChannels.$inferSelect;

/**
 * One attempt to deliver one alert (or a test) to one channel: what the receiver answered.
 * `channelId` null is the environment's default webhook. Bounded per channel (see
 * db/queries/notification-channels.ts).
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    channelId: uuid("channel_id").references(() => notificationChannels.id, { onDelete: "cascade" }),
    /** Null for a test message. */
    alertId: uuid("alert_id").references(() => alerts.id, { onDelete: "cascade" }),
    ok: boolean("ok").notNull(),
    /** The receiver's HTTP status; null when none came (timeout, refused, bad address). */
    httpStatus: integer("http_status"),
    /** Why it failed, redacted; null on success. */
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    at: utc("at").notNull(),
  },
  (t) => [
    // Serves: a channel's last delivery, and pruning its older ones.
    index("alert_deliveries_owner_channel_at_idx").on(t.ownerId, t.channelId, t.at),
  ],
);

export type AlertDeliveryRow = typeof alertDeliveries.$inferSelect;
