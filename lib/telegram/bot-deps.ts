import type { Context } from "grammy";
import type { Db } from "@/db/client";
import type { ResyncResult } from "@/lib/read-models/dashboard-schemas";
import type { LimitClock } from "./api-limits";
import type { BotLogger } from "./bot-errors";
import { chatAccess, type ChatAccess } from "./chat-access";
import type { TelegramConfig } from "./config";
import type { RebalancePreviewer } from "./rebalance-port";

/** What one bot (one token) works with. */
export interface BotDeps {
  db: Db;
  cfg: TelegramConfig;
  /** "env" or the workspace id whose own token this is (config.ts). */
  botKey: string;
  token: string;
  rebalance: RebalancePreviewer;
  now: () => Date;
  log: BotLogger;
  clock?: LimitClock;
  /** Resync for /sync: lib/actions' requestResync by default. */
  resync: (ownerId: string) => Promise<ResyncResult>;
}

export const chatIdOf = (ctx: Context): string | null => (ctx.chat ? String(ctx.chat.id) : null);

/** The chat's access now (re-read on every update: a removed member's chat gets nothing). */
export async function accessOf(deps: BotDeps, ctx: Context): Promise<ChatAccess> {
  const chatId = chatIdOf(ctx);
  if (chatId === null) return { kind: "unlinked" };
  return chatAccess(deps.db, { botKey: deps.botKey, chatId });
}
