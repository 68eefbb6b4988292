import type { ConnectorErrorKind } from "../errors";

/**
 * Every OKX Web3 (Onchain OS wallet / market API) fact we could not confirm, in one place
 * (venue-apis.md §3 marks them UNVERIFIED).
 *
 * Confirmed from OKX's pages: host, the OK-ACCESS-* HMAC scheme (same as OKX v5), the v6
 * balance and price paths, their parameters and fields, `code` "0" = success, 50011 =
 * rate limit, 5010x/5011x = auth.
 */
export const OKX_WEB3_ASSUMPTIONS = {
  baseUrl: "https://web3.okx.com",
  /** `chains` takes at most 50 chain indexes per call. */
  maxChainsPerCall: 50,
  /** POST /market/price takes up to 100 tokens (a third-party skill says 1–100). */
  maxTokensPerPriceCall: 100,
  /**
   * `excludeRiskToken`: the all-token-balances page documents "0" = filter (default) and
   * "1" = do not filter; the total-value page documents a boolean. Both are sent as the
   * pages say, and risk tokens are also dropped here by `isRiskToken` unless asked for.
   */
  excludeRiskToken: { balances: { filter: "0", keep: "1" }, totalValue: { filter: "true", keep: "false" } },
  /** Total value read with assetType "0": tokens and DeFi positions. */
  totalValueAssetType: "0",
  /** OK-ACCESS-PROJECT is required by "some endpoints" (seen in v5 WaaS examples); sent whenever a project id is set. */
  projectHeader: "OK-ACCESS-PROJECT",
  /**
   * Transaction history by address: kept six months (the page says so); one chain per
   * call. The English page caps a single-chain page at 20 rows and the Chinese page at
   * 100 (multi-chain the other way round): 20 is safe under both.
   */
  historyKeptDays: 180,
  historyPageLimit: 20,
  /**
   * UNVERIFIED: how late a transaction appears in the history after its block. Minutes in
   * practice for an indexer; an hour of re-reading covers it.
   */
  historyLagMs: 3_600_000,
  /**
   * The DEX aggregator's dry-run quote (/rebalance). Confirmed from OKX's "Get Quotes" page
   * (dev-docs/trade/dex-get-quote): GET /api/v6/dex/aggregator/quote, `chainIndex`,
   * `amount` in the token's smallest unit, `swapMode` exactIn, `fromTokenAddress`,
   * `toTokenAddress`; the answer's `fromTokenAmount`, `toTokenAmount`, `tradeFee` (USD),
   * `estimateGasFee`, `priceImpactPercent` (null when unknown), `fromToken`/`toToken` with
   * `decimal` and `tokenUnitPrice`. UNVERIFIED (seen only in third-party code, or inferred):
   * - the sign of `priceImpactPercent` (negative = the trade loses value); its magnitude is read;
   * - the native coin's address: 0xeee…e on EVM chains, the System Program id on Solana,
   *   while the balance API answers "" for it;
   * - a token's decimals, taken from the balance API as log10(rawBalance ÷ balance), since
   *   the quote needs the amount in smallest units before it can tell us;
   * - the quote carries no minimum received (that belongs to the swap call and its slippage):
   *   it is derived here as toTokenAmount × (1 − `minReceivedSlippage`), OKX's swap default
   *   as its own widget shows it.
   */
  dexQuote: {
    path: "/api/v6/dex/aggregator/quote",
    evmNative: "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee",
    solanaNative: "11111111111111111111111111111111",
    minReceivedSlippage: "0.005",
    /** Stablecoins a wallet's legs settle in, most preferred first: what is sold into, and bought with. */
    settlement: ["USDC", "USDT", "DAI"],
  },
} as const;

/**
 * UNVERIFIED readings of the transaction history rows (the pages give names, not
 * semantics):
 * - `amount`, `from[].amount`, `to[].amount` and `txFee` are in whole token units (like
 *   `balance` in the balance API), not in the chain's smallest unit;
 * - `txFee` is paid in the chain's native coin by the sending address;
 * - `from[].amount` / `to[].amount` are empty on account chains (the row's `amount`
 *   applies) and filled on UTXO chains, where change returns to the sender;
 * - `txStatus` is "success", "fail" or "pending".
 */
export const TX_STATUS = { success: "confirmed", fail: "failed", pending: "pending" } as const;

/** The native coin a chain's fees are paid in, for the chains most wallets use. */
const NATIVE_COIN: Record<string, string> = {
  "0": "BTC",
  "1": "ETH",
  "10": "ETH",
  "56": "BNB",
  "137": "POL",
  "195": "TRX",
  "196": "OKB",
  "324": "ETH",
  "501": "SOL",
  "8453": "ETH",
  "42161": "ETH",
  "43114": "AVAX",
  "59144": "ETH",
};

export function nativeCoin(chainIndex: string): string | undefined {
  return NATIVE_COIN[chainIndex];
}

/** Names for the chain indexes most wallets use; others show as "chain <index>". */
const CHAIN_NAMES: Record<string, string> = {
  "1": "Ethereum",
  "10": "Optimism",
  "56": "BNB Chain",
  "137": "Polygon",
  "196": "X Layer",
  "324": "zkSync Era",
  "501": "Solana",
  "8453": "Base",
  "42161": "Arbitrum One",
  "43114": "Avalanche C",
  "59144": "Linea",
  "195": "Tron",
  "0": "Bitcoin",
};

export function chainName(chainIndex: string): string {
  return CHAIN_NAMES[chainIndex] ?? `chain ${chainIndex}`;
}

/** EVM addresses are case-insensitive and compared lower-case; Solana, Tron and Bitcoin addresses are not. */
export function normalizeAddress(address: string): string {
  const a = address.trim();
  return /^0x[0-9a-fA-F]{40}$/.test(a) ? a.toLowerCase() : a;
}

/** Envelope code → kind, from the error tables of the balance and market pages. */
export function errorKindOfCode(code: string): ConnectorErrorKind {
  if (code === "50011") return "rate_limited";
  if (/^501(0[1-9]|1[0-4])$/.test(code)) return "auth";
  if (code === "50119" || code === "50120") return "permission";
  if (code === "50026" || code === "50001" || code === "50004") return "unavailable";
  return "invalid_request";
}
