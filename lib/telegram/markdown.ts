/**
 * MarkdownV2 escaping (Telegram Bot API, "MarkdownV2 style"): every one of
 * _ * [ ] ( ) ~ ` > # + - = | { } . ! and the backslash itself must be preceded by a
 * backslash outside entities. Hand-written: grammY ships no escaper, and a missed
 * character makes Telegram refuse the whole message.
 */
const SPECIAL = /[_*[\]()~`>#+\-=|{}.!\\]/g;

export function escapeMarkdownV2(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** Bold, with the content escaped. */
export const bold = (text: string) => `*${escapeMarkdownV2(text)}*`;

/** Inline code: inside it only ` and \ are escaped. */
export const code = (text: string) => `\`${text.replace(/[`\\]/g, (c) => `\\${c}`)}\``;
