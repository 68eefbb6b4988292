import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConnectorError } from "../errors";
import { createOneTokenConnector, type OneTokenConnectorOptions } from "./index";
import { FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET, type FakeOneToken, startFakeOneToken } from "./testing/fake-onetoken";

let now = new Date("2026-11-20T10:30:00Z");
let fake: FakeOneToken;

beforeAll(async () => {
  fake = await startFakeOneToken({ now: () => now });
});
afterAll(() => fake.close());
beforeEach(() => {
  now = new Date("2026-11-20T10:30:00Z");
  fake.received.length = 0;
  fake.server.clearFaults();
  fake.server.clearRequests();
});

function connector(over: Partial<OneTokenConnectorOptions["config"]> = {}, secret = FAKE_ONETOKEN_SECRET) {
  return createOneTokenConnector({
    credentials: { apiKey: FAKE_ONETOKEN_KEY, apiSecret: secret },
    config: { baseUrl: fake.baseUrl, navFrequency: "daily", ...over },
    now: () => now,
    http: { sleep: async () => {}, timeoutMs: 500 },
  });
}

describe("1Token connector against the fake tenant", () => {
  it("lists funds as portfolios and their exchange accounts as trading accounts", async () => {
    const c = connector();
    const portfolios = (await c.fetchPortfolios()).items;
    expect(portfolios).toEqual([
      {
        externalId: "fund/h47z03",
        name: "Alpha BTC Fund",
        alias: "Alpha BTC Fund",
        dataSource: "1token",
        baseCurrency: "USD",
        department: undefined,
        inceptionAt: new Date("2026-11-01T00:00:00Z"),
      },
      {
        externalId: "fund/q3lm88",
        name: "Beta Coin-Margined Fund",
        alias: "Beta Coin-Margined Fund",
        dataSource: "1token",
        baseCurrency: "BTC",
        department: undefined,
        inceptionAt: new Date("2026-11-16T00:00:00Z"),
      },
    ]);
    const accounts = (await c.fetchAccounts()).items;
    expect(accounts[0]).toEqual({
      accountUid: "1token/tradeacc/bitmexprop/vsgm1h",
      name: "1token/tradeacc/bitmexprop/vsgm1h",
      alias: "AC_TG_07_BTC",
      venue: "bitmex",
      kind: "spot",
      portfolioExternalId: "fund/h47z03",
      balanceUsd: "1523904.118204",
    });
    expect(accounts.map((a) => [a.accountUid, a.balanceUsd, a.portfolioExternalId])).toEqual([
      ["1token/tradeacc/bitmexprop/vsgm1h", "1523904.118204", "fund/h47z03"],
      ["1token/tradeacc/binance/k2p9wq/sub-hedge", "250000.5", "fund/h47z03"],
      ["1token/tradeacc/okx/zz81aa", "98765.4321", "fund/q3lm88"],
      // A fund-level asset row with no account alias gets an account of its own.
      ["fund/q3lm88#fund", undefined, "fund/q3lm88"],
    ]);
    // Every request was signed correctly: the fake answers 401 otherwise.
    expect(fake.received.every((r) => r.headers["api-key"] === FAKE_ONETOKEN_KEY)).toBe(true);
    expect(fake.server.requests.every((r) => r.status === 200)).toBe(true);
  });

  it("reads the latest hourly snapshot into signed balances and positions across instrument types", async () => {
    const c = connector();
    const balances = (await c.fetchBalances()).items;
    expect(balances).toEqual([
      { accountUid: "1token/tradeacc/bitmexprop/vsgm1h", asset: "BTC", wallet: "spot", free: "12.25", locked: "0", total: "12.25" },
      {
        accountUid: "1token/tradeacc/binance/k2p9wq/sub-hedge",
        asset: "USDT",
        wallet: "spot",
        free: "150000.123456789012345678",
        locked: "0",
        total: "150000.123456789012345678",
      },
      { accountUid: "1token/tradeacc/okx/zz81aa", asset: "ETH", wallet: "margin", free: "30", locked: "0", total: "30" },
      { accountUid: "fund/q3lm88#fund", asset: "SOL", wallet: "spot", free: "100", locked: "0", total: "100" },
    ]);
    const positions = (await c.fetchPositions()).items;
    expect(positions).toEqual([
      {
        accountUid: "1token/tradeacc/binance/k2p9wq/sub-hedge",
        symbol: "binance/btc.usdt.usdt.swap",
        underlying: "BTC",
        quoteCurrency: "USD",
        settleCurrency: "USD",
        instrumentType: "perpetual",
        side: "short",
        quantity: "-2",
        entryPrice: "96000",
        markPrice: "95238.095",
        notional: "-190476.19",
        unrealizedPnl: "1523.81",
      },
      {
        accountUid: "1token/tradeacc/bitmexprop/vsgm1h",
        symbol: "deribit/btc-27nov26-100000-c.option",
        underlying: "BTC",
        quoteCurrency: "USD",
        settleCurrency: "USD",
        instrumentType: "option",
        side: "long",
        quantity: "5",
        entryPrice: "2550.1",
        markPrice: "2500",
        notional: "12500",
        unrealizedPnl: "-250.5",
      },
    ]);
    // One read of the funds serves all streams of a run.
    expect(fake.received.filter((r) => r.path.endsWith("/list-portfolio"))).toHaveLength(1);
  });

  it("prices assets from 1Token's own valuation, then its quote endpoint; unknown assets are left out", async () => {
    const quotes = (await connector().fetchQuotes(["BTC", "USDT", "USDC", "ETH", "NOPE", "USD"])).items;
    expect(quotes.map((q) => [q.base, q.quote, q.price])).toEqual([
      ["BTC", "USD", "95238.095"],
      ["USDT", "USD", "1.0001"],
      ["ETH", "USD", "3500"],
      ["USDC", "USD", "1"],
    ]);
  });

  it("reads the full NAV history from inception, in windows, with nanosecond snapshot ids kept exact", async () => {
    const points = (await connector().fetchNav({})).items;
    const alpha = points.filter((p) => p.portfolioExternalId === "fund/h47z03");
    expect(alpha).toHaveLength(20); // 1 Nov … 20 Nov, one point a day
    expect(alpha[0]).toMatchObject({
      snapshotId: "fund/h47z03@1793491200123456789",
      at: new Date("2026-11-01T00:00:00.123Z"),
      currency: "USD",
      netAssets: "1000000",
      navPerUnit: "1",
      netReturn: undefined,
      grossReturn: undefined,
    });
    expect(alpha[1]).toMatchObject({ netAssets: "1000500", navPerUnit: "1.0005", netReturn: "0.0005", grossReturn: "0.0005" });
    expect(alpha[19]).toMatchObject({ snapshotId: "fund/h47z03@1795132800123456789", navPerUnit: "1.0095" });
    const beta = points.filter((p) => p.portfolioExternalId === "fund/q3lm88");
    // 10 units, then 12 (a subscription on the 18th), then 11.5 (a redemption on the 19th).
    expect(beta.map((p) => p.netAssets)).toEqual(["10", "10.005", "12.012", "11.51725", "11.523"]);
    expect(beta[0]!.currency).toBe("BTC");
  });

  it("reads NAV incrementally from the last stored point, inclusive", async () => {
    const points = (
      await connector().fetchNav({
        lastBySeries: { "fund/h47z03": new Date("2026-11-19T00:00:00.123Z"), "fund/q3lm88": new Date("2026-11-20T00:00:00.123Z") },
      })
    ).items;
    expect(points.map((p) => p.snapshotId)).toEqual([
      "fund/h47z03@1795046400123456789",
      "fund/h47z03@1795132800123456789",
      "fund/q3lm88@1795132800123456789",
    ]);
    const navCalls = fake.received.filter((r) => r.path.endsWith("/get-historical-nav"));
    expect(navCalls.map((r) => JSON.parse(r.body.replace(/(\d{16,})/g, '"$1"')) as Record<string, string>)).toEqual([
      { fund_name: "fund/h47z03", start_time: "1795046400123000000", end_time: "1795170600000000000", frequency: "daily" },
      { fund_name: "fund/q3lm88", start_time: "1795132800123000000", end_time: "1795170600000000000", frequency: "daily" },
    ]);
  });

  it("scopes every call to the department, inside the signed path", async () => {
    now = new Date("2026-11-23T12:00:00Z");
    const c = connector({ department: "research" });
    expect((await c.fetchPortfolios()).items.map((p) => [p.externalId, p.department])).toEqual([["fund/r5t6y7", "research"]]);
    expect((await c.fetchAccounts()).items.map((a) => a.accountUid)).toEqual(["1token/tradeacc/deribit/rs01"]);
    expect((await c.fetchBalances()).items.map((b) => [b.asset, b.total])).toEqual([["USDC", "50000"]]);
    expect((await c.fetchNav({})).items.map((p) => p.netAssets)).toEqual(["50000", "50025"]);
    expect(fake.received.map((r) => r.path.split("/").pop())).toEqual(["list-portfolio", "get-portfolio-detail", "get-asset-position", "get-historical-nav"]);
    expect(fake.received.every((r) => r.query.department === "research")).toBe(true);
    expect(fake.server.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
  });

  it("reports a wrong secret as auth, naming neither key nor secret", async () => {
    const e = await connector({}, "d3Jvbmctc2VjcmV0LXZhbHVl").testConnection().catch((err: unknown) => err);
    expect(e).toBeInstanceOf(ConnectorError);
    expect(e).toMatchObject({ kind: "auth", endpoint: "GET /fundv3/openapi/portfolio/list-portfolio" });
    expect((e as Error).message).toContain("HTTP 401 key or signature rejected");
    expect((e as Error).message).not.toContain(FAKE_ONETOKEN_KEY);
    expect((e as Error).message).not.toContain("d3Jvbmctc2VjcmV0LXZhbHVl");
  });

  it("turns an error code in a 200 envelope into a ConnectorError", async () => {
    const e = await connector({ department: "nowhere" }).fetchPortfolios().catch((err: unknown) => err);
    expect(e).toMatchObject({ kind: "invalid_request", message: "onetoken GET /fundv3/openapi/portfolio/list-portfolio: error department-not-found: no such department" });
  });

  it("names Cloudflare's client ban as a permission problem", async () => {
    fake.server.injectFault({ kind: "body", status: 403, raw: "error code: 1010 browser_signature_banned", contentType: "text/plain" });
    const e = await connector().fetchPortfolios().catch((err: unknown) => err);
    expect(e).toMatchObject({ kind: "permission" });
    expect((e as Error).message).toContain("browser_signature_banned");
  });
});
