// Dry-run DEX quotes against the fake OKX Web3 server over real HTTP: the fake checks the
// OK-ACCESS-* headers and the HMAC over the exact path and query, and prices routes from
// the EVM fixture (ETH 3500.12, USDC 0.9999 with 6 decimals, UNI 9.87; 0.1 % impact per 1,000 USD).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OkxWeb3Client } from "./client";
import { quoteSwapLegs, type SwapLeg } from "./dex-quote";
import { FAKE_OKX_WEB3, type FakeOkxWeb3, startFakeOkxWeb3 } from "./testing/fake-okx-web3";

const at = new Date("2026-11-20T10:00:00Z");
let fake: FakeOkxWeb3;
const credentials = { apiKey: FAKE_OKX_WEB3.apiKey, secretKey: FAKE_OKX_WEB3.secretKey, passphrase: FAKE_OKX_WEB3.passphrase };
const client = (secretKey: string = credentials.secretKey) => new OkxWeb3Client({ baseUrl: fake.baseUrl, credentials: { ...credentials, secretKey }, now: () => at, http: { retry: { maxAttempts: 1 } } });
const eth = `1:${FAKE_OKX_WEB3.evm.toLowerCase()}`;
const arb = `42161:${FAKE_OKX_WEB3.evm.toLowerCase()}`;

beforeAll(async () => {
  fake = await startFakeOkxWeb3({ now: () => at });
});
afterAll(async () => {
  await fake?.close();
});

describe("quoteSwapLegs against the fake DEX aggregator", () => {
  it("sell 0.5 ETH (1750.06 USD, impact 0.175006 %) → 1747.172007 USDC; minimum received at 0.5 % slippage 1738.436146965", async () => {
    const [q] = await quoteSwapLegs(client(), [{ id: "s", accountUid: eth, asset: "ETH", side: "sell", quantity: "0.5" }], { includeRiskTokens: false });
    expect(q).toEqual({
      id: "s",
      status: "quoted",
      chainIndex: "1",
      fromSymbol: "ETH",
      toSymbol: "USDC",
      fromAmount: "0.5",
      toAmount: "1747.172007",
      minimumReceived: "1738.436146965",
      priceImpactPercent: "-0.175006",
      networkFeeUsd: "1.25",
      estimatedGas: "180000",
      valueUsd: "1750.06",
    });
    const sent = fake.received.find((r) => r.path === "/api/v6/dex/aggregator/quote")!;
    expect(sent.query).toMatchObject({ chainIndex: "1", amount: "500000000000000000", swapMode: "exactIn", fromTokenAddress: "0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee" });
    expect(sent.headers["ok-access-sign"]).toBeTruthy();
  });

  it("buy 10 UNI: sized in USDC at OKX's prices (10 × 9.87 ÷ 0.9999 = 98.70987 USDC) → 9.999012900019739999 UNI", async () => {
    const [q] = await quoteSwapLegs(client(), [{ id: "b", accountUid: eth, asset: "UNI", side: "buy", quantity: "10" }], { includeRiskTokens: false });
    expect(q).toMatchObject({ status: "quoted", fromSymbol: "USDC", toSymbol: "UNI", fromAmount: "98.70987", toAmount: "9.999012900019739999", priceImpactPercent: "-0.0098699999013" });
  });

  it("answers each leg on its own: no route for PEPE, ARB not held, the ETH leg still quoted", async () => {
    const legs: SwapLeg[] = [
      { id: "pepe", accountUid: eth, asset: "PEPE", side: "sell", quantity: "1000" },
      { id: "arb", accountUid: arb, asset: "ARB", side: "buy", quantity: "5" },
      { id: "eth", accountUid: arb, asset: "ETH", side: "sell", quantity: "0.1" },
    ];
    const out = await quoteSwapLegs(client(), legs, { includeRiskTokens: false });
    expect(out.map((q) => [q.id, q.status])).toEqual([
      ["pepe", "failed"],
      ["arb", "failed"],
      ["eth", "quoted"],
    ]);
    expect(out[0]).toMatchObject({ message: expect.stringContaining("82000: Insufficient liquidity") });
    expect(out[1]).toMatchObject({ message: "ARB is not held in this wallet on this chain, so its token contract is unknown" });
    expect(out[2]).toMatchObject({ networkFeeUsd: "0.02", toSymbol: "USDC" });
  });

  it("a wrong secret is refused by the fake's signature check: every leg fails with the reason, none throws, no secret in it", async () => {
    const out = await quoteSwapLegs(client("WRONG-SECRET"), [{ id: "s", accountUid: eth, asset: "ETH", side: "sell", quantity: "0.5" }], { includeRiskTokens: false });
    expect(out[0]).toMatchObject({ status: "failed", message: expect.stringContaining("50113") });
    expect(JSON.stringify(out)).not.toContain("WRONG-SECRET");
  });
});
