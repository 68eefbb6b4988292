import { asArray, asRecord } from "../contract/json";
import { runConnectorContract } from "../contract/run-contract-suite";
import { createOkxWeb3Connector } from "./index";
import { FAKE_OKX_WEB3, startFakeOkxWeb3 } from "./testing/fake-okx-web3";

const now = new Date("2026-11-20T10:00:00Z");
const TIMEOUT_MS = 400;

runConnectorContract({
  name: "okx_web3",
  setup: async () => {
    const fake = await startFakeOkxWeb3({ now: () => now });
    const connector = createOkxWeb3Connector({
      credentials: { apiKey: FAKE_OKX_WEB3.apiKey, secretKey: FAKE_OKX_WEB3.secretKey, passphrase: FAKE_OKX_WEB3.passphrase },
      config: {
        baseUrl: fake.baseUrl,
        wallets: [
          { address: FAKE_OKX_WEB3.evm, chains: ["1", "42161"] },
          { address: FAKE_OKX_WEB3.solana, chains: ["501"] },
        ],
        includeRiskTokens: false,
      },
      now: () => now,
      // One attempt, so each injected fault surfaces instead of being retried away.
      http: { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1 } },
    });
    return {
      connector,
      fake: fake.server,
      secrets: [FAKE_OKX_WEB3.apiKey, FAKE_OKX_WEB3.secretKey, FAKE_OKX_WEB3.passphrase],
      close: () => fake.close(),
    };
  },
  timeoutMs: TIMEOUT_MS,
  since: new Date("2026-11-13T00:00:00Z"),
  quoteAssets: ["ETH", "USDC", "SOL"],
  probe: {
    // Account values are read afresh on every call (balances share one read per run).
    read: (c) => c.fetchAccounts(),
    target: { path: "/api/v6/dex/balance/total-value-by-address" },
    removeRequiredField: (body) => {
      delete asRecord(asArray(asRecord(body).data)[0]).totalValue;
      return body;
    },
    addUnknownField: (body) => {
      asRecord(asArray(asRecord(body).data)[0]).defiValue = "0";
      return body;
    },
  },
  errorBodies: {
    "401": '{"code":"50113","msg":"Invalid Sign","data":[]}',
    "429": '{"code":"50011","msg":"Rate limit reached. Please refer to API documentation and throttle requests accordingly","data":[]}',
    "500": '{"code":"50026","msg":"System error. Try again later","data":[]}',
  },
  expects: { longPosition: false, shortPosition: false, orders: false, fills: false, quotes: true, cashFlows: true },
});
