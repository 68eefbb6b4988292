import { asRecord } from "../contract/json";
import { runConnectorContract } from "../contract/run-contract-suite";
import { createIbkrConnector } from "./index";
import { FAKE_IBKR, startFakeIbkr } from "./testing/fake-ibkr";

const start = new Date("2026-11-20T12:00:00Z").getTime();
let reads = 0;
// Time moves on between reads, as it does between syncs: each read sees fresh data
// instead of the connector's one-read-per-run cache, so every fault reaches the venue.
const now = () => new Date(start + ++reads * 61_000);
const TIMEOUT_MS = 400;

// With the gateway configured every stream is exercised: Flex (statement, fills, NAV) and
// the Client Portal (cash, positions, orders). Faults hit the live cash (ledger) read.
runConnectorContract({
  name: "ibkr",
  setup: async () => {
    const fake = await startFakeIbkr();
    fake.notReadyPolls = 1;
    const connector = createIbkrConnector({
      credentials: { flexToken: FAKE_IBKR.token },
      config: {
        flexQueryId: FAKE_IBKR.queryId,
        flexBaseUrl: fake.flexBaseUrl,
        flexTimeZone: "America/New_York",
        pollIntervalMs: 0,
        maxPolls: 3,
        gatewayUrl: fake.gatewayUrl,
      },
      now,
      // One attempt, so each injected fault surfaces instead of being retried away.
      http: { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: 1 } },
    });
    return { connector, fake: fake.server, secrets: [FAKE_IBKR.token], close: () => fake.close() };
  },
  timeoutMs: TIMEOUT_MS,
  since: new Date("2026-11-16T00:00:00Z"),
  quoteAssets: ["AAPL", "SAP", "EUR"],
  probe: {
    read: (c) => c.fetchBalances(),
    target: { path: "/v1/api/portfolio/U1234567/ledger" },
    removeRequiredField: (body) => {
      delete asRecord(asRecord(body).USD).cashbalance;
      return body;
    },
    addUnknownField: (body) => {
      asRecord(asRecord(body).USD).dividends = 0;
      return body;
    },
  },
  expects: { longPosition: true, shortPosition: true, orders: true, fills: true, quotes: true, cashFlows: true },
});
