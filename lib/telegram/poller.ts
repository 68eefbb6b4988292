import type { Bot } from "grammy";
import { tryHoldAdvisoryLock, type HeldLock } from "@/db/advisory-lock";
import type { Db } from "@/db/client";
import { createTelegramBot } from "./bot";
import { consoleLogger, describeBotError, type BotLogger } from "./bot-errors";
import { listBots } from "@/lib/actions/telegram-bot-token";
import type { TelegramConfig } from "./config";
import type { RebalancePreviewer } from "./rebalance-port";

/** The advisory lock's key: "venuefolio telegram poller" as a fixed 63-bit number. */
export const POLLER_LOCK_KEY = 0x7665_6c65_6772_616dn;
/** How often a process on standby tries to take over (the holder may have stopped). */
export const STANDBY_RETRY_MS = 15_000;

export type PollerState = "standby" | "polling" | "stopped";

export interface PollerHandle {
  state(): PollerState;
  stop(): Promise<void>;
}

/**
 * Long polling for installs without a public URL (TELEGRAM_MODE=polling). Exactly one
 * process polls: the one holding the database lock (db/advisory-lock.ts); the others stand
 * by and retry, so when the poller's process ends another takes over. The holder polls every
 * bot of the install (TELEGRAM_BOT_TOKEN's and each workspace's own, as they were when it
 * took the lock), after removing any webhook (Telegram refuses getUpdates while one is set).
 */
export function startTelegramPolling(p: {
  db: Db;
  cfg: TelegramConfig;
  rebalance: RebalancePreviewer;
  log?: BotLogger;
  retryMs?: number;
  onState?: (s: PollerState) => void;
}): PollerHandle {
  const log = p.log ?? consoleLogger;
  let state: PollerState = "standby";
  let lock: HeldLock | null = null;
  let bots: Bot[] = [];
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let announced = false;
  const secrets: string[] = [];
  const set = (s: PollerState) => {
    state = s;
    p.onState?.(s);
  };

  const attempt = async () => {
    if (stopping) return;
    try {
      lock = await tryHoldAdvisoryLock(p.db, POLLER_LOCK_KEY);
      if (!lock) {
        // Said once: another process holds the lock (retried quietly from then on).
        if (!announced) set("standby");
        announced = true;
        timer = setTimeout(attempt, p.retryMs ?? STANDBY_RETRY_MS);
        return;
      }
      const found = await listBots(p.db, p.cfg);
      secrets.push(...found.map((b) => b.token));
      bots = found.map((b) => createTelegramBot({ db: p.db, cfg: p.cfg, botKey: b.botKey, token: b.token, rebalance: p.rebalance, log }));
      for (const bot of bots) await bot.api.deleteWebhook();
      set("polling");
      for (const bot of bots) {
        bot.start({ allowed_updates: ["message", "callback_query"] }).catch((e: unknown) => log.error(`polling stopped: ${describeBotError(e, secrets)}`));
      }
    } catch (e) {
      log.error(`could not start polling: ${describeBotError(e, secrets)}`);
      await lock?.release().catch(() => {});
      lock = null;
      bots = [];
      set("standby");
      if (!stopping) timer = setTimeout(attempt, p.retryMs ?? STANDBY_RETRY_MS);
    }
  };
  void attempt();

  return {
    state: () => state,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await Promise.all(bots.map((b) => (b.isRunning() ? b.stop() : undefined)));
      await lock?.release();
      set("stopped");
    },
  };
}
