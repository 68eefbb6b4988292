import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { ConnectorError } from "../errors";
import { normalizeAddress, OKX_WEB3_ASSUMPTIONS } from "./assumptions";
import type { OkxWeb3Client } from "./client";
import type { TokenAsset } from "./schemas";
import { toHoldings } from "./transform";

/**
 * Dry-run quotes for a rebalance plan's legs on OKX Web3 wallets. Nothing here can move
 * funds: the aggregator's quote endpoint only prices a route. A leg sells its asset into the
 * wallet's settlement stablecoin on the same chain, or buys the asset with it. Each leg
 * gets its own answer, quoted or failed with a reason, and one failure never stops the rest.
 */
export interface SwapLeg {
  id: string;
  /** The wallet account: "<chainIndex>:<address>" (transform.ts `accountUidOf`). */
  accountUid: string;
  /** The asset as the sync stored it ("ETH", or "USDC:0x…" for a second token of one symbol). */
  asset: string;
  side: "buy" | "sell";
  /** Quantity of `asset`, in whole units. */
  quantity: string;
}

export type SwapQuote =
  | {
      id: string;
      status: "quoted";
      chainIndex: string;
      fromSymbol: string;
      toSymbol: string;
      fromAmount: string;
      toAmount: string;
      /** toAmount less the assumed swap slippage (OKX_WEB3_ASSUMPTIONS.dexQuote.minReceivedSlippage). */
      minimumReceived: string;
      /** As OKX reports it, in percent; null when OKX could not compute it. */
      priceImpactPercent: string | null;
      /** The route's network fee in USD. */
      networkFeeUsd: string | null;
      estimatedGas: string | null;
      /** What is sold, valued in USD at OKX's unit price: the weight of this leg's impact in the total. */
      valueUsd: string | null;
    }
  | { id: string; status: "failed"; message: string };

const Q = OKX_WEB3_ASSUMPTIONS.dexQuote;

interface Token {
  symbol: string;
  address: string;
  decimals: number;
  usdPrice: Dec | null;
}

function quoteAddress(chainIndex: string, contract: string): string {
  if (contract !== "") return contract;
  return chainIndex === "501" ? Q.solanaNative : Q.evmNative;
}

/** Decimals from the balance answer: rawBalance ÷ balance is 10^decimals (UNVERIFIED, see assumptions.ts). */
function decimalsOf(a: TokenAsset): number | null {
  if (!a.rawBalance || !/^\d+$/.test(a.rawBalance) || new D(a.balance).isZero()) return null;
  const ratio = new D(a.rawBalance).div(a.balance);
  const d = Math.round(ratio.log(10).toNumber());
  return d >= 0 && d <= 36 && new D(10).pow(d).eq(ratio) ? d : null;
}

/** The wallet's tokens on one chain, named as the sync names them. */
function tokensOf(address: string, assets: TokenAsset[], includeRisk: boolean): Map<string, Token> {
  const out = new Map<string, Token>();
  for (const h of toHoldings(address, assets, includeRisk)) {
    const a = assets.find((x) => x.chainIndex === h.chainIndex && x.tokenContractAddress === h.tokenContractAddress)!;
    const decimals = decimalsOf(a);
    if (decimals === null) continue;
    out.set(h.asset, { symbol: a.symbol, address: quoteAddress(h.chainIndex, h.tokenContractAddress), decimals, usdPrice: h.usdPrice ? new D(h.usdPrice) : null });
  }
  return out;
}

const smallest = (amount: Dec, decimals: number) => amount.times(new D(10).pow(decimals)).floor().toFixed(0);
const whole = (raw: string, decimals: number) => toDecimalString(new D(raw).div(new D(10).pow(decimals)));

async function quoteOne(client: OkxWeb3Client, leg: SwapLeg, chainIndex: string, tokens: Map<string, Token>): Promise<SwapQuote> {
  const asset = tokens.get(leg.asset);
  if (!asset) return { id: leg.id, status: "failed", message: `${leg.asset} is not held in this wallet on this chain, so its token contract is unknown` };
  const settlementName = Q.settlement.find((s) => tokens.has(s) && s !== leg.asset);
  if (!settlementName) {
    const own = (Q.settlement as readonly string[]).includes(leg.asset) ? `${leg.asset} is what this wallet's sells settle in; ` : "";
    return { id: leg.id, status: "failed", message: `${own}no other stablecoin (${Q.settlement.join(", ")}) is held in this wallet on this chain to quote with` };
  }
  const settlement = tokens.get(settlementName)!;
  const quantity = new D(leg.quantity);
  let from: Token, to: Token, amount: Dec;
  if (leg.side === "sell") {
    [from, to, amount] = [asset, settlement, quantity];
  } else {
    if (!asset.usdPrice || !settlement.usdPrice || settlement.usdPrice.isZero()) return { id: leg.id, status: "failed", message: `OKX gave no USD price for ${leg.asset} or ${settlementName} to size the buy` };
    [from, to, amount] = [settlement, asset, quantity.times(asset.usdPrice).div(settlement.usdPrice)];
  }
  const raw = smallest(amount, from.decimals);
  if (raw === "0") return { id: leg.id, status: "failed", message: `the amount is below one unit of ${from.symbol}` };
  const { data } = await client.dexQuote({ chainIndex, amount: raw, fromTokenAddress: from.address, toTokenAddress: to.address });
  const q = data.data[0]!;
  const toAmount = whole(q.toTokenAmount, q.toToken.decimal);
  const fromAmount = whole(q.fromTokenAmount, q.fromToken.decimal);
  const unitPrice = q.fromToken.tokenUnitPrice ?? (from.usdPrice ? toDecimalString(from.usdPrice) : undefined);
  return {
    id: leg.id,
    status: "quoted",
    chainIndex,
    fromSymbol: q.fromToken.tokenSymbol ?? from.symbol,
    toSymbol: q.toToken.tokenSymbol ?? to.symbol,
    fromAmount,
    toAmount,
    minimumReceived: toDecimalString(new D(toAmount).times(new D(1).minus(Q.minReceivedSlippage))),
    priceImpactPercent: q.priceImpactPercent ?? null,
    networkFeeUsd: q.tradeFee ?? null,
    estimatedGas: q.estimateGasFee ?? null,
    valueUsd: unitPrice === undefined ? null : toDecimalString(new D(fromAmount).times(unitPrice)),
  };
}

const failure = (id: string, e: unknown): SwapQuote => ({
  id,
  status: "failed",
  // ConnectorError messages are written to be shown (no secrets, no signed query); anything else is not.
  message: e instanceof ConnectorError ? e.message : "the quote could not be read",
});

export async function quoteSwapLegs(client: OkxWeb3Client, legs: SwapLeg[], opts: { includeRiskTokens: boolean }): Promise<SwapQuote[]> {
  const wallets = new Map<string, Promise<Map<string, Token>>>();
  const out: SwapQuote[] = [];
  // One leg at a time: a plan has a handful of legs, and OKX rate-limits per key.
  for (const leg of legs) {
    const [chainIndex, rawAddress] = leg.accountUid.split(":");
    if (!chainIndex || !rawAddress) {
      out.push({ id: leg.id, status: "failed", message: `account ${leg.accountUid} is not an OKX Web3 wallet` });
      continue;
    }
    const address = normalizeAddress(rawAddress);
    try {
      if (!wallets.has(leg.accountUid)) {
        wallets.set(
          leg.accountUid,
          client.allTokenBalances(address, [chainIndex], !opts.includeRiskTokens).then((r) => tokensOf(address, r.data.data[0]?.tokenAssets ?? [], opts.includeRiskTokens)),
        );
      }
      out.push(await quoteOne(client, leg, chainIndex, await wallets.get(leg.accountUid)!));
    } catch (e) {
      out.push(failure(leg.id, e));
    }
  }
  return out;
}
