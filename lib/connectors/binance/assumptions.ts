/**
 * Binance facts this connector relies on that no official source we could read confirms,
 * in one place, each used by name: a live call that proves one wrong is fixed here.
 *
 * Confirmed in Binance's own documentation (developers.binance.com, as mirrored in public
 * repositories; see docs/architecture.md "Venue drift and silent gaps"): Position
 * Information V3 (`GET /fapi/v3/positionRisk`, weight 5) has no `leverage`, `marginType`,
 * `maxNotionalValue` or `isAutoAddMargin`, and lists only symbols with a position or open
 * orders; Symbol Configuration (`GET /fapi/v1/symbolConfig`, no symbol = all) answers
 * `{symbol, marginType: "CROSSED" | "ISOLATED", isAutoAddMargin, leverage (a number),
 * maxNotionalValue}`; spot myTrades costs 20 (5 with orderId) and without a time range or
 * fromId answers the latest `limit` trades; there is no all-symbols spot trade history.
 */
export const BINANCE_ASSUMPTIONS = {
  /**
   * `GET /fapi/v1/symbolConfig` costs 5, as its portfolio-margin twin
   * `/papi/v1/um/symbolConfig` is documented to; the USDⓈ-M page's weight was not read.
   */
  symbolConfigWeight: 5,
  /**
   * A portfolio-margin account answers `GET /papi/v1/account` with its `accountStatus`;
   * any other account (or a key without the Portfolio Margin permission) gets an error,
   * reported in public issues as -2015 "Invalid API-key, IP, or permissions for action".
   * No documented flag on the spot or futures account says "portfolio margin", so the
   * probe's answer is the test: an answer means PM, an auth or permission error means not
   * (or not visible to this key, which then cannot read it either).
   */
  portfolioMarginProbe: "GET /papi/v1/account",
  /**
   * The sweep's probe (myTrades with symbol and limit only) lists the most recent trades
   * of the market whatever their age, oldest first, like the fake does; Binance documents
   * "If fromId is set… otherwise most recent trades are returned".
   */
  myTradesWithoutRangeIsLatest: true,
} as const;
