import type { Db } from "@/db/client";
import { listMembers } from "@/db/queries/members";
import { getBotToken, listLinks, openLinkCodeExpiry } from "@/db/queries/telegram";
import { env } from "@/lib/env";

export interface TelegramSettingsView {
  links: Array<{ id: string; chatTitle: string; linkedBy: string; mine: boolean; alertsOn: boolean; createdAt: string }>;
  /** The viewer's open code's expiry (the code itself is shown only once, when made). */
  openCodeExpiresAt: string | null;
  /** The workspace's own token, as its last 4 characters; null when it uses TELEGRAM_BOT_TOKEN or none. */
  ownTokenHint: string | null;
  envToken: boolean;
  webhookSecretSet: boolean;
  mode: "webhook" | "polling";
}

/** Settings → Telegram: linked chats, the viewer's open code, and how the bot is set up. Never a token or a chat id. */
export async function loadTelegramSettings(db: Db, p: { ownerId: string; userId: string; now: Date }): Promise<TelegramSettingsView> {
  const [links, members, expiry, token] = await Promise.all([
    listLinks(db, { ownerId: p.ownerId }),
    listMembers(db, { ownerId: p.ownerId }),
    openLinkCodeExpiry(db, { ownerId: p.ownerId, userId: p.userId, now: p.now }),
    getBotToken(db, { ownerId: p.ownerId }),
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name || m.email]));
  const e = env();
  return {
    links: links.map((l) => ({
      id: l.id,
      chatTitle: l.chatTitle,
      linkedBy: names.get(l.userId) ?? "a former member",
      mine: l.userId === p.userId,
      alertsOn: l.alertsOn,
      createdAt: l.createdAt.toISOString(),
    })),
    openCodeExpiresAt: expiry?.toISOString() ?? null,
    ownTokenHint: token?.tokenHint ?? null,
    envToken: Boolean(e.TELEGRAM_BOT_TOKEN),
    webhookSecretSet: Boolean(e.TELEGRAM_WEBHOOK_SECRET),
    mode: e.TELEGRAM_MODE,
  };
}
