import { asRecord, firstOf } from "../contract/json";
import { runConnectorContract } from "../contract/run-contract-suite";
import { createOneTokenConnector } from "./index";
import { FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET, startFakeOneToken } from "./testing/fake-onetoken";

const now = new Date("2026-11-20T10:30:00Z");
const TIMEOUT_MS = 400;

runConnectorContract({
  name: "onetoken",
  setup: async () => {
    const fake = await startFakeOneToken({ now: () => now });
    const connector = createOneTokenConnector({
      credentials: { apiKey: FAKE_ONETOKEN_KEY, apiSecret: FAKE_ONETOKEN_SECRET },
      config: { baseUrl: fake.baseUrl, navFrequency: "daily" },
      now: () => now,
      // One attempt, so each injected fault surfaces instead of being retried away.
      http: { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1 } },
    });
    return { connector, fake: fake.server, secrets: [FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET], close: () => fake.close() };
  },
  timeoutMs: TIMEOUT_MS,
  since: new Date("2026-11-13T10:00:00Z"),
  quoteAssets: ["BTC", "USDT", "USDC"],
  probe: {
    // testConnection always re-reads the funds (the streams share one read per run).
    read: (c) => c.testConnection(),
    target: { path: "/api/v1/fundv3/openapi/portfolio/get-portfolio-detail" },
    removeRequiredField: (body) => {
      const first = firstOf(asRecord(asRecord(body).result), "fund_children");
      delete first.child_name;
      return body;
    },
    addUnknownField: (body) => {
      firstOf(asRecord(asRecord(body).result), "fund_children").risk_level = "medium";
      return body;
    },
  },
  errorBodies: { "401": '{"code":"auth-failed","message":"invalid signature"}' },
  expects: { longPosition: true, shortPosition: true, orders: false, fills: false, quotes: true, cashFlows: true },
});
