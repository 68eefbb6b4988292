import { createHash } from "node:crypto";
import { toDecimalString } from "@/lib/money/decimal";
import { canonicalJson } from "./canonical-json";

/**
 * The hash chain of an account's order history. Each event's hash covers its content and
 * the previous event's hash, so editing, deleting or reordering any recorded event
 * breaks every link after it — detectable by re-walking the chain (`npm run audit:verify`).
 *
 * Content is normalised the way the database returns it: decimals without trailing zeros,
 * instants as ISO-8601 UTC, JSON with sorted keys.
 */
export const GENESIS_HASH = "0".repeat(64);

export interface HashedEventContent {
  accountId: string;
  orderId: string;
  venueOrderId: string;
  symbol: string;
  type: string;
  statusBefore: string | null;
  statusAfter: string;
  quantityBefore: string | null;
  quantityAfter: string;
  filledBefore: string | null;
  filledAfter: string;
  occurredAt: Date;
  syncBatchId: string;
  raw: unknown;
}

const num = (v: string | null) => (v === null ? null : toDecimalString(v));

export function orderEventHash(content: HashedEventContent, prevHash: string): string {
  const body = canonicalJson({
    v: 1,
    prev: prevHash,
    accountId: content.accountId,
    orderId: content.orderId,
    venueOrderId: content.venueOrderId,
    symbol: content.symbol,
    type: content.type,
    statusBefore: content.statusBefore,
    statusAfter: content.statusAfter,
    quantityBefore: num(content.quantityBefore),
    quantityAfter: num(content.quantityAfter),
    filledBefore: num(content.filledBefore),
    filledAfter: num(content.filledAfter),
    occurredAt: content.occurredAt.toISOString(),
    syncBatchId: content.syncBatchId,
    raw: content.raw ?? null,
  });
  return createHash("sha256").update(body).digest("hex");
}
