import { D, toDecimalString } from "@/lib/money/decimal";
import type { Balance, Quote, VenueAccount } from "../types";
import { chainName, normalizeAddress } from "./assumptions";
import type { TokenAsset } from "./schemas";

/**
 * Pure OKX Web3 → domain mapping. Each (wallet address, chain) is one account: balances
 * of one chain never mix with another's, and a token's symbol (upper-cased, as the sector
 * data keys it) is its asset.
 */
export interface WalletChain {
  address: string;
  chainIndex: string;
  label?: string;
}

export function accountUidOf(chainIndex: string, address: string): string {
  return `${chainIndex}:${normalizeAddress(address)}`;
}

export function toAccount(w: WalletChain, balanceUsd?: string): VenueAccount {
  const address = normalizeAddress(w.address);
  return {
    accountUid: accountUidOf(w.chainIndex, address),
    name: `${chainName(w.chainIndex)} ${address}`,
    alias: w.label,
    venue: "okx_web3",
    kind: "wallet",
    balanceUsd,
  };
}

export interface PricedHolding {
  accountUid: string;
  asset: string;
  chainIndex: string;
  tokenContractAddress: string;
  balance: string;
  /** USD price as OKX reported it with the balance, when it did. */
  usdPrice?: string;
}

/**
 * Token balances of one address → holdings per account. Risk tokens are dropped unless
 * kept on purpose; zero balances are dropped. Two tokens of one chain sharing a symbol
 * (a bridged copy, a look-alike) stay apart: the larger holding keeps the symbol, the
 * other is named "SYMBOL:contract".
 */
export function toHoldings(address: string, assets: TokenAsset[], includeRisk: boolean): PricedHolding[] {
  const kept = assets.filter((a) => (includeRisk || !a.isRiskToken) && !new D(a.balance).isZero());
  const value = (a: TokenAsset) => new D(a.balance).times(a.tokenPrice ?? "0");
  const sorted = [...kept].sort((x, y) => value(y).comparedTo(value(x)) || x.tokenContractAddress.localeCompare(y.tokenContractAddress));
  const taken = new Set<string>();
  return sorted.map((a) => {
    const accountUid = accountUidOf(a.chainIndex, address);
    const symbol = a.symbol.trim().toUpperCase();
    const key = `${accountUid}\u0000${symbol}`;
    const asset = taken.has(key) ? `${symbol}:${a.tokenContractAddress.toLowerCase()}` : symbol;
    taken.add(key);
    return {
      accountUid,
      asset,
      chainIndex: a.chainIndex,
      tokenContractAddress: a.tokenContractAddress,
      balance: a.balance,
      usdPrice: a.tokenPrice !== undefined && new D(a.tokenPrice).gt(0) ? a.tokenPrice : undefined,
    };
  });
}

export function toBalance(h: PricedHolding): Balance {
  return { accountUid: h.accountUid, asset: h.asset, wallet: "spot", free: h.balance, locked: "0", total: h.balance };
}

/** One USD price per asset: the one reported with its largest holding. */
export function toQuotes(holdings: PricedHolding[], extraPrices: Map<string, string>, at: Date): Quote[] {
  const out = new Map<string, Quote>();
  for (const h of holdings) {
    if (out.has(h.asset)) continue;
    const price = h.usdPrice ?? extraPrices.get(priceKey(h.chainIndex, h.tokenContractAddress));
    if (price !== undefined && new D(price).gt(0)) out.set(h.asset, { base: h.asset, quote: "USD", price: toDecimalString(price), at });
  }
  return [...out.values()];
}

/** EVM contract addresses are compared lower-case, as the price endpoint wants them. */
export function priceKey(chainIndex: string, tokenContractAddress: string): string {
  return `${chainIndex}:${normalizeAddress(tokenContractAddress)}`;
}
