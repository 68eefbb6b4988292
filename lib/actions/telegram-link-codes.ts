import { createHash, randomInt } from "node:crypto";
import type { Db } from "@/db/client";
import { consumeLinkCode, insertLinkCode, type ConsumedCode } from "@/db/queries/telegram";

/** How long a "Connect Telegram" code works. */
export const LINK_CODE_TTL_MS = 10 * 60_000;
/** No 0/O, 1/I/L: the code is read off a screen and typed. 10 characters ≈ 49 bits. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const LENGTH = 10;

export const hashLinkCode = (code: string) => createHash("sha256").update(code.trim().toUpperCase()).digest("hex");

/** A new one-time code for a person in a workspace; only its hash is stored. */
export async function createLinkCode(db: Db, p: { ownerId: string; userId: string; now: Date }): Promise<{ code: string; expiresAt: Date }> {
  const code = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const expiresAt = new Date(p.now.getTime() + LINK_CODE_TTL_MS);
  await insertLinkCode(db, { ownerId: p.ownerId, userId: p.userId, codeHash: hashLinkCode(code), expiresAt, now: p.now });
  return { code, expiresAt };
}

/** Uses a code once; `ownerId` limits it to one workspace (a workspace's own bot). */
export function redeemLinkCode(db: Db, p: { code: string; now: Date; ownerId?: string }): Promise<ConsumedCode> {
  return consumeLinkCode(db, { codeHash: hashLinkCode(p.code), now: p.now, ownerId: p.ownerId });
}
