import { redact } from "@/lib/security/redact";

/**
 * A bot error as a log line: the bot token is removed wherever it appears (a request URL is
 * https://api.telegram.org/bot<token>/method, and a fetch failure can echo it), as are the
 * webhook secret and the usual secret-bearing fields.
 */
export function describeBotError(e: unknown, secrets: readonly (string | undefined)[]): string {
  const err = e as { error?: unknown } | undefined;
  // grammY's BotError wraps the handler's error; HttpError wraps the network one.
  const inner = err && typeof err === "object" && "error" in err && err.error instanceof Error ? `: ${err.error.message}` : "";
  const text = `${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}${inner}`;
  const known = secrets.filter((s): s is string => typeof s === "string" && s.length > 0);
  // The token's secret half alone ("123456:ABC…" → "ABC…") is redacted too.
  const halves = known.flatMap((s) => (s.includes(":") ? [s.slice(s.indexOf(":") + 1)] : []));
  return redact(text, [...known, ...halves]).replace(/\/bot\d+:[A-Za-z0-9_-]+/g, "/bot[redacted]");
}

export interface BotLogger {
  warn(line: string): void;
  error(line: string): void;
}

export const consoleLogger: BotLogger = {
  warn: (l) => console.warn(`[telegram] ${l}`),
  error: (l) => console.error(`[telegram] ${l}`),
};
