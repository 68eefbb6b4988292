import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { OKX_ASSUMPTIONS } from "./assumptions";
import type { MarketInfo } from "@/lib/connectors/ccxt/markets";
import { ConnectorError } from "@/lib/connectors/errors";
import type { AccountMargin, Balance, Fill, InstrumentType, Order, OrderStatus, Position, Quote, VenueAccount } from "@/lib/connectors/types";
import type { FundingRow, OkxFill, OkxOrder, OkxPosition, TradingDetail } from "./schemas";

/**
 * Pure OKX → domain transforms, in decimals from OKX's strings. OKX counts swap and
 * futures sizes in contracts: positions become units of the underlying (contracts ×
 * ctVal; for inverse contracts, their USD value ÷ mark price); order and fill sizes of
 * linear contracts become base units too, while inverse ones stay in contracts, as on
 * Binance COIN-M.
 */
export const OKX_VENUE = "okx";

/**
 * OKX's unified trading account holds spot cash and margins every derivative; the
 * funding account holds what is waiting to be deposited, withdrawn or moved.
 */
export const OKX_ACCOUNTS: readonly VenueAccount[] = [
  { accountUid: "trading", name: "OKX Trading account", venue: OKX_VENUE, kind: "margin" },
  { accountUid: "funding", name: "OKX Funding account", venue: OKX_VENUE, kind: "funding" },
];

export const OKX_HARMLESS_PERMISSIONS = ["read"];

/** `perm` is "read_only,trade,withdraw" or a subset. */
export function permissionsFromPerm(perm: string): string[] {
  return perm
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => (p === "read_only" ? "read" : p));
}

const s = (d: Dec) => toDecimalString(d);
const orZero = (v: string): Dec => new D(v === "" ? "0" : v);
const optional = (v: string): string | undefined => (v === "" || new D(v).isZero() ? undefined : s(new D(v)));

/** Both wallets' balances: total, with `free` in [0, total] and the rest `locked`. */
function balance(accountUid: string, asset: string, wallet: "spot" | "funding", total: Dec, available: Dec): Balance {
  const free = D.max(0, D.min(available, D.max(total, 0)));
  return { accountUid, asset, wallet, free: s(free), locked: s(total.minus(free)), total: s(total) };
}

/**
 * The trading account's balance per currency excludes unrealized PnL, which arrives with
 * the positions: eq − upl (OKX's equity minus the PnL of that currency's positions).
 *
 * Free is `availBal` ("available balance of currency"), not `availEq` as ccxt prefers.
 * OKX fills `availEq` ("available equity of currency") only in futures, multi-currency
 * and portfolio margin modes, and there it is equity: it includes the currency's
 * unrealized PnL and, under multi-currency or portfolio margin, what cross margin lets
 * the currency back across the account. `total` here is a balance without PnL, so free
 * must be the same measure: `availBal` is, in every mode. Only where OKX leaves
 * `availBal` empty does `availEq − upl` stand in (the same measure, recovered), and
 * failing both, the whole balance is free. Either way free stays within [0, total].
 */
export function tradingBalances(details: TradingDetail[]): Balance[] {
  return details
    .map((d) => ({ d, total: new D(d.eq).minus(orZero(d.upl)) }))
    .filter(({ total }) => !total.isZero())
    .map(({ d, total }) => balance("trading", d.ccy, "spot", total, availableOf(d, total)));
}

function availableOf(d: TradingDetail, total: Dec): Dec {
  if (d.availBal !== "") return new D(d.availBal);
  if (d.availEq !== "" && OKX_ASSUMPTIONS.availEqIncludesUpl) return new D(d.availEq).minus(orZero(d.upl));
  return total;
}

/**
 * Per currency, the margin OKX publishes in the trading account's details: `imr` in use,
 * `mmr`, and `availEq` available. OKX fills `imr` only in the modes that margin by currency
 * (futures and multi-currency margin); in spot mode it is "" and nothing is reported.
 * Portfolio margin's account-level `imr` / `adjEq` (USD) are not read: they would count the
 * same margin twice beside per-currency figures.
 */
export function tradingMargins(details: TradingDetail[]): AccountMargin[] {
  return details
    .filter((d) => d.imr !== "")
    .map((d) => ({
      accountUid: "trading",
      currency: d.ccy,
      used: s(new D(d.imr)),
      ...(d.mmr === "" ? {} : { maintenance: s(new D(d.mmr)) }),
      available: s(new D(d.availEq !== "" ? d.availEq : d.availBal === "" ? "0" : d.availBal)),
    }));
}

export function fundingBalances(rows: FundingRow[]): Balance[] {
  return rows
    .filter((r) => !new D(r.bal).isZero())
    .map((r) => balance("funding", r.ccy, "funding", new D(r.bal), new D(r.availBal)));
}

/** ctVal of a swap or futures market, exactly as OKX lists it. */
export function contractValue(m: MarketInfo): Dec | undefined {
  const v = m.info.ctVal;
  return typeof v === "string" && v !== "" ? new D(v) : undefined;
}

const POSITIONS = "GET /api/v5/account/positions";
const QUANTITY_DP = 12;

function required(value: string, field: string, instId: string): Dec {
  if (value === "") throw new ConnectorError({ kind: "bad_response", provider: "okx", endpoint: POSITIONS, message: `${instId}: empty ${field}` });
  return new D(value);
}

function instrumentType(p: OkxPosition): InstrumentType {
  if (p.instType === "SWAP") return "perpetual";
  if (p.instType === "FUTURES") return "future";
  return "margin";
}

/**
 * Options are left out (their markets are not loaded). Sign: hedge mode says long or
 * short; net mode uses the sign of `pos`, except margin, where OKX states a long in the
 * base currency and a short in the quote currency it holds (`posCcy`).
 */
export function okxPosition(p: OkxPosition, m: MarketInfo, ctVal: Dec | undefined): Position | undefined {
  if (p.instType === "OPTION") return undefined;
  const pos = new D(p.pos);
  if (pos.isZero()) return undefined;
  const mark = required(p.markPx, "markPx", p.instId);
  const entry = required(p.avgPx, "avgPx", p.instId);
  let short: boolean;
  if (p.posSide !== "net") short = p.posSide === "short";
  else if (p.instType === "MARGIN") short = p.posCcy !== "" && p.posCcy !== m.base;
  else short = pos.isNegative();
  const sign = (d: Dec) => (short ? d.abs().negated() : d.abs());

  let quantity: Dec;
  let notional: Dec;
  if (p.instType === "MARGIN") {
    quantity = sign(short ? pos.abs().div(entry).toDecimalPlaces(QUANTITY_DP) : pos);
    notional = quantity.times(mark);
  } else {
    if (!ctVal) throw new ConnectorError({ kind: "bad_response", provider: "okx", endpoint: POSITIONS, message: `${p.instId}: market without ctVal` });
    const contracts = sign(pos);
    if (m.inverse) {
      notional = contracts.times(ctVal);
      quantity = notional.div(mark).toDecimalPlaces(QUANTITY_DP);
    } else {
      quantity = contracts.times(ctVal);
      notional = quantity.times(mark);
    }
  }
  const mode = p.mgnMode === "cross" || p.mgnMode === "isolated" ? p.mgnMode : undefined;
  return {
    accountUid: "trading",
    symbol: m.symbol,
    underlying: m.base,
    quoteCurrency: m.quote,
    settleCurrency: m.settle ?? m.quote,
    instrumentType: instrumentType(p),
    side: short ? "short" : "long",
    quantity: s(quantity),
    entryPrice: s(entry),
    markPrice: s(mark),
    notional: s(notional),
    unrealizedPnl: s(orZero(p.upl)),
    liquidationPrice: optional(p.liqPx),
    leverage: optional(p.lever),
    marginMode: mode,
  };
}

const STATUS: Record<OkxOrder["state"], OrderStatus> = {
  live: "open",
  partially_filled: "partially_filled",
  filled: "filled",
  canceled: "cancelled",
  mmp_canceled: "cancelled",
};

/** Linear contracts → base units; spot, margin and inverse sizes as OKX states them. */
function size(v: string, m: MarketInfo, ctVal: Dec | undefined): string {
  const d = new D(v);
  return s(!m.spot && !m.inverse && ctVal ? d.times(ctVal) : d);
}

export function okxOrder(o: OkxOrder, m: MarketInfo, ctVal: Dec | undefined, raw: unknown): Order {
  // A spot market buy sized in the quote currency ("spend 100 USDT") has no base quantity
  // until it fills; its quantity is what it bought.
  const quoteSized = (o.instType === "SPOT" || o.instType === "MARGIN") && o.tgtCcy === "quote_ccy";
  return {
    accountUid: "trading",
    venueOrderId: o.ordId,
    clientOrderId: o.clOrdId === "" ? undefined : o.clOrdId,
    symbol: m.symbol,
    side: o.side,
    type: o.ordType,
    status: STATUS[o.state],
    price: optional(o.px),
    quantity: quoteSized ? size(o.accFillSz, m, ctVal) : size(o.sz, m, ctVal),
    filledQuantity: size(o.accFillSz, m, ctVal),
    averagePrice: optional(o.avgPx),
    createdAt: new Date(o.cTime),
    updatedAt: new Date(Math.max(o.uTime, o.cTime)),
    raw,
  };
}

/** OKX's fee is negative when charged and positive for a rebate; ours is the opposite. */
export function okxFill(f: OkxFill, m: MarketInfo, ctVal: Dec | undefined, raw: unknown): Fill {
  return {
    accountUid: "trading",
    // billId is unique per account; tradeId only per instrument.
    venueFillId: f.billId,
    venueOrderId: f.ordId,
    clientOrderId: f.clOrdId === "" ? undefined : f.clOrdId,
    symbol: m.symbol,
    side: f.side,
    price: s(new D(f.fillPx)),
    quantity: size(f.fillSz, m, ctVal),
    // Inverse fills stay in contracts (size above): each one is worth ctVal in the quote.
    ...(m.inverse && ctVal ? { contractSize: s(ctVal) } : {}),
    fee: s(orZero(f.fee).negated()),
    feeCurrency: f.feeCcy === "" ? (m.settle ?? m.quote) : f.feeCcy,
    liquidity: f.execType === "M" ? "maker" : f.execType === "T" ? "taker" : undefined,
    executedAt: new Date(f.ts),
    raw,
  };
}

/** "BTC-USD" index → BTC in USD. */
export function quoteFromIndex(instId: string, price: string, at: Date): Quote | undefined {
  const [base, quote, ...rest] = instId.split("-");
  if (!base || !quote || rest.length > 0 || price === "") return undefined;
  return { base, quote, price: s(new D(price)), at };
}

export function quoteFromTicker(m: MarketInfo, last: string, at: Date): Quote | undefined {
  if (last === "") return undefined;
  return { base: m.base, quote: m.quote, price: s(new D(last)), at };
}
