import type { Bot } from "grammy";
import { deleteChannel } from "@/db/queries/notification-channels";
import { deleteLink, findLink, upsertLink } from "@/db/queries/telegram";
import { listMemberships } from "@/db/queries/workspaces";
import { ENV_BOT } from "./config";
import { accessOf, chatIdOf, type BotDeps } from "./bot-deps";
import { redeemLinkCode } from "@/lib/actions/telegram-link-codes";
import { replyText } from "./replies";
import { TEXT } from "./texts";

/** /start [code] links the chat to the code's person and workspace; /unlink removes the link. */
export function registerLinkCommands(bot: Bot, deps: BotDeps): void {
  bot.command("start", async (ctx) => {
    const code = ctx.match.trim();
    const chatId = chatIdOf(ctx)!;
    if (code === "") {
      const access = await accessOf(deps, ctx);
      if (access.kind === "linked") return replyText(ctx, `This chat is linked to the workspace "${access.workspace.name}" (role: ${access.role}). /help lists the commands.`);
      return replyText(ctx, access.kind === "removed" ? TEXT.removed : TEXT.unlinked);
    }
    // A workspace's own bot links only to that workspace: a code of another one is unknown here.
    const redeemed = await redeemLinkCode(deps.db, { code, now: deps.now(), ownerId: deps.botKey === ENV_BOT ? undefined : deps.botKey });
    if (!redeemed.ok) return replyText(ctx, redeemed.reason === "expired" ? TEXT.codeExpired : redeemed.reason === "used" ? TEXT.codeUsed : TEXT.codeUnknown);
    const membership = (await listMemberships(deps.db, redeemed.userId)).find((m) => m.workspace.id === redeemed.ownerId);
    if (!membership) return replyText(ctx, TEXT.removed);
    const chat = ctx.chat!;
    const title = "title" in chat && chat.title ? chat.title : [ctx.from?.first_name, ctx.from?.last_name].filter(Boolean).join(" ") || "private chat";
    // Relinking replaces the chat's link; its alerts from the earlier link stop with it.
    const earlier = await findLink(deps.db, { botKey: deps.botKey, chatId });
    if (earlier) await unlinkChat(deps, earlier);
    await upsertLink(deps.db, { ownerId: redeemed.ownerId, userId: redeemed.userId, botKey: deps.botKey, chatId, chatTitle: title });
    return replyText(ctx, `Linked ✅ This chat now shows the workspace "${membership.workspace.name}" with your role (${membership.role}). Try /portfolio; /help lists the commands.`);
  });

  bot.command("unlink", async (ctx) => {
    const access = await accessOf(deps, ctx);
    if (access.kind === "unlinked") return replyText(ctx, TEXT.notLinkedUnlink);
    await unlinkChat(deps, access.link);
    return replyText(ctx, TEXT.unlinked_done);
  });
}

/** Removes a link and its alert channel (shared by /unlink and Settings' "Unlink"). */
export async function unlinkChat(deps: Pick<BotDeps, "db">, link: { id: string; ownerId: string; alertsChannelId: string | null }): Promise<void> {
  await deleteLink(deps.db, { ownerId: link.ownerId, linkId: link.id });
  if (link.alertsChannelId) await deleteChannel(deps.db, { ownerId: link.ownerId, channelId: link.alertsChannelId }).catch(() => {});
}
