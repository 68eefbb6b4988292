import { D } from "@/lib/money/decimal";
import type { ConnectorErrorKind } from "../errors";
import type { InstrumentType, OrderStatus } from "../types";

/**
 * Every Groww fact we could not confirm in an official source (venue-apis.md §5 marks
 * them UNVERIFIED; the cURL docs mirror settled several), in one place.
 *
 * Confirmed from Groww's cURL docs: base URL, the three headers, the `{status, payload}`
 * envelope and `{status: "FAILURE", error: {code, message}}`, holdings / positions /
 * margin / order list / order detail / trades / LTP paths and fields, the approval
 * checksum = sha256 hex of (secret + epoch-seconds), the `{key_type: "totp", totp}` body,
 * tokens expiring daily at 06:00 IST, page size limits (orders 100, trades 50), LTP
 * `exchange_symbols` like `NSE_RELIANCE`, order status enum.
 */
/**
 * Cash flows: the Trade API has no funds ledger (no deposit, withdrawal or pay-in/pay-out
 * endpoint in the cURL docs or any client), so the connector has no "cash_flows"
 * capability; Groww flows are entered by hand.
 */
export const GROWW_ASSUMPTIONS = {
  /** Holdings carry no exchange; their prices are read from this one. */
  holdingsExchange: "NSE",
  /** LTP takes at most this many symbols per call (documented for OHLC; assumed for LTP). */
  ltpBatch: 50,
  orderPageSize: 100,
  tradePageSize: 50,
  /** Refresh a minted token this long before it expires. */
  tokenRefreshMarginMs: 60_000,
  /** `clear_cash` of /v1/margins/detail/user is the account's INR cash. */
  cashField: "clear_cash",
} as const;

/** Tokens expire daily at 06:00 IST = 00:30 UTC. */
const EXPIRY_UTC_OFFSET_MS = 30 * 60_000;
const DAY_MS = 86_400_000;
const IST_OFFSET = "+05:30";

/** The first 06:00 IST strictly after `t`. */
export function nextTokenExpiry(t: Date): Date {
  const shifted = t.getTime() - EXPIRY_UTC_OFFSET_MS;
  return new Date((Math.floor(shifted / DAY_MS) + 1) * DAY_MS + EXPIRY_UTC_OFFSET_MS);
}

/**
 * Groww times ("2023-10-01T10:15:30", "2024-08-24T14:15:22Z"): a time without a zone is
 * taken as IST, the exchange's own clock. Undefined when unreadable.
 */
export function parseGrowwTime(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const t = text.trim().replace(" ", "T");
  const withZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(t) ? t : `${t}${IST_OFFSET}`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * Order status → domain. EXECUTED/COMPLETED/DELIVERY_AWAITED mean executed; anything still
 * working (NEW, ACKED, OPEN, TRIGGER_PENDING, APPROVED, *_REQUESTED, or a status not in
 * the annexure) is open, or partially filled once something filled.
 */
export function orderStatusOf(status: string, filled: string, quantity: string): OrderStatus {
  const s = status.toUpperCase();
  const someFilled = new D(filled).isPositive() && !new D(filled).isZero();
  if (s === "CANCELLED") return "cancelled";
  if (s === "REJECTED" || s === "FAILED") return "rejected";
  if (s === "EXECUTED" || s === "COMPLETED" || s === "DELIVERY_AWAITED") {
    return !someFilled || new D(filled).gte(quantity) ? "filled" : "partially_filled";
  }
  return someFilled ? "partially_filled" : "open";
}

/**
 * Cash-segment CNC positions are today's delivery trades, already counted in holdings
 * (as T1 quantity); only intraday products there, and every F&O position, are positions.
 */
export function isSeparatePosition(segment: string, product: string): boolean {
  return segment !== "CASH" || product.toUpperCase() !== "CNC";
}

/** F&O contract class from its trading symbol ("NIFTY25N2724000CE", "BANKNIFTY25NOVFUT"). */
export function fnoInstrumentType(symbol: string): Exclude<InstrumentType, "spot" | "margin" | "perpetual"> {
  if (/(CE|PE)$/.test(symbol)) return "option";
  if (/FUT$/.test(symbol)) return "future";
  return "equity";
}

/** The underlying of an F&O symbol: its leading letters ("NIFTY", "BANKNIFTY", "RELIANCE"). */
export function fnoUnderlying(symbol: string): string {
  return /^[A-Z&-]+?(?=\d)/.exec(symbol)?.[0] ?? symbol;
}

/** Trades publish no brokerage; fees are recorded as zero INR (charges are billed separately). */
export const TRADE_FEE = { amount: "0", currency: "INR" } as const;

/** Error code → kind, from the codes in the docs (GA000…GA007). */
export function errorKindOfCode(code: string): ConnectorErrorKind {
  switch (code) {
    case "GA000":
    case "GA003":
      return "unavailable";
    case "GA005":
      return "permission";
    default:
      return "invalid_request";
  }
}

/**
 * What a refused token request means in the approval and TOTP flows: the key was not
 * approved today (the docs say both need daily approval on the API keys page). The
 * refusal's own shape is not documented.
 */
export const APPROVAL_PAGE = "https://groww.in/trade-api/api-keys";
