import { Api } from "grammy";
import { redact } from "@/lib/security/redact";

/**
 * Points a bot at this install's POST /api/telegram with the webhook secret (Telegram then
 * sends it in X-Telegram-Bot-Api-Secret-Token on every update). A workspace's own bot gets
 * `?bot=<workspace id>` so the route knows whose token answers. The error never carries the token.
 */
export async function registerWebhook(p: {
  apiRoot: string;
  token: string;
  origin: string;
  secret: string;
  workspaceBot: string | null;
}): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const url = new URL("/api/telegram", p.origin);
  if (p.workspaceBot) url.searchParams.set("bot", p.workspaceBot);
  const api = new Api(p.token, { apiRoot: p.apiRoot });
  try {
    await api.setWebhook(url.toString(), { secret_token: p.secret, allowed_updates: ["message", "callback_query"] });
    return { ok: true, url: url.toString() };
  } catch (e) {
    return { ok: false, error: redact(`Telegram refused setWebhook: ${e instanceof Error ? e.message : String(e)}`, [p.token, p.secret]) };
  }
}
