import { D, toDecimalString } from "@/lib/money/decimal";

/**
 * The fee each leg of a rebalance plan is estimated with: one taker rate per venue, named
 * on the page and in the CSV. These are published regular-tier (no discount) spot rates, not
 * the account's own tier, which the venues' read APIs this app uses do not report; a DEX
 * leg's estimate is replaced by its dry-run quote's network fee and price impact when
 * quoted.
 */
export interface FeeAssumption {
  /** Fraction of the traded value (0.001 = 0.10 %). */
  rate: string;
  source: string;
}

const ASSUMPTIONS: Record<string, FeeAssumption> = {
  binance: { rate: "0.001", source: "Binance spot taker, regular tier, no BNB discount: 0.10 %" },
  okx: { rate: "0.001", source: "OKX spot taker, regular tier: 0.10 %" },
  okx_web3: { rate: "0.003", source: "DEX swap: a typical 0.30 % AMM pool fee, before gas (the dry-run quote gives the route's own figures)" },
  demo: { rate: "0.001", source: "Demo venue: 0.10 %, like a regular spot taker" },
};

export const DEFAULT_FEE: FeeAssumption = { rate: "0.001", source: "No published rate recorded for this venue: 0.10 % assumed" };

export function feeAssumption(provider: string): FeeAssumption {
  return ASSUMPTIONS[provider] ?? DEFAULT_FEE;
}

/** value × rate, exact. */
export function estimatedFee(value: string, rate: string): string {
  return toDecimalString(new D(value).abs().times(rate));
}
