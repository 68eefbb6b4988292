/** Telegram refuses a message text longer than 4096 characters (UTF-16 units, after entities are parsed). */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/**
 * Splits a MarkdownV2 text into messages of at most `limit` characters, at line breaks, so
 * each part keeps whole lines (and so whole entities: every formatter here opens and closes
 * an entity on one line). A single line longer than the limit is cut, never right after an
 * escaping backslash (that would orphan the escape and Telegram would refuse the part).
 */
export function splitMessage(text: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current !== "") parts.push(current);
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current === "" ? line : `${current}\n${line}`;
    if (candidate.length <= limit) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > limit) {
      let cut = limit;
      // Count the backslashes before the cut: an odd run means the last one escapes the next character.
      let run = 0;
      while (run < cut && rest[cut - 1 - run] === "\\") run++;
      if (run % 2 === 1) cut -= 1;
      parts.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    current = rest;
  }
  flush();
  return parts.length > 0 ? parts : [""];
}
