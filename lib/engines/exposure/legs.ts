import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { InstrumentType, WalletType } from "@/lib/connectors/types";
import {
  assetClassOfBalance,
  assetClassOfPosition,
  type AssetClass,
  isCashLike,
  sectorOf,
  type Sector,
} from "@/lib/engines/classify";
import type { PriceBook } from "@/lib/engines/pricing";

export interface ExposureBalance {
  asset: string;
  /** Signed; a negative balance (margin debt) is a short. */
  quantity: string;
  wallet?: WalletType;
  venue?: string;
  accountUid?: string;
  assetClass?: AssetClass;
}

/** A subset of the domain `Position`: a connector's positions can be passed directly. */
export interface ExposurePosition {
  symbol: string;
  underlying: string;
  quoteCurrency: string;
  /** Signed size; kept for callers, the value comes from `notional`. */
  quantity: string;
  /** Signed notional in `quoteCurrency`, same sign as `quantity`. */
  notional: string;
  instrumentType?: InstrumentType;
  venue?: string;
  accountUid?: string;
  assetClass?: AssetClass;
}

/** One priced holding or position, signed, in the base currency. */
export interface Leg {
  underlying: string;
  value: Dec;
  cash: boolean;
  venue: string;
  accountUid: string;
  assetClass: AssetClass;
  currency: string;
  sector: Sector;
}

export interface UnpricedLeg {
  asset: string;
  source: "balance" | "position";
  /** Quantity of the balance, or notional of the position, in `asset`. */
  amount: string;
  symbol?: string;
}

const UNKNOWN = "unknown";

export function buildLegs(
  balances: ExposureBalance[],
  positions: ExposurePosition[],
  book: PriceBook,
): { legs: Leg[]; unpriced: UnpricedLeg[] } {
  const legs: Leg[] = [];
  const unpriced: UnpricedLeg[] = [];

  for (const b of balances) {
    const qty = new D(b.quantity);
    if (qty.isZero()) continue;
    const rate = book.rateOf(b.asset);
    if (!rate) {
      unpriced.push({ asset: b.asset, source: "balance", amount: toDecimalString(qty) });
      continue;
    }
    legs.push({
      underlying: b.asset,
      value: qty.times(rate),
      cash: isCashLike(b.asset, book.base),
      venue: b.venue ?? UNKNOWN,
      accountUid: b.accountUid ?? UNKNOWN,
      assetClass: b.assetClass ?? assetClassOfBalance(b.asset, book.base),
      currency: b.asset,
      sector: sectorOf(b.asset),
    });
  }

  for (const p of positions) {
    const notional = new D(p.notional);
    if (notional.isZero()) continue;
    const rate = book.rateOf(p.quoteCurrency);
    if (!rate) {
      unpriced.push({ asset: p.quoteCurrency, source: "position", amount: toDecimalString(notional), symbol: p.symbol });
      continue;
    }
    legs.push({
      underlying: p.underlying,
      value: notional.times(rate),
      cash: false,
      venue: p.venue ?? UNKNOWN,
      accountUid: p.accountUid ?? UNKNOWN,
      assetClass: p.assetClass ?? assetClassOfPosition(p.instrumentType),
      currency: p.quoteCurrency,
      sector: sectorOf(p.underlying, p.instrumentType),
    });
  }
  return { legs, unpriced };
}
