import type { Context } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { splitMessage } from "./split-message";

/**
 * Sends a MarkdownV2 text to the update's chat, split into Telegram-sized parts; buttons go
 * on the last part (the one the reader sees last).
 */
export async function replyMarkdown(ctx: Context, text: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  const parts = splitMessage(text);
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    await ctx.reply(part, { parse_mode: "MarkdownV2", ...(last && keyboard ? { reply_markup: keyboard } : {}), link_preview_options: { is_disabled: true } });
  }
}

/** Plain text (no entities), split the same way. */
export async function replyText(ctx: Context, text: string): Promise<void> {
  for (const part of splitMessage(text)) await ctx.reply(part, { link_preview_options: { is_disabled: true } });
}
