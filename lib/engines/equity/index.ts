import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import type { WalletType } from "@/lib/connectors/types";
import { assetClassOfBalance, type AssetClass } from "@/lib/engines/classify";
import {
  addTo,
  type ComponentName,
  type Components,
  componentsTotal,
  emptyComponents,
  type EquityBreakdown,
  toBuckets,
} from "@/lib/engines/equity/components";
import { assertEquityIdentity } from "@/lib/engines/equity/identity";
import { createPriceBook, type PriceQuote } from "@/lib/engines/pricing";

export { assertEquityIdentity, EquityIdentityError } from "@/lib/engines/equity/identity";
export type { EquityBreakdown, EquityBucket } from "@/lib/engines/equity/components";

/**
 * Total equity of a set of accounts, exact, in one base currency (USD by default):
 *
 *   total = spot value + funding value + futures wallet balance + unrealized PnL + margin debt
 *
 * Pure: every price comes in through `prices` (asset → price in the base currency), or
 * through `fxRates` and `quotes` (see `createPriceBook`). An asset without a price is
 * listed in `unpriced` and left out of every total, never valued at 0 silently.
 */
export interface EquityBalance {
  asset: string;
  wallet: WalletType;
  /** Signed; a negative balance is debt. */
  quantity: string;
  venue?: string;
  accountUid?: string;
  /** Overrides the class inferred from the asset (cash, stablecoin, crypto, equity). */
  assetClass?: AssetClass;
}

export interface EquityPosition {
  symbol: string;
  /** Currency the unrealized PnL is stated in (USDT for a USDT-margined perp). */
  settleCurrency: string;
  unrealizedPnl: string;
  venue?: string;
  accountUid?: string;
  /** Defaults to "derivatives". */
  assetClass?: AssetClass;
}

export interface EquityInput {
  baseCurrency?: string;
  balances: EquityBalance[];
  positions: EquityPosition[];
  /** asset → price of one unit in the base currency. The base currency itself needs none. */
  prices: Record<string, string>;
  /** currency → value of one unit in the base currency (EUR → 1.08 with a USD base). */
  fxRates?: Record<string, string>;
  /** Pairs as venues quote them, followed in chains (BTC/USDT then USDT/USD). */
  quotes?: PriceQuote[];
}

export interface AssetValue {
  asset: string;
  quantity: string;
  price: string;
  value: string;
}

export interface UnpricedItem {
  asset: string;
  source: "balance" | "position";
  /** The balance quantity, or the unrealized PnL of the position, in `asset`. */
  amount: string;
  wallet?: WalletType;
  symbol?: string;
  venue?: string;
  accountUid?: string;
}

export interface EquityResult {
  baseCurrency: string;
  total: string;
  spotValue: string;
  fundingValue: string;
  futuresWalletBalance: string;
  unrealizedPnl: string;
  /** Borrowed balances valued in the base currency; zero or negative. */
  marginDebt: string;
  /** Spot and funding holdings per asset, priced; the allocation view reads this. */
  assets: AssetValue[];
  /** Assets that had no price: listed here, excluded from every figure above. */
  unpriced: string[];
  /** Each unpriced balance or position, with where it sits. */
  unpricedItems: UnpricedItem[];
  /** False when anything was unpriced: the total is then a lower bound of what is held. */
  complete: boolean;
  /** asset → price in the base currency actually used. */
  rates: Record<string, string>;
  breakdown: EquityBreakdown;
}

const UNKNOWN = "unknown";

function walletComponent(qty: Dec, wallet: WalletType): ComponentName {
  if (qty.lessThan(0)) return "marginDebt";
  if (wallet === "futures") return "futuresWallet";
  if (wallet === "funding") return "funding";
  return "spot";
}

export function calculateEquity(input: EquityInput): EquityResult {
  const book = createPriceBook({
    baseCurrency: input.baseCurrency,
    prices: input.prices,
    fxRates: input.fxRates,
    quotes: input.quotes,
  });
  const base = book.base;

  const unpricedItems: UnpricedItem[] = [];
  const usedRates = new Map<string, Dec>();
  const totals = emptyComponents();
  const dims = {
    byVenue: new Map<string, Components>(),
    byAccount: new Map<string, Components>(),
    byAssetClass: new Map<string, Components>(),
    byCurrency: new Map<string, Components>(),
  };
  const holdings = new Map<string, Dec>();

  const record = (name: ComponentName, value: Dec, keys: Record<keyof typeof dims, string>) => {
    addTo(totals, name, value);
    for (const dim of Object.keys(dims) as (keyof typeof dims)[]) {
      const groups = dims[dim];
      let c = groups.get(keys[dim]);
      if (!c) {
        c = emptyComponents();
        groups.set(keys[dim], c);
      }
      addTo(c, name, value);
    }
  };

  const rateOf = (asset: string): Dec | undefined => {
    const rate = book.rateOf(asset);
    if (rate) usedRates.set(asset, rate);
    return rate;
  };

  for (const b of input.balances) {
    const qty = new D(b.quantity);
    if (qty.isZero()) continue;
    const price = rateOf(b.asset);
    if (!price) {
      unpricedItems.push({
        asset: b.asset,
        source: "balance",
        amount: toDecimalString(qty),
        wallet: b.wallet,
        venue: b.venue,
        accountUid: b.accountUid,
      });
      continue;
    }
    record(walletComponent(qty, b.wallet), qty.times(price), {
      byVenue: b.venue ?? UNKNOWN,
      byAccount: b.accountUid ?? UNKNOWN,
      byAssetClass: b.assetClass ?? assetClassOfBalance(b.asset, base),
      byCurrency: b.asset,
    });
    if (qty.greaterThan(0) && b.wallet !== "futures") {
      holdings.set(b.asset, (holdings.get(b.asset) ?? new D(0)).plus(qty));
    }
  }

  for (const p of input.positions) {
    const pnl = new D(p.unrealizedPnl);
    if (pnl.isZero()) continue;
    const price = rateOf(p.settleCurrency);
    if (!price) {
      unpricedItems.push({
        asset: p.settleCurrency,
        source: "position",
        amount: toDecimalString(pnl),
        symbol: p.symbol,
        venue: p.venue,
        accountUid: p.accountUid,
      });
      continue;
    }
    record("unrealizedPnl", pnl.times(price), {
      byVenue: p.venue ?? UNKNOWN,
      byAccount: p.accountUid ?? UNKNOWN,
      byAssetClass: p.assetClass ?? "derivatives",
      byCurrency: p.settleCurrency,
    });
  }

  const total = componentsTotal(totals);
  const assets = [...holdings.entries()]
    .map(([asset, quantity]) => {
      const price = usedRates.get(asset) ?? new D(0);
      return { asset, quantity, price, value: quantity.times(price) };
    })
    .sort((a, b) => b.value.comparedTo(a.value) || a.asset.localeCompare(b.asset))
    .map((a) => ({
      asset: a.asset,
      quantity: toDecimalString(a.quantity),
      price: toDecimalString(a.price),
      value: toDecimalString(a.value),
    }));

  const result: EquityResult = {
    baseCurrency: base,
    total: toDecimalString(total),
    spotValue: toDecimalString(totals.spot),
    fundingValue: toDecimalString(totals.funding),
    futuresWalletBalance: toDecimalString(totals.futuresWallet),
    unrealizedPnl: toDecimalString(totals.unrealizedPnl),
    marginDebt: toDecimalString(totals.marginDebt),
    assets,
    unpriced: [...new Set(unpricedItems.map((u) => u.asset))].sort(),
    unpricedItems,
    complete: unpricedItems.length === 0,
    rates: Object.fromEntries([...usedRates.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, toDecimalString(v)])),
    breakdown: {
      byVenue: toBuckets(dims.byVenue, total),
      byAccount: toBuckets(dims.byAccount, total),
      byAssetClass: toBuckets(dims.byAssetClass, total),
      byCurrency: toBuckets(dims.byCurrency, total),
    },
  };
  assertEquityIdentity(result);
  return result;
}
