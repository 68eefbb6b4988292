import type { ConnectorErrorKind } from "../errors";
import type { InstrumentType, OrderStatus } from "../types";

/**
 * Every Interactive Brokers fact we could not confirm in an official source (venue-apis.md
 * §6 marks them UNVERIFIED), in one place.
 *
 * Confirmed (IBKR guides / Campus, quoted by the reference): Flex SendRequest →
 * ReferenceCode + Url → GetStatement with `t`, `q`, `v=3`; error 1019 = generation in
 * progress (poll), 1018 = too many requests; a User-Agent is required; the Client Portal
 * paths `/tickle`, `/portfolio/accounts`, `/portfolio/{id}/positions/{page}`, `/ledger`,
 * `/summary`, `/iserver/account/orders`, `/iserver/account/trades`.
 */
export const IBKR_ASSUMPTIONS = {
  flexBaseUrl: "https://ndcdyn.interactivebrokers.com/AccountManagement/FlexWebService",
  flexVersion: "3",
  /** "Technology/Version", as IBKR's examples show ("Java/1.8"). */
  userAgent: "Node.js/20 venuefolio/0.1",
  /** Time zone of Flex `dateTime` values unless the query sets another (IBKR statements use US/Eastern). */
  flexTimeZone: "America/New_York",
  /** Hosts a GetStatement URL may point to; the token is sent there. */
  statementHostSuffix: ".interactivebrokers.com",
  /** Client Portal: positions per page (ibind says 100; older swagger said 30 — we page until a short page). */
  portalPositionsPageSize: 100,
  portalTradesDays: 7,
} as const;

/**
 * Flex error codes (ibkrguides flex3error, via the reference and client code). 1019 is
 * polled; the others end the read with a kind.
 */
export const FLEX_IN_PROGRESS = "1019";
export function flexErrorKind(code: string): ConnectorErrorKind {
  switch (code) {
    case "1012": // token has expired
    case "1015": // token is invalid
      return "auth";
    case "1011": // service account is inactive
    case "1013": // IP restriction
      return "permission";
    case "1018": // too many requests
      return "rate_limited";
    case "1001": // statement could not be generated at this time
    case "1003": // statement is not available
    case "1004": // statement is incomplete
    case "1005":
    case "1006":
    case "1007":
    case "1008": // settlement / P&L data not ready
    case "1009": // server under heavy load
    case "1021": // statement could not be retrieved at this time
      return "unavailable";
    default: // 1010 legacy query, 1014 invalid query, 1016 invalid account, 1017 invalid reference, 1020 invalid request
      return "invalid_request";
  }
}

/** Asset categories held as balances (shares, fund units); the rest are positions, and CASH (FX) is read from the cash report. */
export function isHoldingCategory(assetCategory: string): boolean {
  return assetCategory === "STK" || assetCategory === "FUND";
}

export function instrumentTypeOf(assetCategory: string): InstrumentType {
  if (assetCategory === "OPT" || assetCategory === "FOP" || assetCategory === "WAR") return "option";
  if (assetCategory === "FUT" || assetCategory === "CFD") return "future";
  return "equity";
}

/**
 * Prices (markPrice, costBasisPrice, tradePrice) are per unit of the underlying and
 * `position` / `quantity` count contracts, so units = contracts × multiplier (1 if absent).
 */
export const PRICES_PER_UNIT = true;

/** Client Portal order status → domain (TWS order states). */
export function portalOrderStatus(status: string, filled: boolean, complete: boolean): OrderStatus {
  const s = status.toLowerCase();
  if (s === "filled" || complete) return "filled";
  if (s === "cancelled" || s === "apicancelled") return "cancelled";
  if (s === "inactive") return "rejected";
  return filled ? "partially_filled" : "open";
}

/**
 * `/iserver/account/orders` "requires a pre-flight request": the first call of a session
 * may answer with no orders. An empty first answer is asked once more.
 */
export const PORTAL_ORDERS_PREFLIGHT = true;

/**
 * `orderReference` is the strategy tag: "mm-btc:4221b" carries "mm-btc" (the same
 * "<tag>:<rest>" convention as client order ids elsewhere), a bare "momentum" is the tag
 * itself; anything else (spaces, too long) carries none.
 */
export function strategyOfOrderReference(ref: string | undefined): string | undefined {
  if (!ref) return undefined;
  const tagged = /^([A-Za-z0-9][A-Za-z0-9_-]{0,31}):./.exec(ref);
  if (tagged) return tagged[1];
  return /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/.test(ref) ? ref : undefined;
}

/** Client Portal trades carry no commission currency: the account's base currency is assumed. */
export const PORTAL_COMMISSION_IN_BASE_CURRENCY = true;

/**
 * Flex CashTransaction `type` values (ibflex's CashAction table and other clients' parsers;
 * no official list was found). The deposit/withdrawal type is written both ways across
 * statement versions.
 */
const DEPOSIT_WITHDRAWAL_TYPES = new Set(["deposits/withdrawals", "deposits & withdrawals"]);
export function isDepositWithdrawalType(type: string): boolean {
  return DEPOSIT_WITHDRAWAL_TYPES.has(type.trim().toLowerCase());
}

/** What money in of a non-deposit type is: dividends (and their tax refunds), interest, or other income. */
export function incomeKindOfCashType(type: string): "dividend" | "interest" | "other" {
  const t = type.toLowerCase();
  if (t.includes("dividend") || t.includes("withholding")) return "dividend";
  if (t.includes("interest")) return "interest";
  return "other";
}

/** How many days a Flex activity statement lags: it is generated once a day, after the close. */
export const FLEX_CASH_LAG_DAYS = 2;

/**
 * UNVERIFIED: a cash transfer between two IBKR accounts is reported as a deposit or
 * withdrawal whose description names the other account ("CASH TRANSFER TO U7654321").
 * When that account is in the same statement, the transfer is internal to the connection.
 */
export function internalTransferCounterparty(description: string | undefined, self: string, accounts: ReadonlySet<string>): string | undefined {
  if (!description) return undefined;
  for (const m of description.matchAll(/\b([UF]\d{5,})\b/g)) {
    const id = m[1]!;
    if (id !== self && accounts.has(id)) return id;
  }
  return undefined;
}
