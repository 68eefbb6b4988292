import { createHash } from "node:crypto";
import type { Bot } from "grammy";
import type { Db } from "@/db/client";
import { createTelegramBot } from "./bot";
import type { TelegramConfig } from "./config";
import type { RebalancePreviewer } from "./rebalance-port";

/**
 * Bots by key and token, made and initialised (getMe) once per process: a webhook update
 * must not cost a getMe. A new token (Settings) makes a new bot; a failed init is not kept.
 */
export function botRegistry(p: { db: Db; cfg: TelegramConfig; rebalance: RebalancePreviewer }) {
  const bots = new Map<string, Promise<Bot>>();
  return (botKey: string, token: string): Promise<Bot> => {
    const id = `${botKey}:${createHash("sha256").update(token).digest("hex")}`;
    let made = bots.get(id);
    if (!made) {
      const bot = createTelegramBot({ db: p.db, cfg: p.cfg, botKey, token, rebalance: p.rebalance });
      made = bot.init().then(() => bot);
      made.catch(() => bots.delete(id));
      bots.set(id, made);
    }
    return made;
  };
}
