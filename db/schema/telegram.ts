import { boolean, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, utc } from "./columns";
import { notificationChannels } from "./notification-channels";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Which bot a link or an update belongs to: "env" for TELEGRAM_BOT_TOKEN's bot, otherwise
 * the id of the workspace whose own token (telegram_bots) runs it. A chat id is only unique
 * per bot's view of Telegram, so links are keyed by both.
 */
export type TelegramBotKey = string;

/** The bot key of TELEGRAM_BOT_TOKEN's bot. */
export const ENV_BOT = "env";

/** A workspace's own bot token, sealed like venue credentials (lib/security/credentials). */
export const telegramBots = pgTable("telegram_bots", {
  ownerId: uuid("owner_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  /** AES-256-GCM envelope of { token }: never selected into anything a browser sees. */
  tokenSealed: text("token_sealed").notNull(),
  /** The last 4 characters, for the masked field ("…a1b2"). */
  tokenHint: text("token_hint").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: utc("updated_at").notNull().defaultNow(),
});

/**
 * A one-time "Connect Telegram" code: only its SHA-256 is stored, so a database read does
 * not hand out a link. Used once (usedAt), and only before expiresAt (10 minutes).
 */
export const telegramLinkCodes = pgTable(
  "telegram_link_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    expiresAt: utc("expires_at").notNull(),
    usedAt: utc("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // Serves: /start <code> (one row per hash).
    uniqueIndex("telegram_link_codes_hash_uq").on(t.codeHash),
    // Serves: the settings page's open code of a person.
    index("telegram_link_codes_owner_user_idx").on(t.ownerId, t.userId),
  ],
);

/** A chat linked to a person in a workspace: the chat acts with that person's current role. */
export const telegramLinks = pgTable(
  "telegram_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    botKey: text("bot_key").$type<TelegramBotKey>().notNull(),
    /** Telegram's chat id as text (it can exceed 2^53 in principle; never computed with). */
    chatId: text("chat_id").notNull(),
    /** The chat's title or the person's name, as Telegram gave it at linking. */
    chatTitle: text("chat_title").notNull(),
    /** Alerts reach this chat through this notification channel (kind "telegram"); null: /alerts off. */
    alertsChannelId: uuid("alerts_channel_id").references(() => notificationChannels.id, { onDelete: "set null" }),
    alertsOn: boolean("alerts_on").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // One link per chat and bot: /start with a new code replaces it.
    uniqueIndex("telegram_links_bot_chat_uq").on(t.botKey, t.chatId),
    // Serves: the settings page's linked chats.
    index("telegram_links_owner_idx").on(t.ownerId),
  ],
);

export type TelegramLinkRow = typeof telegramLinks.$inferSelect;
