import { InlineKeyboard, InputFile, type Bot, type Context } from "grammy";
import { loadHoldings } from "@/lib/read-models/dashboard-data";
import { loadMetricsBar } from "@/lib/read-models/metrics-bar-data";
import { accessOf, type BotDeps } from "./bot-deps";
import { signCallback, verifyCallback, type CallbackAction, type CallbackBinding } from "./callback-data";
import type { ChatAccess } from "./chat-access";
import { renderEquityPng } from "./equity-chart";
import { formatPortfolio } from "./portfolio-message";
import { formatPlan, formatPreview } from "./rebalance-message";
import { loadReport } from "./report-data";
import { formatReport } from "./report-message";
import { replyMarkdown, replyText } from "./replies";
import { TEXT } from "./texts";

type Linked = Extract<ChatAccess, { kind: "linked" }>;

const bindingOf = (a: Linked): CallbackBinding => ({ linkId: a.link.id, chatId: a.link.chatId, ownerId: a.link.ownerId });

/** Answers an unlinked or orphaned chat and returns null; the linked access otherwise. */
export async function linkedOrExplain(deps: BotDeps, ctx: Context): Promise<Linked | null> {
  const access = await accessOf(deps, ctx);
  if (access.kind === "linked") return access;
  await replyText(ctx, access.kind === "removed" ? TEXT.removed : TEXT.unlinked);
  return null;
}

/** /portfolio with its "Report 📈" and "Rebalance 🔄" buttons, and what the buttons do. */
export function registerPortfolio(bot: Bot, deps: BotDeps): void {
  const button = (a: Linked, action: CallbackAction) => signCallback(deps.cfg.callbackKey, action, bindingOf(a), deps.now());

  bot.command("portfolio", async (ctx) => {
    const a = await linkedOrExplain(deps, ctx);
    if (!a) return;
    const now = deps.now();
    const ws = a.workspace;
    const [metrics, holdings] = await Promise.all([
      loadMetricsBar(deps.db, { ownerId: ws.id, now, baseCurrency: ws.baseCurrency, timeZone: ws.timeZone }),
      loadHoldings(deps.db, { ownerId: ws.id, baseCurrency: ws.baseCurrency }),
    ]);
    const keyboard = new InlineKeyboard().text("Report 📈", button(a, "report")).text("Rebalance 🔄", button(a, "rebalance"));
    await replyMarkdown(ctx, formatPortfolio({ workspaceName: ws.name, metrics, holdings }, now), keyboard);
  });

  bot.on("callback_query:data", async (ctx) => {
    const access = await accessOf(deps, ctx);
    if (access.kind !== "linked") {
      await ctx.answerCallbackQuery({ text: access.kind === "removed" ? TEXT.removed : TEXT.unlinked, show_alert: true });
      return;
    }
    const check = verifyCallback(deps.cfg.callbackKey, ctx.callbackQuery.data, bindingOf(access), deps.now());
    if (!check.ok) {
      // Polite, and nothing else happens: no message, no figures, no plan.
      await ctx.answerCallbackQuery({ text: check.reason === "expired" ? TEXT.callbackExpired : TEXT.callbackForeign, show_alert: true });
      return;
    }
    await ctx.answerCallbackQuery();
    const ws = access.workspace;
    const now = deps.now();
    const scope = { db: deps.db, ownerId: ws.id, baseCurrency: ws.baseCurrency, now };
    switch (check.action) {
      case "report": {
        const report = await loadReport(deps.db, { ownerId: ws.id, baseCurrency: ws.baseCurrency, timeZone: ws.timeZone, now });
        await replyMarkdown(ctx, formatReport(report, ws.name));
        const png = await renderEquityPng(report.equity.points, { title: `${ws.name} · equity, 30D`, currency: ws.baseCurrency });
        await ctx.replyWithPhoto(new InputFile(png, "equity-30d.png"), { caption: `Equity over 30 days (${ws.baseCurrency}), from the daily roll-ups` });
        return;
      }
      case "rebalance": {
        const preview = await deps.rebalance.preview(scope);
        const keyboard = preview.ok && preview.lines.length > 0 ? new InlineKeyboard().text("Confirm: dry-run plan", button(access, "confirm")) : undefined;
        await replyMarkdown(ctx, formatPreview(preview, ws.baseCurrency), keyboard);
        return;
      }
      case "confirm": {
        await replyMarkdown(ctx, formatPlan(await deps.rebalance.plan(scope), ws.baseCurrency));
        return;
      }
    }
  });
}
