import type { Db } from "@/db/client";
import { botRegistry } from "./bot-registry";
import { telegramConfigFromEnv } from "./config";
import { startTelegramPolling, type PollerHandle } from "./poller";
import { libRebalance } from "./rebalance-adapter";
import type { RebalancePreviewer } from "./rebalance-port";
import { handleTelegramWebhook } from "./webhook";

/** The app's rebalancing for the bot: lib/rebalance's preview and dry-run plan (rebalance-adapter.ts); nothing is ever executed. */
export const appRebalance: RebalancePreviewer = libRebalance;

const KEY = Symbol.for("venuefolio.telegram");
type Holder = { [KEY]?: { registry: ReturnType<typeof botRegistry>; poller?: PollerHandle } };

function appState(db: Db) {
  const holder = globalThis as Holder;
  holder[KEY] ??= { registry: botRegistry({ db, cfg: telegramConfigFromEnv(), rebalance: appRebalance }) };
  return holder[KEY];
}

/** POST /api/telegram with the process's bots (made once, kept across dev reloads). */
export function appTelegramWebhook(db: Db, request: Request): Promise<Response> {
  return handleTelegramWebhook(request, { db, cfg: telegramConfigFromEnv(), botFor: appState(db).registry });
}

/** Server start: with TELEGRAM_MODE=polling, this process polls if it wins the lock (idempotent across reloads). */
export function startAppTelegramPolling(db: Db): void {
  const cfg = telegramConfigFromEnv();
  if (cfg.mode !== "polling") return;
  const state = appState(db);
  if (state.poller) return;
  state.poller = startTelegramPolling({
    db,
    cfg,
    rebalance: appRebalance,
    onState: (s) => console.info(`[venuefolio] telegram polling: ${s === "standby" ? "another process polls (standing by)" : s}`),
  });
}
