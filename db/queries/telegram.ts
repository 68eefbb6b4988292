import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../client";
import { telegramBots, telegramLinkCodes, telegramLinks, type TelegramLinkRow } from "../schema";

/** Stores a new one-time code (its hash); a person's earlier unused codes stop working. */
export async function insertLinkCode(db: Db, p: { ownerId: string; userId: string; codeHash: string; expiresAt: Date; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(telegramLinkCodes)
      .set({ usedAt: p.now })
      .where(and(eq(telegramLinkCodes.ownerId, p.ownerId), eq(telegramLinkCodes.userId, p.userId), isNull(telegramLinkCodes.usedAt)));
    await tx.insert(telegramLinkCodes).values({ ownerId: p.ownerId, userId: p.userId, codeHash: p.codeHash, expiresAt: p.expiresAt });
  });
}

export type ConsumedCode = { ok: true; ownerId: string; userId: string } | { ok: false; reason: "unknown" | "expired" | "used" };

/**
 * Marks a code used, once: the update's `used_at is null` makes two chats racing with one
 * code end with one link. An expired code is told apart (the person can make a new one).
 */
export async function consumeLinkCode(db: Db, p: { codeHash: string; now: Date; ownerId?: string }): Promise<ConsumedCode> {
  const ofCode = and(eq(telegramLinkCodes.codeHash, p.codeHash), p.ownerId ? eq(telegramLinkCodes.ownerId, p.ownerId) : undefined);
  const [taken] = await db
    .update(telegramLinkCodes)
    .set({ usedAt: p.now })
    .where(and(ofCode, isNull(telegramLinkCodes.usedAt), gt(telegramLinkCodes.expiresAt, p.now)))
    .returning({ ownerId: telegramLinkCodes.ownerId, userId: telegramLinkCodes.userId });
  if (taken) return { ok: true, ...taken };
  const [row] = await db.select().from(telegramLinkCodes).where(ofCode);
  if (!row) return { ok: false, reason: "unknown" };
  return { ok: false, reason: row.usedAt ? "used" : "expired" };
}

/** The person's open code's expiry (the settings page's countdown), or null. */
export async function openLinkCodeExpiry(db: Db, p: { ownerId: string; userId: string; now: Date }): Promise<Date | null> {
  const [row] = await db
    .select({ expiresAt: telegramLinkCodes.expiresAt })
    .from(telegramLinkCodes)
    .where(and(eq(telegramLinkCodes.ownerId, p.ownerId), eq(telegramLinkCodes.userId, p.userId), isNull(telegramLinkCodes.usedAt), gt(telegramLinkCodes.expiresAt, p.now)));
  return row?.expiresAt ?? null;
}

/** Links a chat (replacing its earlier link under this bot, and that link's alert channel reference). */
export async function upsertLink(db: Db, p: { ownerId: string; userId: string; botKey: string; chatId: string; chatTitle: string }): Promise<TelegramLinkRow> {
  const [row] = await db
    .insert(telegramLinks)
    .values(p)
    .onConflictDoUpdate({
      target: [telegramLinks.botKey, telegramLinks.chatId],
      set: { ownerId: p.ownerId, userId: p.userId, chatTitle: p.chatTitle, alertsChannelId: null, alertsOn: false },
    })
    .returning();
  return row!;
}

export async function findLink(db: Db, p: { botKey: string; chatId: string }): Promise<TelegramLinkRow | null> {
  const [row] = await db.select().from(telegramLinks).where(and(eq(telegramLinks.botKey, p.botKey), eq(telegramLinks.chatId, p.chatId)));
  return row ?? null;
}

export async function deleteLink(db: Db, p: { ownerId: string; linkId: string }): Promise<TelegramLinkRow | null> {
  const [row] = await db.delete(telegramLinks).where(and(eq(telegramLinks.ownerId, p.ownerId), eq(telegramLinks.id, p.linkId))).returning();
  return row ?? null;
}

export async function setLinkAlerts(db: Db, p: { ownerId: string; linkId: string; alertsChannelId: string | null }): Promise<void> {
  await db
    .update(telegramLinks)
    .set({ alertsChannelId: p.alertsChannelId, alertsOn: p.alertsChannelId !== null })
    .where(and(eq(telegramLinks.ownerId, p.ownerId), eq(telegramLinks.id, p.linkId)));
}

export async function listLinks(db: Db, p: { ownerId: string }): Promise<TelegramLinkRow[]> {
  return db.select().from(telegramLinks).where(eq(telegramLinks.ownerId, p.ownerId)).orderBy(asc(telegramLinks.createdAt));
}

export async function getBotToken(db: Db, p: { ownerId: string }): Promise<{ tokenSealed: string; tokenHint: string } | null> {
  const [row] = await db.select({ tokenSealed: telegramBots.tokenSealed, tokenHint: telegramBots.tokenHint }).from(telegramBots).where(eq(telegramBots.ownerId, p.ownerId));
  return row ?? null;
}

export async function listBotTokens(db: Db): Promise<Array<{ ownerId: string; tokenSealed: string }>> {
  return db.select({ ownerId: telegramBots.ownerId, tokenSealed: telegramBots.tokenSealed }).from(telegramBots);
}

export async function saveBotToken(db: Db, p: { ownerId: string; tokenSealed: string; tokenHint: string; updatedBy: string | null; now: Date }): Promise<void> {
  const values = { ownerId: p.ownerId, tokenSealed: p.tokenSealed, tokenHint: p.tokenHint, updatedBy: p.updatedBy, updatedAt: p.now };
  await db.insert(telegramBots).values(values).onConflictDoUpdate({ target: telegramBots.ownerId, set: values });
}

export async function deleteBotToken(db: Db, p: { ownerId: string }): Promise<void> {
  await db.delete(telegramBots).where(eq(telegramBots.ownerId, p.ownerId));
}
