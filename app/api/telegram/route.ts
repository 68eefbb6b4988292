// POST /api/telegram — Telegram's webhook: authenticated by X-Telegram-Bot-Api-Secret-Token (TELEGRAM_WEBHOOK_SECRET), not a session.
import { getRuntime } from "@/lib/runtime/app-db";
import { appTelegramWebhook } from "@/lib/telegram/app-bot";

export async function POST(request: Request) {
  const { handle } = await getRuntime();
  return appTelegramWebhook(handle.db, request);
}
