import { env } from "@/lib/env";
import { credentialsKey } from "@/lib/security/credentials";
import { callbackKeyFrom } from "./callback-data";

/** The bot's settings, read once from the environment (tests build their own). */
export interface TelegramConfig {
  apiRoot: string;
  /** TELEGRAM_BOT_TOKEN: the install's bot ("env"); undefined when only workspace bots exist. */
  envToken: string | undefined;
  webhookSecret: string | undefined;
  mode: "webhook" | "polling";
  /** Signs inline-button data (callback-data.ts). */
  callbackKey: Buffer;
}

export function telegramConfigFromEnv(): TelegramConfig {
  const e = env();
  return {
    apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    envToken: e.TELEGRAM_BOT_TOKEN,
    webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
    mode: e.TELEGRAM_MODE,
    callbackKey: callbackKeyFrom(credentialsKey()),
  };
}

/** The "env" bot key; a workspace bot's key is its workspace id (db/schema/telegram.ts). */
export { ENV_BOT } from "@/db/schema";
