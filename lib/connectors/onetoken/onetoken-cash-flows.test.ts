import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { cashFlowSchema } from "../domain-schemas";
import { derivedFundFlows } from "./derived-flows";
import { createOneTokenConnector } from "./index";
import type { NavRow } from "./schemas";
import { FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET, type FakeOneToken, startFakeOneToken } from "./testing/fake-onetoken";

const now = new Date("2026-11-20T10:30:00Z");
let fake: FakeOneToken;

beforeAll(async () => {
  fake = await startFakeOneToken({ now: () => now });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.received.length = 0;
});

function connector() {
  return createOneTokenConnector({
    credentials: { apiKey: FAKE_ONETOKEN_KEY, apiSecret: FAKE_ONETOKEN_SECRET },
    config: { baseUrl: fake.baseUrl, navFrequency: "daily" },
    now: () => now,
    http: { sleep: async () => {}, timeoutMs: 500 },
  });
}

describe("1Token subscriptions and redemptions, derived from fund units", () => {
  it("a change in units between two NAV points is a subscription or redemption of the fund, in its currency, at the later NAV", async () => {
    const { items, raw } = await connector().fetchCashFlows({ since: new Date("2026-11-13T00:00:00Z") });
    for (const f of items) expect(cashFlowSchema.safeParse(f).success).toBe(true);
    expect(items.map((f) => [f.portfolioExternalId, f.accountUid, f.kind, f.asset, f.amount, f.at.toISOString(), f.status, f.source])).toEqual([
      // 10 → 12 units at 1.001 BTC a unit; then 12 → 11.5 at 1.0015.
      ["fund/q3lm88", undefined, "subscription", "BTC", "2.002", "2026-11-18T00:00:00.123Z", "confirmed", "derived"],
      ["fund/q3lm88", undefined, "redemption", "BTC", "0.50075", "2026-11-19T00:00:00.123Z", "confirmed", "derived"],
    ]);
    expect(items[0]).toMatchObject({
      venueFlowId: "units:fund/q3lm88@1794960000123456789",
      description: "derived from fund units: 10 → 12 at NAV per unit 1.001",
    });
    expect(items[0]!.raw).toMatchObject({ previous: { net_assets: "10.005" }, current: { net_assets: "12.012", snapshot_time: "1794960000123456789" } });
    expect(raw.length).toBeGreaterThan(0);
  });

  it("reads NAV from a week before the window (two days before the cursor), so the window's first point has a predecessor", async () => {
    const { items } = await connector().fetchCashFlows({ since: new Date("2026-11-21T00:00:00Z") });
    expect(items.map((f) => f.kind)).toEqual(["redemption"]);
    const navCalls = fake.received.filter((r) => r.path.endsWith("/get-historical-nav"));
    const starts = navCalls.map((r) => /"start_time":(\d+)/.exec(r.body)![1]);
    // 21 Nov − 2 days − 7 days = 12 Nov.
    expect(starts).toEqual(["1794441600000000000", "1794441600000000000"]);
  });

  it("without a cursor every flow since the fund's inception is read, with the same ids", async () => {
    const all = await connector().fetchCashFlows({});
    const recent = await connector().fetchCashFlows({ since: new Date("2026-11-19T00:00:00Z") });
    expect(all.items.map((f) => f.venueFlowId)).toEqual(["units:fund/q3lm88@1794960000123456789", "units:fund/q3lm88@1795046400123456789"]);
    expect(recent.items.map((f) => f.venueFlowId)).toEqual(all.items.map((f) => f.venueFlowId));
  });
});

describe("derivedFundFlows", () => {
  const point = (day: number, netAssets: string, nav: string): NavRow => ({
    fund_name: "fund/x",
    fund_alias: undefined,
    valuation_currency: "usd",
    snapshot_time: BigInt(Date.UTC(2026, 10, day)) * 1_000_000n,
    snapshot_time_str: undefined,
    net_assets: netAssets,
    accum_nav: nav,
    accum_pnl: undefined,
  });

  it("the wobble of a NAV rounded to 4 decimals is not a flow", () => {
    // 1 000 000 units; the true NAV moves 1.00004 → 1.000149, published as 1 → 1.0001.
    const units = new D(1_000_000);
    const series = [point(1, units.times("1.00004").toFixed(2), "1"), point(2, units.times("1.000149").toFixed(2), "1.0001")];
    expect(derivedFundFlows(series)).toEqual([]);
  });

  it("a subscription bigger than the rounding is found, rounded to 8 decimals", () => {
    const series = [point(1, "1000000", "1"), point(2, "1250125", "1.0001"), point(3, "1250250", "1.0002")];
    const flows = derivedFundFlows(series);
    // 1 000 000 units → 1 250 000: 250 000 × 1.0001.
    expect(flows.map((f) => [f.kind, f.asset, f.amount])).toEqual([["subscription", "USD", "250025"]]);
  });
});
