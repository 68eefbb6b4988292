import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The generic webhook's signature, the same scheme as Stripe's and Slack's: the receiver
 * recomputes an HMAC-SHA256 over the timestamp and the exact body bytes, compares in
 * constant time, and refuses a timestamp outside its replay window. README, "Verifying a
 * webhook", shows a receiver doing it. Hand-written because it is a dozen lines of
 * node:crypto, which every receiver can reproduce in its own language.
 */
export const SIGNATURE_HEADER = "X-Venuefolio-Signature";
export const TIMESTAMP_HEADER = "X-Venuefolio-Timestamp";
/** Unique per attempt: a receiver that stores it can refuse a replay inside the window too. */
export const DELIVERY_HEADER = "X-Venuefolio-Delivery";
/** "alert" or "test". */
export const EVENT_HEADER = "X-Venuefolio-Event";
/** What a receiver should accept: five minutes either side of its own clock. */
export const REPLAY_WINDOW_SECONDS = 300;

const SECRET_PREFIX = "vfsec_";

/** A new signing secret: 32 random bytes, base64url, recognisable by its prefix. */
export function generateSigningSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** "sha256=<hex of HMAC-SHA256(secret, `${timestamp}.${body}`)>", the secret taken as its UTF-8 bytes. */
export function signBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex")}`;
}

/** The headers a signed delivery carries. */
export function signedHeaders(p: { secret: string; body: string; now: Date; deliveryId: string; event: "alert" | "test" }): Record<string, string> {
  const timestamp = Math.floor(p.now.getTime() / 1000);
  return {
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signBody(p.secret, timestamp, p.body),
    [DELIVERY_HEADER]: p.deliveryId,
    [EVENT_HEADER]: p.event,
  };
}

/** What a receiver does, here for tests and as the reference the README follows. */
export function verifySignature(p: {
  secret: string;
  body: string;
  timestamp: string | null;
  signature: string | null;
  now: Date;
  toleranceSeconds?: number;
}): { ok: true } | { ok: false; reason: string } {
  if (!p.timestamp || !/^\d{1,12}$/.test(p.timestamp)) return { ok: false, reason: "missing or malformed timestamp" };
  if (!p.signature) return { ok: false, reason: "missing signature" };
  const age = Math.abs(p.now.getTime() / 1000 - Number(p.timestamp));
  if (age > (p.toleranceSeconds ?? REPLAY_WINDOW_SECONDS)) return { ok: false, reason: "timestamp outside the replay window" };
  const expected = Buffer.from(signBody(p.secret, Number(p.timestamp), p.body));
  const given = Buffer.from(p.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature does not match" };
  return { ok: true };
}
