import { asRecord, firstOf } from "../contract/json";
import { runConnectorContract } from "../contract/run-contract-suite";
import { createGrowwConnector } from "./index";
import { FAKE_GROWW, startFakeGroww } from "./testing/fake-groww";
import type { CachedToken } from "./token";

const now = new Date("2026-11-20T09:40:00Z");
const TIMEOUT_MS = 400;

runConnectorContract({
  name: "groww",
  setup: async () => {
    const fake = await startFakeGroww({ now: () => now });
    const connector = createGrowwConnector({
      credentials: { mode: "access_token", accessToken: FAKE_GROWW.accessToken },
      config: { baseUrl: fake.baseUrl, segments: ["CASH", "FNO"] },
      now: () => now,
      // One attempt, so each injected fault surfaces instead of being retried away.
      http: { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1 } },
      tokenCache: new Map<string, CachedToken>(),
    });
    return { connector, fake: fake.server, secrets: [FAKE_GROWW.accessToken], close: () => fake.close() };
  },
  timeoutMs: TIMEOUT_MS,
  since: new Date("2026-11-20T00:00:00Z"),
  quoteAssets: ["RELIANCE", "INFY", "INR"],
  probe: {
    read: (c) => c.fetchBalances(),
    target: { path: "/v1/holdings/user" },
    removeRequiredField: (body) => {
      delete firstOf(asRecord(asRecord(body).payload), "holdings").quantity;
      return body;
    },
    addUnknownField: (body) => {
      firstOf(asRecord(asRecord(body).payload), "holdings").haircut = 0.2;
      return body;
    },
  },
  errorBodies: {
    "401": '{"status":"FAILURE","error":{"code":"GA005","message":"Access token is invalid or expired","metadata":null}}',
    "429": '{"status":"FAILURE","error":{"code":"GA006","message":"Too many requests","metadata":null}}',
    "500": '{"status":"FAILURE","error":{"code":"GA000","message":"Internal error occurred","metadata":null}}',
  },
  expects: { longPosition: true, shortPosition: true, orders: true, fills: true, quotes: true, cashFlows: false },
});
