import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sectorOf } from "@/lib/engines/classify";
import { ConnectorError } from "../errors";
import { createOkxWeb3Connector } from "./index";
import type { OkxWeb3Config } from "./settings";
import { FAKE_OKX_WEB3, type FakeOkxWeb3, startFakeOkxWeb3 } from "./testing/fake-okx-web3";

const now = new Date("2026-11-20T10:00:00Z");
const EVM = FAKE_OKX_WEB3.evm.toLowerCase();
let fake: FakeOkxWeb3;

beforeAll(async () => {
  fake = await startFakeOkxWeb3({ now: () => now });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
});

function connector(over: Partial<OkxWeb3Config> = {}, secretKey: string = FAKE_OKX_WEB3.secretKey) {
  return createOkxWeb3Connector({
    credentials: { apiKey: FAKE_OKX_WEB3.apiKey, secretKey, passphrase: FAKE_OKX_WEB3.passphrase, projectId: FAKE_OKX_WEB3.projectId },
    config: {
      baseUrl: fake.baseUrl,
      wallets: [
        { address: FAKE_OKX_WEB3.evm, chains: ["1", "42161", "8453"], label: "Treasury" },
        { address: FAKE_OKX_WEB3.solana, chains: ["501"] },
      ],
      includeRiskTokens: false,
      ...over,
    },
    now: () => now,
    http: { timeoutMs: 500, sleep: async () => {} },
  });
}

describe("OKX Web3 wallets against the fake API", () => {
  it("makes one wallet account per address and chain, valued by OKX in USD", async () => {
    expect((await connector().fetchAccounts()).items).toEqual([
      { accountUid: `1:${EVM}`, name: `Ethereum ${EVM}`, alias: "Treasury", venue: "okx_web3", kind: "wallet", balanceUsd: "9934.8299509999" },
      { accountUid: `42161:${EVM}`, name: `Arbitrum One ${EVM}`, alias: "Treasury", venue: "okx_web3", kind: "wallet", balanceUsd: "1015.129025" },
      { accountUid: `8453:${EVM}`, name: `Base ${EVM}`, alias: "Treasury", venue: "okx_web3", kind: "wallet", balanceUsd: "0" },
      { accountUid: `501:${FAKE_OKX_WEB3.solana}`, name: `Solana ${FAKE_OKX_WEB3.solana}`, alias: undefined, venue: "okx_web3", kind: "wallet", balanceUsd: "2510" },
    ]);
  });

  it("reads token balances across chains in one call per address, without risk tokens or dust at zero", async () => {
    const balances = (await connector().fetchBalances()).items;
    expect(balances.map((b) => [b.accountUid, b.asset, b.total])).toEqual([
      [`1:${EVM}`, "ETH", "1.5"],
      [`1:${EVM}`, "USDC", "2500.500001"],
      [`1:${EVM}`, "UNI", "120"],
      [`42161:${EVM}`, "ETH", "0.25"],
      [`42161:${EVM}`, "USDC", "100"],
      // A second token calling itself USDC on the same chain stays apart, named by its contract.
      [`42161:${EVM}`, "USDC:0xff970a61a04b1ca14834a43f5de4533ebddb5cc8", "40.25"],
      [`1:${EVM}`, "PEPE", "25000000"],
      [`501:${FAKE_OKX_WEB3.solana}`, "SOL", "12.5"],
      [`501:${FAKE_OKX_WEB3.solana}`, "JUP", "300"],
    ]);
    const calls = fake.received.filter((r) => r.path.endsWith("/all-token-balances-by-address"));
    expect(calls.map((r) => [r.query.address, r.query.chains, r.query.excludeRiskToken])).toEqual([
      [EVM, "1,42161,8453", "0"],
      [FAKE_OKX_WEB3.solana, "501", "0"],
    ]);
    expect(calls.every((r) => r.headers["ok-access-project"] === FAKE_OKX_WEB3.projectId)).toBe(true);
  });

  it("keeps risk tokens when asked to", async () => {
    const assets = (await connector({ includeRiskTokens: true }).fetchBalances()).items.map((b) => b.asset);
    expect(assets).toContain("FREE-AIRDROP.COM");
    expect(fake.received.find((r) => r.path.endsWith("/all-token-balances-by-address"))!.query.excludeRiskToken).toBe("1");
  });

  it("prices in USD from the balances, asking the market price endpoint only for tokens left unpriced", async () => {
    const quotes = (await connector().fetchQuotes(["ETH", "USDC", "UNI", "PEPE", "SOL", "JUP", "USDC:0xff970a61a04b1ca14834a43f5de4533ebddb5cc8", "BTC"])).items;
    expect(quotes.map((q) => [q.base, q.quote, q.price])).toEqual([
      ["ETH", "USD", "3500.12"],
      ["USDC", "USD", "0.9999"],
      ["UNI", "USD", "9.87"],
      ["USDC:0xff970a61a04b1ca14834a43f5de4533ebddb5cc8", "USD", "1.0001"],
      ["PEPE", "USD", "0.0000123"],
      ["SOL", "USD", "180.4"],
      ["JUP", "USD", "0.85"],
    ]);
    const priceCalls = fake.received.filter((r) => r.path === "/api/v6/dex/market/price");
    expect(priceCalls.map((r) => JSON.parse(r.body) as unknown)).toEqual([[{ chainIndex: "1", tokenContractAddress: "0x6982508145454ce325ddbe47a25d4ec3d2311933" }]]);
  });

  it("maps each wallet token to a sector through the engines' sector data", async () => {
    const assets = [...new Set((await connector().fetchBalances()).items.map((b) => b.asset))];
    expect(Object.fromEntries(assets.map((a) => [a, sectorOf(a)]))).toEqual({
      ETH: "Smart contract platform",
      USDC: "Stablecoin",
      UNI: "DeFi",
      "USDC:0xff970a61a04b1ca14834a43f5de4533ebddb5cc8": "Unclassified",
      PEPE: "Meme",
      SOL: "Smart contract platform",
      JUP: "DeFi",
    });
  });

  it("reports a bad signature as auth, with no key material in the message", async () => {
    const e = await connector({}, "WRONG-SECRET-000000000000").testConnection().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ kind: "auth", message: "okx_web3 GET /api/v6/dex/balance/total-value-by-address: HTTP 401 code 50113: Invalid Sign" });
    for (const s of [FAKE_OKX_WEB3.apiKey, FAKE_OKX_WEB3.passphrase, "WRONG-SECRET-000000000000"]) expect((e as Error).message).not.toContain(s);
  });
});
