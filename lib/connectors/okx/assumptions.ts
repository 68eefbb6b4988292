/**
 * OKX facts this connector relies on beyond what OKX's documentation states outright, in
 * one place, each used by name.
 *
 * Confirmed in OKX's v5 documentation (as mirrored in public repositories, see
 * shared/reference/venue-apis.md §2 and docs/architecture.md "Venue drift and silent
 * gaps"): orders-history, orders-history-archive and fills-history take `instType`
 * (required) and `instId` (optional), so one request per instrument type lists every
 * instrument; orders-algo-pending requires `ordType`, one type a request except
 * `conditional,oco` together; `availEq` is "available equity of currency", filled in
 * futures, multi-currency and portfolio margin modes; `availBal` is "available balance of
 * currency".
 */
export const OKX_ASSUMPTIONS = {
  /**
   * `availEq` includes the currency's unrealized PnL like `eq` does, so `availEq − upl` is
   * the available balance where OKX leaves `availBal` empty. The docs define `availEq` as
   * equity but do not spell out its relation to `upl`.
   */
  availEqIncludesUpl: true,
  /**
   * An algo order that triggers places an ordinary order (listed by orders-pending and the
   * order history, its executions by fills): the docs list `ordIdList` on the algo, not the
   * reverse, so the triggered order is read as any other.
   */
  triggeredAlgoPlacesOrdinaryOrder: true,
} as const;
