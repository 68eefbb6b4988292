/**
 * Which addresses a notification channel may post to. Pure (no Node built-ins): the
 * channel form checks with it in the browser, the server action with the same code.
 *
 * - https only: an alert's text, and for Slack the URL itself (a bearer secret), would
 *   cross the network readable by anyone on the path over plain http.
 * - http to this machine only (localhost, 127.0.0.1, ::1): tests run a receiver there, and
 *   so may a local relay; the traffic never leaves the host.
 * - no user:password@ in the URL: it would be stored and shown as part of the address; a
 *   generic webhook authenticates with its signature instead.
 *
 * Private network addresses are allowed over https (a self-hosted receiver is usual); a
 * probe of them learns only a status code, because receivers' answers are never shown.
 */
export const MAX_URL_LENGTH = 2048;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Null when the address is acceptable, else why not (a sentence naming no part of the URL). */
export function outboundUrlProblem(text: string): string | null {
  if (text.length > MAX_URL_LENGTH) return `must be at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL";
  }
  if (url.username || url.password) return "must not contain a user name or password";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null;
  if (url.protocol === "http:") return "must use https:// (plain http is allowed only to localhost)";
  return "must be an https:// address";
}

/**
 * How a stored address is shown: scheme and host, then only the last four characters of
 * the path, so a person recognises it without it being readable (a Slack URL is a secret,
 * and a webhook path may carry a token). The query is never shown.
 */
export function maskUrl(text: string): string {
  const url = new URL(text);
  const path = url.pathname.replace(/\/+$/, "");
  if (path.length <= 1) return url.origin;
  return `${url.origin}/…${path.slice(-4)}`;
}
