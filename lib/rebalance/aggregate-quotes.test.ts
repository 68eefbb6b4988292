import { describe, expect, it } from "vitest";
import type { SwapQuote } from "@/lib/connectors/okx-web3/dex-quote";
import { aggregateQuotes } from "./dex-quotes";

const quoted = (id: string, valueUsd: string | null, impact: string | null, fee: string | null): SwapQuote => ({
  id,
  status: "quoted",
  chainIndex: "1",
  fromSymbol: "ETH",
  toSymbol: "USDC",
  fromAmount: "1",
  toAmount: "1",
  minimumReceived: "1",
  priceImpactPercent: impact,
  networkFeeUsd: fee,
  estimatedGas: "180000",
  valueUsd,
});

describe("aggregate slippage of the quoted legs", () => {
  it("1000 at −0.2 % and 3000 at −0.6 %: lost 2 + 18 = 20 of 4000 → 0.5 %; fees 1.25 + 0.75 = 2", () => {
    expect(aggregateQuotes([quoted("a", "1000", "-0.2", "1.25"), quoted("b", "3000", "-0.6", "0.75"), { id: "c", status: "failed", message: "no route" }])).toEqual({
      quoted: 2,
      failed: 1,
      aggregatePriceImpactPercent: "0.5",
      expectedSlippageUsd: "20",
      networkFeeUsd: "2",
    });
  });

  it("a leg without a reported impact is counted as quoted but weighs nothing; none at all → null, never 0", () => {
    expect(aggregateQuotes([quoted("a", "1000", null, null)])).toEqual({ quoted: 1, failed: 0, aggregatePriceImpactPercent: null, expectedSlippageUsd: "0", networkFeeUsd: "0" });
  });
});
