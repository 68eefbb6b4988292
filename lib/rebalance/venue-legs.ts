import type { RebalanceRow } from "@/lib/engines/rebalance";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { estimatedFee, feeAssumption } from "./fee-assumptions";

/**
 * Splits the engine's per-asset trades into legs per venue account. Sells are taken from
 * the largest holding first, so a trade touches as few accounts (and pays as few minimum
 * fees) as it can; a buy goes to the account that already holds the most of the asset, or,
 * holding none, the one with the most of the base currency (the cash that would pay for
 * it), or else the largest account. Quantities stay exact, and the legs of a trade add up
 * to the engine's value: each leg but the last is valued at quantity × price, the last takes
 * the rest.
 */
/** The venue account a balance sits in, and a leg trades in. */
export interface VenueAccountRef {
  accountId: string;
  accountUid: string;
  accountName: string;
  connectionId: string;
  connectionLabel: string;
  provider: string;
}

export interface VenueBalance extends VenueAccountRef {
  asset: string;
  quantity: string;
}

export interface Leg extends VenueAccountRef {
  /** Stable within one plan: asset, side and account. */
  id: string;
  asset: string;
  side: "buy" | "sell";
  quantity: string;
  price: string;
  /** Value in the base currency, always positive. */
  value: string;
  feeRate: string;
  fee: string;
  feeSource: string;
}

type Account = VenueAccountRef;

function leg(row: RebalanceRow, side: "buy" | "sell", quantity: Dec, valueDec: Dec, account: Account): Leg {
  const value = toDecimalString(valueDec);
  const fee = feeAssumption(account.provider);
  return {
    id: `${row.asset}:${side}:${account.accountId}`,
    asset: row.asset,
    side,
    quantity: toDecimalString(quantity),
    price: row.price!,
    value,
    ...account,
    feeRate: fee.rate,
    fee: estimatedFee(value, fee.rate),
    feeSource: fee.source,
  };
}

function accountOf(b: VenueBalance): Account {
  const { asset: _asset, quantity: _quantity, ...account } = b;
  return account;
}

/** Each account's quantity of `asset`, largest first (ties by account id, so the split is stable). */
function holdersOf(balances: VenueBalance[], asset: string): Array<{ account: Account; quantity: Dec }> {
  const byAccount = new Map<string, { account: Account; quantity: Dec }>();
  for (const b of balances) {
    if (b.asset !== asset) continue;
    const held = byAccount.get(b.accountId) ?? { account: accountOf(b), quantity: new D(0) };
    held.quantity = held.quantity.plus(b.quantity);
    byAccount.set(b.accountId, held);
  }
  return [...byAccount.values()].filter((h) => h.quantity.gt(0)).sort((a, b) => b.quantity.comparedTo(a.quantity) || a.account.accountId.localeCompare(b.account.accountId));
}

/** Where a buy of an asset nobody holds goes: the most base-currency cash, else the largest account by value. */
function buyingAccount(balances: VenueBalance[], baseCurrency: string, prices: Map<string, string>): Account | undefined {
  const cash = holdersOf(balances, baseCurrency)[0];
  if (cash) return cash.account;
  const worth = new Map<string, { account: Account; value: Dec }>();
  for (const b of balances) {
    const price = prices.get(b.asset);
    if (price === undefined) continue;
    const w = worth.get(b.accountId) ?? { account: accountOf(b), value: new D(0) };
    w.value = w.value.plus(new D(b.quantity).times(price));
    worth.set(b.accountId, w);
  }
  return [...worth.values()].sort((a, b) => b.value.comparedTo(a.value) || a.account.accountId.localeCompare(b.account.accountId))[0]?.account;
}

export function splitIntoLegs(rows: RebalanceRow[], balances: VenueBalance[], baseCurrency: string): { legs: Leg[]; unplaced: string[] } {
  const prices = new Map(rows.filter((r) => r.price !== null).map((r) => [r.asset, r.price!]));
  const legs: Leg[] = [];
  const unplaced: string[] = [];
  for (const row of rows) {
    if (row.action !== "buy" && row.action !== "sell") continue;
    const wanted = new D(row.quantityDelta).abs();
    const worth = new D(row.valueDelta).abs();
    if (row.action === "sell") {
      let left = wanted;
      let valued = new D(0);
      for (const h of holdersOf(balances, row.asset)) {
        if (left.lte(0)) break;
        const take = D.min(left, h.quantity);
        left = left.minus(take);
        const value = left.lte(0) ? worth.minus(valued) : take.times(row.price!);
        valued = valued.plus(value);
        legs.push(leg(row, "sell", take, value, h.account));
      }
      continue;
    }
    const account = holdersOf(balances, row.asset)[0]?.account ?? buyingAccount(balances, baseCurrency, prices);
    if (account) legs.push(leg(row, "buy", wanted, worth, account));
    else unplaced.push(row.asset);
  }
  return { legs, unplaced };
}
