"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { deleteChannel } from "@/db/queries/notification-channels";
import { NotFoundError } from "@/db/queries/not-found";
import { deleteLink, getBotToken, listLinks } from "@/db/queries/telegram";
import { ENV_BOT } from "@/db/schema";
import { actionClient } from "@/lib/access/action-client";
import { AccessError } from "@/lib/access/errors";
import { hasRole } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { botTokenSchema, resolveBotToken, storeWorkspaceBotToken } from "./telegram-bot-token";
import { createLinkCode } from "./telegram-link-codes";
import { registerWebhook } from "./telegram-webhook";

/**
 * Settings → Telegram. Anyone in the workspace may link their own chat (it acts with their
 * role); setting the workspace's bot token and its webhook are for admins and owners.
 */
export const createTelegramLinkCode = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const { code, expiresAt } = await createLinkCode(ctx.db, { ownerId: ctx.ownerId, userId: ctx.viewer.user.id, now: new Date() });
    return { code, expiresAt: expiresAt.toISOString() };
  });

/** Unlinks a chat: one's own, or any of the workspace's for an admin. Another workspace's is not found. */
export const unlinkTelegramChat = actionClient
  .metadata({ role: "viewer" })
  .inputSchema(z.object({ linkId: z.uuid({ error: "linkId: not a link id" }) }))
  .action(async ({ parsedInput, ctx }) => {
    const link = (await listLinks(ctx.db, { ownerId: ctx.ownerId })).find((l) => l.id === parsedInput.linkId);
    if (!link) throw new NotFoundError("link");
    if (link.userId !== ctx.viewer.user.id && !hasRole(ctx.viewer.workspace.role, "admin")) {
      throw new AccessError(403, "Only the person who linked this chat, or an admin, can unlink it");
    }
    await deleteLink(ctx.db, { ownerId: ctx.ownerId, linkId: link.id });
    if (link.alertsChannelId) await deleteChannel(ctx.db, { ownerId: ctx.ownerId, channelId: link.alertsChannelId }).catch(() => {});
    return { linkId: link.id };
  });

/** The workspace's own bot token, sealed at rest; only its last 4 characters ever come back. */
export const saveTelegramBotToken = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({ token: botTokenSchema }))
  .action(async ({ parsedInput, ctx }) => storeWorkspaceBotToken(ctx.db, { ownerId: ctx.ownerId, token: parsedInput.token, updatedBy: ctx.viewer.user.id, now: new Date() }));

/** The address Telegram should post to: BETTER_AUTH_URL, else this request's own origin. */
async function publicOrigin(): Promise<string> {
  const e = env();
  if (e.BETTER_AUTH_URL) return e.BETTER_AUTH_URL;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) throw new AccessError(409, "The public address is unknown: set BETTER_AUTH_URL");
  return `${h.get("x-forwarded-proto") ?? "https"}://${host}`;
}

/** Calls setWebhook for the workspace's bot (its own token, else TELEGRAM_BOT_TOKEN's) with TELEGRAM_WEBHOOK_SECRET. */
export const setTelegramWebhook = actionClient
  .metadata({ role: "admin" })
  .inputSchema(z.object({}))
  .action(async ({ ctx }) => {
    const e = env();
    if (!e.TELEGRAM_WEBHOOK_SECRET) throw new AccessError(409, "TELEGRAM_WEBHOOK_SECRET is not set: the webhook would accept anyone's updates");
    const own = await getBotToken(ctx.db, { ownerId: ctx.ownerId });
    const token = await resolveBotToken(ctx.db, { envToken: e.TELEGRAM_BOT_TOKEN }, own ? ctx.ownerId : ENV_BOT);
    if (!token) throw new AccessError(409, "No bot token: save one above or set TELEGRAM_BOT_TOKEN");
    const r = await registerWebhook({ apiRoot: e.TELEGRAM_API_ROOT, token, origin: await publicOrigin(), secret: e.TELEGRAM_WEBHOOK_SECRET, workspaceBot: own ? ctx.ownerId : null });
    if (!r.ok) throw new AccessError(409, r.error);
    return { url: r.url };
  });
