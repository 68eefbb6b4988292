import { runConnectorContract } from "@/lib/connectors/contract/run-contract-suite";
import { asArray, asRecord, firstOf } from "@/lib/connectors/contract/json";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { okxConfigSchema } from "./config";
import { FakeOkx, OKX_TEST_CREDENTIALS } from "./fake-okx";
import { OkxConnector } from "./index";

const NOW = new Date("2026-11-20T10:00:00Z");

runConnectorContract({
  name: "okx",
  setup: async () => {
    const fake = await FakeOkx.start({ now: () => NOW.getTime() });
    const connector = new OkxConnector({
      credentials: OKX_TEST_CREDENTIALS,
      config: okxConfigSchema.parse({ timeoutMs: 400 }),
      now: () => NOW,
      fetchImplementation: fake.fetch,
      enableRateLimit: false,
      marketCache: new MarketCache(),
    });
    return {
      connector,
      fake,
      secrets: [OKX_TEST_CREDENTIALS.apiKey, OKX_TEST_CREDENTIALS.secret, OKX_TEST_CREDENTIALS.passphrase],
      close: () => fake.close(),
    };
  },
  timeoutMs: 400,
  since: new Date("2026-11-13T10:00:00Z"),
  quoteAssets: ["BTC", "ETH", "USDT", "OKB"],
  probe: {
    read: (c) => c.fetchBalances(),
    target: { method: "GET", path: "/api/v5/account/balance" },
    removeRequiredField: (body) => {
      delete firstOf(firstOf(asRecord(body), "data"), "details").ccy;
      return body;
    },
    addUnknownField: (body) => {
      const account = firstOf(asRecord(body), "data");
      account.delta = "0";
      for (const d of asArray(account.details)) asRecord(d).colBorrAutoConversion = "0";
      return body;
    },
  },
  errorBodies: {
    "401": '{"code":"50111","msg":"Invalid OK-ACCESS-KEY.","data":[]}',
    "429": '{"code":"50011","msg":"Too Many Requests","data":[]}',
    "500": '{"code":"50001","msg":"Service temporarily unavailable, please try again later.","data":[]}',
  },
  expects: { longPosition: true, shortPosition: true, orders: true, fills: true, quotes: true, cashFlows: true },
});
