import type { Bot } from "grammy";
import { deleteChannel } from "@/db/queries/notification-channels";
import { setLinkAlerts } from "@/db/queries/telegram";
import { ALERT_KINDS } from "@/db/schema";
import { addTelegramChannel } from "@/lib/alerts/channels/manage-channels";
import { hasRole } from "@/lib/auth/roles";
import type { BotDeps } from "./bot-deps";
import { linkedOrExplain } from "./portfolio-command";
import { replyText } from "./replies";
import { TEXT } from "./texts";

/** /alerts on|off, /sync, /help, and the answer to anything else. */
export function registerOtherCommands(bot: Bot, deps: BotDeps): void {
  bot.command("help", (ctx) => replyText(ctx, TEXT.help));

  bot.command("alerts", async (ctx) => {
    const a = await linkedOrExplain(deps, ctx);
    if (!a) return;
    const arg = ctx.match.trim().toLowerCase();
    if (arg !== "on" && arg !== "off") return replyText(ctx, `${TEXT.alertsUsage} Now: ${a.link.alertsOn ? "on" : "off"}.`);
    if (arg === "on") {
      if (a.link.alertsChannelId) return replyText(ctx, "Alerts are already on for this chat.");
      // Delivery goes through the workspace's notification channels (lib/alerts): mutes,
      // delivery records and the channels page all apply to this chat as to any channel.
      const channel = await addTelegramChannel(deps.db, {
        ownerId: a.link.ownerId,
        createdBy: a.link.userId,
        chatTitle: a.link.chatTitle,
        sendMessageUrl: `${deps.cfg.apiRoot}/bot${deps.token}/sendMessage`,
        chatId: a.link.chatId,
        alertKinds: [...ALERT_KINDS],
      });
      await setLinkAlerts(deps.db, { ownerId: a.link.ownerId, linkId: a.link.id, alertsChannelId: channel.id });
      return replyText(ctx, `Alerts on: new alerts of "${a.workspace.name}" will be sent here (mutes set in Venuefolio apply).`);
    }
    if (a.link.alertsChannelId) await deleteChannel(deps.db, { ownerId: a.link.ownerId, channelId: a.link.alertsChannelId }).catch(() => {});
    await setLinkAlerts(deps.db, { ownerId: a.link.ownerId, linkId: a.link.id, alertsChannelId: null });
    return replyText(ctx, "Alerts off: this chat receives no more alerts.");
  });

  bot.command("sync", async (ctx) => {
    const a = await linkedOrExplain(deps, ctx);
    if (!a) return;
    if (!hasRole(a.role, "member")) {
      return replyText(ctx, `Refused: a resync needs the member role or above, and you are a ${a.role} in "${a.workspace.name}". Ask an admin to change your role.`);
    }
    const result = await deps.resync(a.workspace.id);
    if (!result.ok) return replyText(ctx, `Resync not started: ${result.error}`);
    return replyText(ctx, `Resync ${result.mode === "queued" ? "queued" : "started"} for ${result.connections} connection${result.connections === 1 ? "" : "s"}. /portfolio shows the figures once it is done.`);
  });

  // Anything else: a linked chat gets the help, an unlinked one the explanation and no data.
  bot.on("message", async (ctx) => {
    const a = await linkedOrExplain(deps, ctx);
    if (a) await replyText(ctx, TEXT.help);
  });
}
