import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { cashFlowSchema } from "@/lib/connectors/domain-schemas";
import { ConnectorError } from "@/lib/connectors/errors";
import { okxConfigSchema } from "./config";
import { defaultOkxState, FakeOkx, OKX_TEST_CREDENTIALS } from "./fake-okx";
import { OkxConnector, type OkxConnectorOptions } from "./index";

const T1 = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;
const WEEK_AGO = new Date(T1.getTime() - 7 * DAY);

let fake: FakeOkx;
beforeAll(async () => {
  fake = await FakeOkx.start({ now: () => T1.getTime() });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.state = defaultOkxState();
  fake.clearRequests();
  fake.clearFaults();
});

function connector(config: Record<string, unknown> = {}, extra: Partial<OkxConnectorOptions> = {}) {
  return new OkxConnector({
    credentials: OKX_TEST_CREDENTIALS,
    config: okxConfigSchema.parse(config),
    now: () => T1,
    fetchImplementation: fake.fetch,
    enableRateLimit: false,
    marketCache: new MarketCache(),
    ...extra,
  });
}

const requestsTo = (path: string) => fake.requests.filter((r) => r.path === path);

describe("OKX cash flows (funding account deposit and withdrawal history)", () => {
  it("reads deposits and withdrawals with OKX's states mapped, exact amounts and fees", async () => {
    const { items, raw } = await connector().fetchCashFlows({ since: WEEK_AGO });
    for (const f of items) expect(cashFlowSchema.safeParse(f).success).toBe(true);
    expect(items.map((f) => [f.venueFlowId, f.accountUid, f.asset, f.amount, f.status, f.venueStatus])).toEqual([
      ["withdrawal:15447424", "funding", "USDT", "400", "confirmed", "2"],
      // "Credited": in the balance, not yet withdrawable.
      ["deposit:88013936", "funding", "ETH", "3", "confirmed", "1"],
      ["deposit:88013935", "funding", "USDC", "250", "confirmed", "2"],
      ["withdrawal:15447422", "funding", "USDT", "3000", "failed", "-1"],
      ["deposit:88013933", "funding", "BTC", "0.5", "confirmed", "2"],
      ["withdrawal:15447421", "funding", "ETH", "1.25", "confirmed", "2"],
      ["deposit:88013934", "funding", "USDT", "8000", "pending", "0"],
      // Waiting for manual review.
      ["withdrawal:15447423", "funding", "USDT", "1500", "pending", "4"],
    ]);
    const eth = items.find((f) => f.venueFlowId === "withdrawal:15447421")!;
    expect(eth).toMatchObject({
      kind: "withdrawal",
      at: new Date("2026-11-19T20:00:00Z"),
      fee: "0.007",
      feeAsset: "ETH",
      network: "ETH-Ethereum",
      txId: "0x62477bac6509a04512819bb1455e923a60dea5966c7caeaa0b24eb8fb0432b85",
    });
    expect(raw.map((r) => r.endpoint)).toEqual(["GET /api/v5/asset/deposit-history", "GET /api/v5/asset/withdrawal-history"]);
    // The window starts an hour before the cursor: `before` is exclusive.
    expect(requestsTo("/api/v5/asset/deposit-history")[0]!.params).toMatchObject({ before: String(WEEK_AGO.getTime() - HOUR - 1), limit: "100" });
  });

  it("own funding ↔ trading transfers are not read; a transfer from or to another OKX account is a flow", async () => {
    const { items } = await connector().fetchCashFlows({ since: WEEK_AGO });
    expect([...new Set(fake.requests.map((r) => r.path))]).toEqual(["/api/v5/asset/deposit-history", "/api/v5/asset/withdrawal-history"]);
    expect(items.find((f) => f.venueFlowId === "deposit:88013935")).toMatchObject({
      kind: "deposit",
      description: "off-chain transfer within OKX (withdrawal 15447500)",
    });
    expect(items.find((f) => f.venueFlowId === "withdrawal:15447424")).toMatchObject({ kind: "withdrawal", description: "off-chain transfer within OKX" });
    expect(items.every((f) => f.internal === undefined)).toBe(true);
  });

  it("pages newest-first below the oldest time seen, without losing rows that share a millisecond across pages", async () => {
    const base = fake.state.deposits[0]!;
    const start = T1.getTime() - 3 * DAY;
    for (let i = 0; i < 230; i++) {
      // Rows 95…104 share one millisecond: the first page ends inside that group.
      const ts = i >= 95 && i <= 104 ? start + 95 * 60_000 : start + i * 60_000;
      fake.state.deposits.push({ ...base, depId: String(90000000 + i), amt: "1", ts: String(ts) });
    }
    const { items } = await connector().fetchCashFlows({ since: WEEK_AGO });
    expect(items.filter((f) => f.kind === "deposit")).toHaveLength(234);
    const afters = requestsTo("/api/v5/asset/deposit-history").map((r) => r.params.after);
    expect(afters[0]).toBeUndefined();
    expect(afters.length).toBeGreaterThanOrEqual(3);
  });

  it("a pending deposit is read again from `pendingSince` and comes back confirmed", async () => {
    const first = await connector().fetchCashFlows({ since: WEEK_AGO });
    const usdt = first.items.find((f) => f.venueFlowId === "deposit:88013934")!;
    expect(usdt.status).toBe("pending");
    fake.state.deposits.find((d) => d.depId === "88013934")!.state = "2";

    const later = new Date(T1.getTime() + 3 * HOUR);
    const since = new Date(T1.getTime() + 2 * HOUR);
    const next = connector({}, { now: () => later });
    expect((await next.fetchCashFlows({ since })).items.map((f) => f.venueFlowId)).not.toContain("deposit:88013934");
    const seen = await next.fetchCashFlows({ since, pendingSince: usdt.at });
    expect(seen.items.find((f) => f.venueFlowId === "deposit:88013934")).toMatchObject({ status: "confirmed", venueStatus: "2" });
  });

  it("demo trading has no deposits or withdrawals: no capability, and a read is refused", async () => {
    const c = connector({ environment: "demo" });
    expect(c.capabilities).not.toContain("cash_flows");
    const e = await c.fetchCashFlows({}).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(ConnectorError);
    expect((e as ConnectorError).kind).toBe("invalid_request");
    expect(fake.requests).toHaveLength(0);
  });
});
