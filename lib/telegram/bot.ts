import { Bot } from "grammy";
import { requestResync } from "@/lib/actions/request-resync";
import { syncQueue } from "@/lib/actions/sync-queue";
import { perChatRateLimit, retryAfter429 } from "./api-limits";
import { consoleLogger, describeBotError } from "./bot-errors";
import type { BotDeps } from "./bot-deps";
import { registerLinkCommands } from "./link-commands";
import { registerOtherCommands } from "./other-commands";
import { registerPortfolio } from "./portfolio-command";

export type TelegramBotOptions = Omit<BotDeps, "now" | "log" | "resync"> & Partial<Pick<BotDeps, "now" | "log" | "resync">>;

/** The app's Resync (lib/actions/request-resync), queued on Inngest when it carries the syncs. */
async function defaultResync(deps: Pick<BotDeps, "db">, ownerId: string) {
  const { result } = await requestResync(deps.db, { ownerId, queue: syncQueue() });
  return result;
}

/**
 * One bot (one token) with every command. Every API call passes through the limits
 * (per-chat pace, 429 retried after retry_after); every handler error is logged without the
 * token and the chat is told something went wrong, never the error itself.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const deps: BotDeps = {
    ...options,
    now: options.now ?? (() => new Date()),
    log: options.log ?? consoleLogger,
    resync: options.resync ?? ((ownerId) => defaultResync(options, ownerId)),
  };
  const bot = new Bot(deps.token, { client: { apiRoot: deps.cfg.apiRoot } });
  bot.api.config.use(retryAfter429(deps.clock), perChatRateLimit(deps.clock));
  registerLinkCommands(bot, deps);
  registerPortfolio(bot, deps);
  registerOtherCommands(bot, deps);
  bot.catch(async (err) => {
    deps.log.error(`update ${err.ctx.update.update_id} failed: ${describeBotError(err, [deps.token, deps.cfg.webhookSecret])}`);
    await err.ctx.reply("Something went wrong on the server; the error is logged. Try again in a moment.").catch(() => {});
  });
  return bot;
}
