import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { MarketInfo } from "@/lib/connectors/ccxt/markets";
import type {
  Balance,
  AccountMargin,
  Fill,
  InstrumentType,
  Order,
  OrderStatus,
  Position,
  Quote,
  VenueAccount,
} from "@/lib/connectors/types";
import type { BinanceEnvironment } from "./config";
import type {
  ApiRestrictions,
  CoinmPosition,
  FundingAsset,
  FuturesAsset,
  FuturesOrder,
  FuturesTrade,
  SpotAccount,
  SpotOrder,
  SpotTrade,
  TickerPrice,
  UsdmPosition,
  UsdmSymbolConfig,
} from "./schemas";

/**
 * Pure Binance → domain transforms. Amounts are computed with decimals from the venue's
 * strings and leave as canonical decimal strings. COIN-M order and fill quantities stay in
 * contracts (Binance's unit for them); positions are always in units of the underlying.
 */
export const BINANCE_VENUE = "binance";

export type BinanceAccountUid = "spot" | "funding" | "usdm" | "coinm";

const ACCOUNTS: Record<BinanceAccountUid, VenueAccount> = {
  spot: { accountUid: "spot", name: "Binance Spot", venue: BINANCE_VENUE, kind: "spot" },
  funding: { accountUid: "funding", name: "Binance Funding", venue: BINANCE_VENUE, kind: "funding" },
  usdm: { accountUid: "usdm", name: "Binance USDⓈ-M Futures", venue: BINANCE_VENUE, kind: "futures" },
  coinm: { accountUid: "coinm", name: "Binance COIN-M Futures", venue: BINANCE_VENUE, kind: "futures" },
};

/** The funding wallet lives behind /sapi, which neither the testnet nor demo mode has. */
export function binanceAccounts(environment: BinanceEnvironment): VenueAccount[] {
  const uids: BinanceAccountUid[] = environment === "live" ? ["spot", "funding", "usdm", "coinm"] : ["spot", "usdm", "coinm"];
  return uids.map((u) => ({ ...ACCOUNTS[u] }));
}

/** Permissions that cannot change anything at the venue. */
export const BINANCE_HARMLESS_PERMISSIONS = ["read", "fix_read"];

export function permissionsFromRestrictions(r: ApiRestrictions): string[] {
  const flags: Array<[boolean, string]> = [
    [r.enableReading, "read"],
    [r.enableFixReadOnly, "fix_read"],
    [r.enableSpotAndMarginTrading, "spot_margin_trade"],
    [r.enableFutures, "futures_trade"],
    [r.enableMargin, "margin_loan"],
    [r.enableVanillaOptions, "options_trade"],
    [r.enablePortfolioMarginTrading, "portfolio_margin_trade"],
    [r.enableFixApiTrade, "fix_trade"],
    [r.enableWithdrawals, "withdraw"],
    [r.enableInternalTransfer, "internal_transfer"],
    [r.permitsUniversalTransfer, "universal_transfer"],
  ];
  return flags.filter(([on]) => on).map(([, name]) => name);
}

/** Testnet and demo have no key-restrictions endpoint; the account says what it may do. */
export function permissionsFromSpotAccount(a: SpotAccount): string[] {
  return ["read", ...(a.canTrade ? ["spot_trade"] : []), ...(a.canWithdraw ? ["withdraw"] : [])];
}

const s = (d: Dec) => toDecimalString(d);

export function spotBalances(a: SpotAccount): Balance[] {
  return a.balances
    .map((b) => ({ b, total: new D(b.free).plus(b.locked) }))
    .filter(({ total }) => !total.isZero())
    .map(({ b, total }) => ({ accountUid: "spot", asset: b.asset, wallet: "spot", free: s(new D(b.free)), locked: s(new D(b.locked)), total: s(total) }));
}

export function fundingBalances(rows: FundingAsset[]): Balance[] {
  return rows
    .map((r) => {
      const locked = new D(r.locked).plus(r.freeze).plus(r.withdrawing);
      return { r, locked, total: new D(r.free).plus(locked) };
    })
    .filter(({ total }) => !total.isZero())
    .map(({ r, locked, total }) => ({ accountUid: "funding", asset: r.asset, wallet: "funding", free: s(new D(r.free)), locked: s(locked), total: s(total) }));
}

/**
 * A futures wallet's balance excludes unrealized PnL (that comes with the positions):
 * total = walletBalance; free = what could be withdrawn, within [0, total]; the rest is
 * held as margin.
 */
export function futuresBalances(accountUid: "usdm" | "coinm", assets: FuturesAsset[]): Balance[] {
  return assets
    .filter((a) => !new D(a.walletBalance).isZero())
    .map((a) => {
      const total = new D(a.walletBalance);
      const free = D.max(0, D.min(new D(a.maxWithdrawAmount), D.max(total, 0)));
      return { accountUid, asset: a.asset, wallet: "futures", free: s(free), locked: s(total.minus(free)), total: s(total) };
    });
}

/**
 * Each futures asset's margin as Binance states it: `initialMargin` in use (positions and
 * open orders), `maintMargin`, and `availableBalance` still free to open positions. Per
 * asset, not the account's `total*` fields: those count the USDT asset only in single-asset
 * mode, and COIN-M has none. Assets with nothing in them are left out.
 */
export function futuresMargins(accountUid: "usdm" | "coinm", assets: FuturesAsset[]): AccountMargin[] {
  return assets
    .filter((a) => !new D(a.walletBalance).isZero() || !new D(a.initialMargin).isZero())
    .map((a) => ({ accountUid, currency: a.asset, used: s(new D(a.initialMargin)), maintenance: s(new D(a.maintMargin)), available: s(new D(a.availableBalance)) }));
}

function instrumentType(m: MarketInfo): InstrumentType {
  return m.future ? "future" : "perpetual";
}

function marginMode(marginType: string): "cross" | "isolated" | undefined {
  const t = marginType.toLowerCase();
  if (t === "cross" || t === "crossed") return "cross";
  if (t === "isolated") return "isolated";
  return undefined;
}

/** In hedge mode the side is `positionSide`; in one-way mode (BOTH) the sign of the amount. */
function signedAmount(positionSide: "BOTH" | "LONG" | "SHORT", amount: string): Dec {
  const a = new D(amount);
  if (positionSide === "LONG") return a.abs();
  if (positionSide === "SHORT") return a.abs().negated();
  return a;
}

const withSignOf = (value: Dec, sign: Dec): Dec => (sign.isNegative() ? value.abs().negated() : value.abs());
const optionalPrice = (v: string): string | undefined => (new D(v).isZero() ? undefined : s(new D(v)));

/**
 * A USDⓈ-M position. Leverage and margin mode come from the symbol's configuration
 * (GET /fapi/v1/symbolConfig), since Position Information V3 no longer carries them; a V2
 * row's own fields are the fallback. Neither known: left out, never guessed.
 */
export function usdmPosition(p: UsdmPosition, m: MarketInfo, config?: UsdmSymbolConfig): Position | undefined {
  const qty = signedAmount(p.positionSide, p.positionAmt);
  if (qty.isZero()) return undefined;
  return {
    accountUid: "usdm",
    symbol: m.symbol,
    underlying: m.base,
    quoteCurrency: m.quote,
    settleCurrency: m.settle ?? m.quote,
    instrumentType: instrumentType(m),
    side: qty.isNegative() ? "short" : "long",
    quantity: s(qty),
    entryPrice: s(new D(p.entryPrice)),
    markPrice: s(new D(p.markPrice)),
    notional: s(withSignOf(new D(p.notional), qty)),
    unrealizedPnl: s(new D(p.unRealizedProfit)),
    liquidationPrice: optionalPrice(p.liquidationPrice),
    ...leverageOf(config?.leverage ?? p.leverage, config?.marginType ?? p.marginType),
  };
}

function leverageOf(leverage: number | string | undefined, marginType: string | undefined): Pick<Position, "leverage" | "marginMode"> {
  const mode = marginType === undefined ? undefined : marginMode(marginType);
  return {
    ...(leverage === undefined ? {} : { leverage: s(new D(String(leverage))) }),
    ...(mode ? { marginMode: mode } : {}),
  };
}

/** The contract value of a COIN-M market in its quote currency (BTCUSD_PERP: 100 USD). */
export function coinmContractSize(m: MarketInfo): Dec | undefined {
  const v = m.info.contractSize;
  if (typeof v === "number" || (typeof v === "string" && v !== "")) return new D(String(v));
  return undefined;
}

/**
 * COIN-M: `positionAmt` counts contracts worth `contractSize` USD each; Binance states the
 * size in the coin as `notionalValue`. Quantity is that coin amount, notional the USD value.
 */
export function coinmPosition(p: CoinmPosition, m: MarketInfo, contractSize: Dec): Position | undefined {
  const contracts = signedAmount(p.positionSide, p.positionAmt);
  if (contracts.isZero()) return undefined;
  return {
    accountUid: "coinm",
    symbol: m.symbol,
    underlying: m.base,
    quoteCurrency: m.quote,
    settleCurrency: m.settle ?? m.base,
    instrumentType: instrumentType(m),
    side: contracts.isNegative() ? "short" : "long",
    quantity: s(withSignOf(new D(p.notionalValue), contracts)),
    entryPrice: s(new D(p.entryPrice)),
    markPrice: s(new D(p.markPrice)),
    notional: s(contracts.times(contractSize)),
    unrealizedPnl: s(new D(p.unRealizedProfit)),
    liquidationPrice: optionalPrice(p.liquidationPrice),
    leverage: s(new D(p.leverage)),
    marginMode: marginMode(p.marginType),
  };
}

const STATUS: Record<SpotOrder["status"], OrderStatus> = {
  NEW: "open",
  PENDING_NEW: "open",
  PARTIALLY_FILLED: "partially_filled",
  // Still on the book until the venue confirms the cancel.
  PENDING_CANCEL: "open",
  FILLED: "filled",
  CANCELED: "cancelled",
  REJECTED: "rejected",
  EXPIRED: "expired",
  EXPIRED_IN_MATCH: "expired",
};

/** Averages are quotients, not venue digits: kept to 12 decimal places. */
const AVERAGE_DP = 12;

function baseOrder(accountUid: BinanceAccountUid, symbol: string, o: SpotOrder | FuturesOrder, raw: unknown) {
  return {
    accountUid,
    venueOrderId: o.orderId,
    clientOrderId: o.clientOrderId === "" ? undefined : o.clientOrderId,
    symbol,
    side: o.side === "BUY" ? ("buy" as const) : ("sell" as const),
    type: o.type.toLowerCase(),
    status: STATUS[o.status],
    price: optionalPrice(o.price),
    quantity: s(new D(o.origQty)),
    filledQuantity: s(new D(o.executedQty)),
    createdAt: new Date(o.time),
    updatedAt: new Date(Math.max(o.updateTime, o.time)),
    raw,
  };
}

export function spotOrder(symbol: string, o: SpotOrder, raw: unknown): Order {
  const filled = new D(o.executedQty);
  const quote = new D(o.cummulativeQuoteQty);
  // Very old orders report a negative cummulativeQuoteQty: no average then.
  const averagePrice = filled.gt(0) && quote.gt(0) ? s(quote.div(filled).toDecimalPlaces(AVERAGE_DP)) : undefined;
  return { ...baseOrder("spot", symbol, o, raw), averagePrice };
}

export function futuresOrder(accountUid: "usdm" | "coinm", symbol: string, o: FuturesOrder, raw: unknown): Order {
  return { ...baseOrder(accountUid, symbol, o, raw), averagePrice: optionalPrice(o.avgPrice) };
}

/** Binance trade ids are unique per symbol only. */
export function fillId(symbolId: string, tradeId: string): string {
  return `${symbolId}:${tradeId}`;
}

export function spotFill(symbol: string, t: SpotTrade, raw: unknown, clientOrderId?: string): Fill {
  return {
    accountUid: "spot",
    venueFillId: fillId(t.symbol, t.id),
    venueOrderId: t.orderId,
    clientOrderId,
    symbol,
    side: t.isBuyer ? "buy" : "sell",
    price: s(new D(t.price)),
    quantity: s(new D(t.qty)),
    fee: s(new D(t.commission)),
    feeCurrency: t.commissionAsset,
    liquidity: t.isMaker ? "maker" : "taker",
    executedAt: new Date(t.time),
    raw,
  };
}

/** `contractSize`: a COIN-M market's (its fills are in contracts); absent for USDⓈ-M. */
export function futuresFill(accountUid: "usdm" | "coinm", symbol: string, t: FuturesTrade, raw: unknown, clientOrderId?: string, contractSize?: Dec): Fill {
  return {
    ...(contractSize ? { contractSize: s(contractSize) } : {}),
    accountUid,
    venueFillId: fillId(t.symbol, t.id),
    venueOrderId: t.orderId,
    clientOrderId,
    symbol,
    side: t.side === "BUY" ? "buy" : "sell",
    price: s(new D(t.price)),
    quantity: s(new D(t.qty)),
    fee: s(new D(t.commission)),
    feeCurrency: t.commissionAsset,
    liquidity: t.maker ? "maker" : "taker",
    executedAt: new Date(t.time),
    raw,
  };
}

export function quoteFromTicker(t: TickerPrice, m: MarketInfo, at: Date): Quote {
  return { base: m.base, quote: m.quote, price: s(new D(t.price)), at };
}
