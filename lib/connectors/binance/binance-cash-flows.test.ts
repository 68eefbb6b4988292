import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { cashFlowSchema } from "@/lib/connectors/domain-schemas";
import { ConnectorError } from "@/lib/connectors/errors";
import { binanceConfigSchema } from "./config";
import { BINANCE_EXAMPLE_CREDENTIALS, defaultBinanceState, FakeBinance } from "./fake-binance";
import { BinanceConnector, type BinanceConnectorOptions } from "./index";

const T1 = new Date("2026-11-20T10:00:00Z");
const DAY = 86_400_000;
const WEEK_AGO = new Date(T1.getTime() - 7 * DAY);

let fake: FakeBinance;
beforeAll(async () => {
  fake = await FakeBinance.start({ weightClock: () => Date.UTC(2026, 10, 20, 10, 0, 42, 500), now: () => T1.getTime() });
});
afterAll(async () => fake.close());
beforeEach(() => {
  fake.state = defaultBinanceState();
  fake.clearRequests();
  fake.clearFaults();
  fake.resetWeight();
});

function connector(config: Record<string, unknown> = {}, extra: Partial<BinanceConnectorOptions> = {}) {
  return new BinanceConnector({
    credentials: BINANCE_EXAMPLE_CREDENTIALS,
    config: binanceConfigSchema.parse(config),
    now: () => T1,
    fetchImplementation: fake.fetch,
    enableRateLimit: false,
    marketCache: new MarketCache(),
    ...extra,
  });
}

const requestsTo = (path: string) => fake.requests.filter((r) => r.path === path);

describe("Binance cash flows (deposit and withdrawal history)", () => {
  it("reads the spot and funding wallets' deposits and withdrawals, exact, with Binance's statuses mapped", async () => {
    const { items, raw } = await connector().fetchCashFlows({ since: WEEK_AGO });
    for (const f of items) expect(cashFlowSchema.safeParse(f).success).toBe(true);
    const row = (id: string) => items.find((f) => f.venueFlowId === id)!;
    expect(items.map((f) => [f.venueFlowId, f.accountUid, f.kind, f.asset, f.amount, f.status, f.venueStatus])).toEqual([
      // Wrong deposit: never credited.
      ["deposit:769800519366885380", "spot", "deposit", "BUSD", "1000", "failed", "7"],
      ["withdrawal:e9d155e6ddb7754310374d1180b2950f", "spot", "withdrawal", "USDT", "150", "failed", "1"],
      ["deposit:769800519366885379", "funding", "deposit", "USDC", "500", "confirmed", "1"],
      ["withdrawal:b6ae22b3aa844210a7041aee7589627c", "spot", "withdrawal", "USDT", "2500", "confirmed", "6"],
      // Credited but not yet withdrawable: the balance already holds it.
      ["deposit:769800519366885378", "spot", "deposit", "ETH", "2.1", "confirmed", "6"],
      ["deposit:769800519366885376", "spot", "deposit", "BTC", "0.25", "confirmed", "1"],
      ["withdrawal:c7bf33c4bb955321b8152bff8690738d", "spot", "withdrawal", "BTC", "0.1", "failed", "5"],
      ["deposit:769800519366885377", "spot", "deposit", "USDT", "12000", "pending", "0"],
      ["withdrawal:d8c044d5cca6643209263c0079a1849e", "funding", "withdrawal", "ETH", "1.2", "pending", "4"],
    ]);
    expect(row("deposit:769800519366885376")).toMatchObject({
      at: new Date("2026-11-19T08:30:00Z"),
      txId: "5e8b0c1f8d0a3f6c2b7e9d4a1c3f5e7a9b0d2c4e6f8a1b3c5d7e9f0a2b4c6d8e",
      network: "BTC",
      source: "venue",
    });
    // applyTime is UTC text; the fee is the account's cost, apart from the amount sent.
    expect(row("withdrawal:b6ae22b3aa844210a7041aee7589627c")).toMatchObject({ at: new Date("2026-11-18T09:12:44Z"), fee: "1", feeAsset: "USDT" });
    expect(row("withdrawal:c7bf33c4bb955321b8152bff8690738d").description).toBe("The address is not valid. Please confirm with the recipient");
    expect(row("withdrawal:e9d155e6ddb7754310374d1180b2950f").fee).toBeUndefined();
    expect(raw.map((r) => r.endpoint)).toEqual(["GET /sapi/v1/capital/deposit/hisrec", "GET /sapi/v1/capital/withdraw/history"]);
    expect(row("deposit:769800519366885376").raw).toMatchObject({ confirmTimes: "2/2", insertTime: 1795077000000 });
  });

  it("own-wallet transfers are not flows: only the two histories are read; a transfer from another Binance account is a deposit", async () => {
    const { items } = await connector().fetchCashFlows({ since: WEEK_AGO });
    expect(fake.requests.map((r) => r.path)).toEqual(["/sapi/v1/capital/deposit/hisrec", "/sapi/v1/capital/withdraw/history"]);
    const offChain = items.find((f) => f.venueFlowId === "deposit:769800519366885379")!;
    expect(offChain).toMatchObject({ kind: "deposit", txId: "Internal transfer 51376627901", description: "off-chain transfer within Binance" });
    expect(offChain.internal).toBeUndefined();
  });

  it("reads back from the cursor minus an hour, in windows under 90 days, so a long backfill reaches old flows", async () => {
    const since = new Date(T1.getTime() - 200 * DAY);
    const { items } = await connector().fetchCashFlows({ since });
    expect(items.map((f) => f.venueFlowId)).toContain("deposit:761002938475610001");
    const windows = requestsTo("/sapi/v1/capital/deposit/hisrec").map((r) => [Number(r.params.startTime), Number(r.params.endTime)]);
    expect(windows).toHaveLength(3);
    expect(windows[0]![0]).toBe(since.getTime() - 3_600_000);
    expect(windows.at(-1)![1]).toBe(T1.getTime());
    for (const [s, e] of windows) expect(e! - s!).toBeLessThan(90 * DAY);
    for (let i = 1; i < windows.length; i++) expect(windows[i]![0]).toBe(windows[i - 1]![1]! + 1);
    expect(requestsTo("/sapi/v1/capital/withdraw/history")).toHaveLength(3);
  });

  it("pages a full window with offset until a short page", async () => {
    const base = fake.state.deposits[0]!;
    for (let i = 0; i < 1500; i++) {
      fake.state.deposits.push({ ...base, id: `9${String(i).padStart(17, "0")}`, amount: "1", insertTime: T1.getTime() - 2 * DAY - i * 60_000 });
    }
    const { items } = await connector().fetchCashFlows({ since: WEEK_AGO });
    expect(items.filter((f) => f.kind === "deposit")).toHaveLength(1505);
    expect(requestsTo("/sapi/v1/capital/deposit/hisrec").map((r) => [r.params.offset, r.params.limit])).toEqual([
      ["0", "1000"],
      ["1000", "1000"],
    ]);
  });

  it("a pending deposit is read again from `pendingSince` and comes back confirmed", async () => {
    const c = connector();
    const first = await c.fetchCashFlows({ since: WEEK_AGO });
    const usdt = first.items.find((f) => f.venueFlowId === "deposit:769800519366885377")!;
    expect(usdt.status).toBe("pending");

    fake.state.deposits.find((d) => d.id === "769800519366885377")!.status = 1;
    // The next run's cursor is past the deposit's time: without pendingSince it is not read.
    const later = new Date(T1.getTime() + 2 * 3_600_000);
    const next = connector({}, { now: () => later });
    const missed = await next.fetchCashFlows({ since: new Date(T1.getTime() + 3_600_000) });
    expect(missed.items.map((f) => f.venueFlowId)).not.toContain("deposit:769800519366885377");
    const seen = await next.fetchCashFlows({ since: new Date(T1.getTime() + 3_600_000), pendingSince: usdt.at });
    expect(seen.items.find((f) => f.venueFlowId === "deposit:769800519366885377")).toMatchObject({ status: "confirmed", venueStatus: "1", amount: "12000" });
  });

  it("withdrawal history counts against the account's UID weight, and the budget waits for the next minute", async () => {
    const sleeps: number[] = [];
    let clock = Date.UTC(2026, 10, 20, 10, 0, 42, 500);
    const sleep = async (ms: number) => {
      sleeps.push(ms);
      clock += ms;
      fake.resetWeight();
    };
    // A 10 % share of 180 000 is one withdrawal-history call a minute.
    const c = connector({ weightBudgetShare: 0.1 }, { budgetClock: () => clock, sleep });
    await c.fetchCashFlows({ since: new Date(T1.getTime() - 100 * DAY) });
    expect(requestsTo("/sapi/v1/capital/withdraw/history")).toHaveLength(2);
    expect(sleeps).toEqual([17_750]);
    expect(c.requestStats().usedWeight.sapi_uid).toBe(18000);
  });

  it("testnet and demo have no wallet history: no capability, and a read is refused", async () => {
    const c = connector({ environment: "testnet" });
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
