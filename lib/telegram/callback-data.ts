import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Inline-button callback data, bound to the chat and link it was sent to and to the time it
 * was sent: "<action>:<issued, base36 seconds>:<MAC>". Telegram hands back whatever a
 * client sends, so the MAC (HMAC-SHA256 under a key of the server's) is what makes a
 * callback from another chat, another workspace's link or a forged one "foreign", and the
 * issued time what makes an old one "expired". 64 bytes at most (Telegram's limit).
 */
export const CALLBACK_ACTIONS = ["report", "rebalance", "confirm"] as const;
export type CallbackAction = (typeof CALLBACK_ACTIONS)[number];

const SHORT: Record<CallbackAction, string> = { report: "rp", rebalance: "rb", confirm: "rc" };
const LONG = Object.fromEntries(Object.entries(SHORT).map(([k, v]) => [v, k])) as Record<string, CallbackAction>;

/** A button pressed later than this is answered "expired" and changes nothing. */
export const CALLBACK_TTL_MS = 15 * 60_000;

export interface CallbackBinding {
  /** The link the message was sent under: an unlink and relink makes old buttons foreign. */
  linkId: string;
  chatId: string;
  ownerId: string;
}

function mac(key: Buffer, action: string, issued: string, b: CallbackBinding): Buffer {
  return createHmac("sha256", key).update(`${action}|${issued}|${b.linkId}|${b.chatId}|${b.ownerId}`).digest().subarray(0, 12);
}

export function signCallback(key: Buffer, action: CallbackAction, b: CallbackBinding, now: Date): string {
  const issued = Math.floor(now.getTime() / 1000).toString(36);
  return `${SHORT[action]}:${issued}:${mac(key, SHORT[action], issued, b).toString("base64url")}`;
}

export type CallbackCheck = { ok: true; action: CallbackAction } | { ok: false; reason: "foreign" | "expired" };

export function verifyCallback(key: Buffer, data: string, b: CallbackBinding, now: Date, ttlMs: number = CALLBACK_TTL_MS): CallbackCheck {
  const [short, issued, given, extra] = data.split(":");
  const action = short ? LONG[short] : undefined;
  if (!action || !issued || !given || extra !== undefined || !/^[0-9a-z]+$/.test(issued)) return { ok: false, reason: "foreign" };
  const expected = mac(key, short!, issued, b);
  const got = Buffer.from(given, "base64url");
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return { ok: false, reason: "foreign" };
  const issuedMs = Number.parseInt(issued, 36) * 1000;
  if (now.getTime() - issuedMs > ttlMs || issuedMs - now.getTime() > 60_000) return { ok: false, reason: "expired" };
  return { ok: true, action };
}

/** The callback MAC key: derived from the credentials key, so it needs no setting of its own. */
export function callbackKeyFrom(credentialsKey: Buffer): Buffer {
  return createHmac("sha256", credentialsKey).update("venuefolio telegram callback v1").digest();
}
