import path from "node:path";
import { z } from "zod";

/**
 * The one place that reads `process.env`. Everything is optional: with nothing set the
 * app runs on the embedded database with the in-process scheduler and demo data.
 */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /**
   * Named prepared statements on PostgreSQL (one round trip per statement instead of
   * two). "off" behind a pooler that cannot keep them, such as PgBouncer in transaction mode.
   */
  DATABASE_PREPARE: z.enum(["on", "off"]).default("on"),
  /** Where embedded PGlite keeps its files when DATABASE_URL is unset. */
  PGLITE_DIR: z.string().min(1).default("./.data/pglite"),
  /** 32 random bytes, base64: the AES-256-GCM key for stored venue credentials. */
  CREDENTIALS_KEY: z.string().min(1).optional(),
  /** Where the embedded default keeps a generated key when CREDENTIALS_KEY is unset. */
  CREDENTIALS_KEY_FILE: z.string().min(1).default("./.data/credentials.key"),
  INNGEST_EVENT_KEY: z.string().min(1).optional(),
  INNGEST_SIGNING_KEY: z.string().min(1).optional(),
  INNGEST_DEV: z.string().optional(),
  /** Turn off the first-start demo connection and its 90-day backfill. */
  DEMO_SEED: z.enum(["on", "off"]).default("on"),
  /** Signs sessions and hashes API keys; generated into BETTER_AUTH_SECRET_FILE when unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BETTER_AUTH_SECRET_FILE: z.string().min(1).default("./.data/auth-secret"),
  /** The public origin (https://folio.example.com): cookies are Secure when it is https. Inferred per request when unset. */
  BETTER_AUTH_URL: z.string().url().optional(),
  /** "on": anyone may create an account after the first person; otherwise only by invitation. */
  ALLOW_SIGNUP: z.enum(["on", "off"]).default("off"),
  /**
   * Where USD prices come from for what a venue cannot price itself (USDT on Binance, INR
   * on Groww): OKX's public index and the ECB's daily FX ("on"), or nowhere ("off").
   */
  REFERENCE_PRICES: z.enum(["on", "off"]).default("on"),
  /** Optional webhook that receives each new alert (never with secrets). */
  ALERT_WEBHOOK_URL: z.string().url().optional(),
  /** Body format: generic JSON, Slack-compatible ({text}) or a Telegram bot sendMessage. */
  ALERT_WEBHOOK_FORMAT: z.enum(["json", "slack", "telegram"]).default("json"),
  /** Chat id for the Telegram format. */
  ALERT_TELEGRAM_CHAT_ID: z.string().min(1).optional(),
  /**
   * Bounded growth (lib/retention, docs/architecture.md "Retention, size and backup"): "off"
   * keeps every snapshot's per-symbol detail and every raw response forever.
   */
  RETENTION: z.enum(["on", "off"]).default("on"),
  /** Days of per-symbol snapshot detail kept at full resolution. */
  RETENTION_FULL_DETAIL_DAYS: z.coerce.number().int().min(1).default(30),
  /** Days (from now) after which detail is kept daily instead of hourly; at least RETENTION_FULL_DETAIL_DAYS. */
  RETENTION_HOURLY_DETAIL_DAYS: z.coerce.number().int().min(1).default(365),
  /** Days of raw venue responses kept (every connection, also those that no longer sync). */
  RETENTION_RAW_RESPONSE_DAYS: z.coerce.number().int().min(1).default(7),
  /** The Telegram bot's token (BotFather); a workspace may set its own in Settings instead. */
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, "must look like 123456789:AA… (BotFather's token)").optional(),
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token; POST /api/telegram refuses any other. 1–256 of A–Z a–z 0–9 _ -. */
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "16–256 characters of A–Z, a–z, 0–9, _ and -").optional(),
  /** webhook: Telegram posts updates to /api/telegram; polling: the server process fetches them (one poller across processes). */
  TELEGRAM_MODE: z.enum(["webhook", "polling"]).default("webhook"),
  /** The Bot API's address: a local Bot API server, or a test's fake one. */
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  /** Stop the in-process scheduler entirely (tests, one-off scripts). */
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  /**
   * Test-only (npm run test:faults): a sync pauses this long at each of its write steps and
   * names the step on stderr, so a `kill -9` can land inside its transaction. Never set in
   * production; unset, the steps are not marked and nothing waits.
   */
  SYNC_FAULT_PAUSE_MS: z.coerce.number().int().min(1).max(10_000).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    // Values are never echoed: DATABASE_URL may hold a password.
    throw new Error(`Invalid environment: ${fields}`);
  }
  cached = parsed.data;
  return cached;
}

/** Inngest carries schedules and syncs when it has somewhere to send events. */
export function inngestEnabled(e: Env = env()): boolean {
  return Boolean(e.INNGEST_EVENT_KEY) || e.INNGEST_DEV === "1";
}

export function pgliteDir(e: Env = env()): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), e.PGLITE_DIR);
}

/** Where the app's database is: PostgreSQL when DATABASE_URL is set, else embedded PGlite. */
export function databaseTarget(e: Env = env()): { url: string; prepare: boolean } | { dataDir: string } {
  return e.DATABASE_URL ? { url: e.DATABASE_URL, prepare: e.DATABASE_PREPARE === "on" } : { dataDir: pgliteDir(e) };
}
