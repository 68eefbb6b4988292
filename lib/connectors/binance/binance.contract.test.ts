import { runConnectorContract } from "@/lib/connectors/contract/run-contract-suite";
import { asArray, asRecord, firstOf } from "@/lib/connectors/contract/json";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { binanceConfigSchema } from "./config";
import { BINANCE_EXAMPLE_CREDENTIALS, FakeBinance } from "./fake-binance";
import { BinanceConnector } from "./index";

const NOW = new Date("2026-11-20T10:00:00Z");

runConnectorContract({
  name: "binance",
  setup: async () => {
    const fake = await FakeBinance.start();
    const connector = new BinanceConnector({
      credentials: BINANCE_EXAMPLE_CREDENTIALS,
      config: binanceConfigSchema.parse({ timeoutMs: 400 }),
      now: () => NOW,
      fetchImplementation: fake.fetch,
      enableRateLimit: false,
      marketCache: new MarketCache(),
    });
    return {
      connector,
      fake,
      secrets: [BINANCE_EXAMPLE_CREDENTIALS.apiKey, BINANCE_EXAMPLE_CREDENTIALS.secret],
      close: () => fake.close(),
    };
  },
  timeoutMs: 400,
  since: new Date("2026-11-13T10:00:00Z"),
  quoteAssets: ["BTC", "ETH", "USDT", "BNB", "USDC"],
  probe: {
    read: (c) => c.fetchBalances(),
    target: { method: "GET", path: "/api/v3/account" },
    removeRequiredField: (body) => {
      delete firstOf(asRecord(body), "balances").free;
      return body;
    },
    addUnknownField: (body) => {
      const b = asRecord(body);
      b.commissionRatesV2 = { maker: "0.001" };
      for (const row of asArray(b.balances)) asRecord(row).earnLocked = "0";
      return b;
    },
  },
  errorBodies: {
    "401": '{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}',
    "418": '{"code":-1003,"msg":"Way too many requests; IP(127.0.0.1) banned until 1795169000000."}',
    "429": '{"code":-1003,"msg":"Too many requests; current limit of IP(127.0.0.1) is 6000 requests per minute."}',
    "500": '{"code":-1001,"msg":"Internal error; unable to process your request. Please try again."}',
  },
  expects: { longPosition: true, shortPosition: true, orders: true, fills: true, quotes: true, cashFlows: true },
});
