import { z } from "zod";
import type { Db } from "@/db/client";
import { getBotToken, listBotTokens, saveBotToken } from "@/db/queries/telegram";
import { decryptCredentials, encryptCredentials } from "@/lib/security/credentials";
import { ENV_BOT } from "@/db/schema";

/** BotFather's token shape: the bot id, a colon, the secret. */
export const botTokenSchema = z
  .string()
  .trim()
  .regex(/^\d{5,}:[A-Za-z0-9_-]{20,}$/, { error: "Bot token: paste the token BotFather gave (123456789:AA…)" });

const sealedSchema = z.object({ token: z.string() });

/** A workspace's own token, sealed like venue credentials (AES-256-GCM with the credentials key). */
export async function storeWorkspaceBotToken(db: Db, p: { ownerId: string; token: string; updatedBy: string | null; now: Date }): Promise<{ hint: string }> {
  const token = botTokenSchema.parse(p.token);
  const hint = token.slice(-4);
  await saveBotToken(db, { ownerId: p.ownerId, tokenSealed: encryptCredentials({ token }), tokenHint: hint, updatedBy: p.updatedBy, now: p.now });
  return { hint };
}

const openToken = (sealed: string) => sealedSchema.parse(decryptCredentials(sealed)).token;

/** The token of a bot key: TELEGRAM_BOT_TOKEN for "env", the workspace's own otherwise; null when none is set. */
export async function resolveBotToken(db: Db, cfg: { envToken: string | undefined }, botKey: string): Promise<string | null> {
  if (botKey === ENV_BOT) return cfg.envToken ?? null;
  const row = await getBotToken(db, { ownerId: botKey });
  return row ? openToken(row.tokenSealed) : null;
}

/** Every bot the install runs: the environment's and each workspace's own (the poller polls them all). */
export async function listBots(db: Db, cfg: { envToken: string | undefined }): Promise<Array<{ botKey: string; token: string }>> {
  const own = (await listBotTokens(db)).map((r) => ({ botKey: r.ownerId, token: openToken(r.tokenSealed) }));
  return cfg.envToken ? [{ botKey: ENV_BOT, token: cfg.envToken }, ...own] : own;
}
