import { createHash, timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { z } from "zod";
import type { Db } from "@/db/client";
import { describeBotError, type BotLogger, consoleLogger } from "./bot-errors";
import { resolveBotToken } from "@/lib/actions/telegram-bot-token";
import { ENV_BOT, type TelegramConfig } from "./config";

export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Compares through fixed-length digests, so neither the length nor a prefix of the secret leaks through timing. */
export function secretMatches(given: string | null, expected: string | undefined): boolean {
  if (!expected || given === null) return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The least an update must be for grammY to route it; the rest is Telegram's to define. */
const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });
const botParam = z.union([z.literal(ENV_BOT), z.uuid()]);

const json = (status: number, body: unknown) => Response.json(body, { status });

/**
 * POST /api/telegram: Telegram's webhook. The secret header is checked first (401 when
 * missing or wrong, before anything is parsed); a body that is not an update is a 400 naming
 * what is wrong, never a 500. `?bot=<workspace id>` routes a workspace's own bot (its
 * setWebhook URL says so); without it, TELEGRAM_BOT_TOKEN's bot. A handler's failure is logged
 * (without the token) and still answered 200: a non-2xx makes Telegram resend the same
 * update again and again.
 */
export async function handleTelegramWebhook(
  request: Request,
  deps: { db: Db; cfg: TelegramConfig; botFor: (botKey: string, token: string) => Promise<Bot>; log?: BotLogger },
): Promise<Response> {
  const log = deps.log ?? consoleLogger;
  if (!secretMatches(request.headers.get(SECRET_HEADER), deps.cfg.webhookSecret)) {
    return json(401, { error: deps.cfg.webhookSecret ? "X-Telegram-Bot-Api-Secret-Token: missing or wrong" : "TELEGRAM_WEBHOOK_SECRET is not set: webhook updates are refused" });
  }
  const key = botParam.safeParse(new URL(request.url).searchParams.get("bot") ?? ENV_BOT);
  if (!key.success) return json(400, { error: "bot: a workspace id (uuid) or omitted" });
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return json(400, { error: "body: not JSON" });
  }
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) return json(400, { error: "body: not a Telegram update (update_id, a non-negative integer, is required)" });
  const token = await resolveBotToken(deps.db, deps.cfg, key.data);
  if (!token) return json(404, { error: "bot: no bot token is configured for it" });
  try {
    const bot = await deps.botFor(key.data, token);
    await bot.handleUpdate(parsed.data as unknown as Update);
  } catch (e) {
    log.error(`update ${parsed.data.update_id} failed: ${describeBotError(e, [token, deps.cfg.webhookSecret])}`);
  }
  return json(200, { ok: true });
}
