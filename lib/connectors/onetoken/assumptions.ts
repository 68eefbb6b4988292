import type { AccountKind, InstrumentType } from "../types";
import type { ConnectorErrorKind } from "../errors";

/**
 * Every 1Token fact we could not confirm in an official source (see
 * shared/reference/venue-apis.md §4, marked UNVERIFIED there), in one place. Each is used
 * by name, so a live call that proves one wrong is fixed here and nowhere else.
 *
 * Confirmed (official demo `1token-trade/cam-api`, plus several independent clients that
 * agree): the signature scheme, integer-second `Api-Timestamp`, path after `/api/v1`,
 * the endpoints and the field names of list-portfolio, get-historical-nav and
 * fund-snapshot/get-asset-position, nanosecond `*_time` values.
 */
export const ONETOKEN_ASSUMPTIONS = {
  /**
   * `department=<id>` is appended to the query of every call, POST included, and signed
   * with it. Seen in two independent clients; not in an official source.
   */
  departmentQueryParam: "department",
  /** `get-portfolio-detail` is a GET with `?fund_name=` and returns `result.fund_children[]` (shape from a public mock). */
  portfolioDetailFundParam: "fund_name",
  /** One client batches at most 30 funds per fund-snapshot call; we do the same. */
  maxFundsPerSnapshotCall: 30,
  /** How far back one get-historical-nav call reaches; longer ranges are split. No limit is documented. */
  navWindowDays: 90,
  /** History read for a fund with no stored point and no inception time. */
  defaultNavHistoryDays: 365,
  /**
   * Hourly asset snapshots are computed after the hour; the latest complete one is found
   * in the last `snapshotLookbackHours` hours, keeping the rows of the latest
   * `snapshot_time_str` per fund (assumed to sort like ISO "YYYY-MM-DD HH:mm:ss").
   */
  snapshotLookbackHours: 3,
  /** `quote_source` for asset snapshots; "exchange_first" and "cmc_close" are the two values seen. */
  quoteSource: "exchange_first",
  /**
   * Quote endpoint: `GET /quote/last-price-before-timestamp?currency=<lower-case>&exchange=index&timestamp=<ns>`
   * answering `result.price` (or `result` itself as the number). Parameter names are from a
   * typed client; the response shape is a guess.
   */
  quoteExchange: "index",
  /** A browser-like User-Agent: Cloudflare in front of 1Token rejects unusual clients (`browser_signature_banned`). */
  userAgent: "Mozilla/5.0 (compatible; venuefolio/0.1; +https://github.com/)",
} as const;

/**
 * Subscriptions and redemptions (UNCONFIRMED): no 1Token endpoint for them was found in
 * any source — funds carry an `auto_ta_mode` flag, so a transfer-agent module exists, but
 * no client calls it. They are therefore derived from changes in fund units between two
 * consecutive NAV points: units = net_assets / accum_nav (accum_nav being the NAV per unit,
 * see NAV_FIELD_MEANING), and the flow at the later point is
 *   net_assets_t − net_assets_{t−1} × nav_t / nav_{t−1}  (= Δunits × nav_t),
 * positive a subscription, negative a redemption, in the fund's valuation currency, dated
 * at the later point (it happened somewhere in between). A distribution paid out of the
 * fund shows as a redemption. If 1Token's API exposes subscription records, they replace
 * this derivation.
 */
export const DERIVED_FLOWS = {
  /**
   * The published NAV is rounded, so units computed from it wobble. A residual within what
   * that rounding allows — unitsₜ₋₁ × (½ ulp of each NAV) + ½ ulp of each net assets — is
   * noise, not a flow. A NAV read with fewer decimals than this is taken to be rounded to
   * this many (a NAV of exactly "1" at inception says nothing of its precision).
   */
  minNavDecimals: 4,
  /** Decimals a derived amount is rounded to (the division leaves a long tail). */
  amountDecimals: 8,
  /** NAV read before a flow window, so its first point has a predecessor (weekends, gaps). */
  predecessorLookbackDays: 7,
  /** NAV is computed after its period closes: re-read two days before the cursor. */
  lagDays: 2,
} as const;

/** Snapshot id of a NAV point: no id is published, so the fund and the exact nanosecond time make one. */
export function navSnapshotId(fundName: string, snapshotTimeNs: bigint): string {
  return `${fundName}@${snapshotTimeNs}`;
}

/**
 * `accum_nav` is taken as the NAV per unit (equal to the unit NAV for funds without
 * distributions). Returns are our derivation between consecutive points, not 1Token's:
 * net = Δaccum_nav / accum_nav (after fees, as the NAV is), gross = Δaccum_pnl / net_assets.
 */
export const NAV_FIELD_MEANING = { navPerUnit: "accum_nav", pnl: "accum_pnl" } as const;

/** Instrument class from the free-text `instrument_str` / `account_type_str` of an asset row. */
export function instrumentTypeOf(instrument: string, accountType: string): Exclude<InstrumentType, "equity"> {
  const text = `${instrument} ${accountType}`.toLowerCase();
  if (/option|\.call|\.put|-c$|-p$/.test(text)) return "option";
  if (/perp|swap/.test(text)) return "perpetual";
  if (/future|delivery|quarter/.test(text)) return "future";
  if (/margin/.test(text)) return "margin";
  return "spot";
}

/** Account kind from a fund child's `child_type` / `account_mode`. */
export function accountKindOf(childType: string, accountMode: string): AccountKind {
  const text = `${childType} ${accountMode}`.toLowerCase();
  if (/custody/.test(text)) return "funding";
  if (/future|swap|contract|derivative/.test(text)) return "futures";
  if (/margin/.test(text)) return "margin";
  return "spot";
}

/** A short side ("short", "sell", "s") makes the size negative. */
export function isShortSide(side: string): boolean {
  return /^(short|sell|s)$/i.test(side.trim());
}

/** What a non-empty envelope `code` means; 1Token publishes no code table. */
export function errorKindOfCode(code: string): ConnectorErrorKind {
  const c = code.toLowerCase();
  if (/rate|too-many|too_many|frequen/.test(c)) return "rate_limited";
  if (/permission|forbidden|not-allowed|denied/.test(c)) return "permission";
  if (/auth|sign|api-key|apikey|expired|token/.test(c)) return "auth";
  if (/internal|unavailable|timeout|busy/.test(c)) return "unavailable";
  return "invalid_request";
}
