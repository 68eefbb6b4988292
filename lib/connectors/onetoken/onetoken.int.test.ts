import { and, asc, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { getPortfolio, listDepartments, listPortfolioAccounts, listPortfolios } from "@/db/queries/portfolios";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { listValuations } from "@/db/queries/valuations";
import { balances, cashFlows, portfolioSnapshots, portfolios, positions, tradingAccounts, valuations } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import { encryptCredentials } from "@/lib/security/credentials";
import { syncConnection } from "@/lib/sync/sync-connection";
import { withTestCredentialsKey } from "../http/test-support";
import { FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET, type FakeOneToken, startFakeOneToken } from "./testing/fake-onetoken";

withTestCredentialsKey();

const T1 = new Date("2026-11-20T10:30:00Z");
const T2 = new Date("2026-11-22T10:30:00Z");
let clock = T1;
let fake: FakeOneToken;
let h: DbHandle;
let ownerId: string;
let connectionId: string;

const valuationCount = async () => (await h.db.select({ n: count() }).from(valuations))[0]!.n;

beforeAll(async () => {
  fake = await startFakeOneToken({ now: () => clock });
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  // Added through lib, as the UI will: a signed test call, then the sealed credentials stored.
  const added = await addConnection(
    h.db,
    {
      ownerId,
      provider: "onetoken",
      label: "1Token",
      config: { baseUrl: fake.baseUrl },
      credentials: { apiKey: FAKE_ONETOKEN_KEY, apiSecret: FAKE_ONETOKEN_SECRET },
    },
    { now: () => clock },
  );
  expect(added.accounts.map((a) => a.alias)).toEqual(["AC_TG_07_BTC", "AC_BN_HEDGE", "AC_OKX_COIN", undefined]);
  connectionId = added.id;
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe("1Token sync end to end", () => {
  it("writes funds as portfolios, accounts linked to them, holdings, NAV history and a snapshot", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => clock });
    expect(r.counts).toMatchObject({ portfolios: 2, accounts: 4, balances: 4, positions: 2, valuations: 25, snapshots: 1, cashFlows: 2 });

    const funds = await listPortfolios(h.db, { ownerId });
    expect(funds.map((f) => [f.externalId, f.dataSource, f.name, f.baseCurrency, f.departmentId])).toEqual([
      ["fund/h47z03", "1token", "Alpha BTC Fund", "USD", null],
      ["fund/q3lm88", "1token", "Beta Coin-Margined Fund", "BTC", null],
    ]);
    const alpha = funds[0]!;
    const accounts = await listPortfolioAccounts(h.db, { ownerId, portfolioId: alpha.id });
    expect(accounts.map((a) => [a.name, a.alias, a.accountUid, a.balanceUsd])).toEqual([
      ["1token/tradeacc/binance/k2p9wq/sub-hedge", "AC_BN_HEDGE", "1token/tradeacc/binance/k2p9wq/sub-hedge", "250000.5"],
      ["1token/tradeacc/bitmexprop/vsgm1h", "AC_TG_07_BTC", "1token/tradeacc/bitmexprop/vsgm1h", "1523904.118204"],
    ]);

    const short = (await h.db.select().from(positions).where(eq(positions.side, "short")))[0]!;
    expect(short).toMatchObject({ symbol: "binance/btc.usdt.usdt.swap", quantity: "-2", notional: "-190476.19", unrealizedPnl: "1523.81" });
    const usdt = (await h.db.select().from(balances).where(eq(balances.asset, "USDT")))[0]!;
    expect(usdt.total).toBe("150000.123456789012345678");

    const nav = await listValuations(h.db, { ownerId, portfolioId: alpha.id });
    expect(nav).toHaveLength(20);
    expect(nav[0]).toMatchObject({
      snapshotId: "fund/h47z03@1793491200123456789",
      series: "fund/h47z03",
      at: new Date("2026-11-01T00:00:00.123Z"),
      currency: "USD",
      netAssets: "1000000",
      navPerUnit: "1",
      netReturn: null,
    });
    expect(nav[19]).toMatchObject({ netAssets: "1009500", navPerUnit: "1.0095", netReturn: "0.000495540139" });
    expect((nav[19]!.raw as Record<string, string>).snapshot_time).toBe("1795132800123456789");
    const [snap] = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
    expect(snap!.unpricedAssets).toEqual([]);

    // The fund's subscription and redemption, derived from its units since inception: fund-level flows, held by its portfolio.
    const beta = funds.find((f) => f.externalId === "fund/q3lm88")!;
    const flows = await h.db.select().from(cashFlows).where(eq(cashFlows.connectionId, connectionId)).orderBy(asc(cashFlows.occurredAt));
    expect(flows.map((f) => [f.kind, f.asset, f.amount, f.portfolioId, f.accountId, f.source])).toEqual([
      ["subscription", "BTC", "2.002", beta.id, null, "derived"],
      ["redemption", "BTC", "0.50075", beta.id, null, "derived"],
    ]);
  });

  it("re-running at the same instant inserts no NAV point", async () => {
    const before = await valuationCount();
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => clock });
    expect(r.counts.valuations).toBe(0);
    expect(await valuationCount()).toBe(before);
  });

  it("two days later reads NAV only from the last stored point and stores just the new days", async () => {
    clock = T2;
    fake.received.length = 0;
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => clock });
    expect(r.counts.valuations).toBe(4);
    expect(await valuationCount()).toBe(29);
    const starts = fake.received
      .filter((q) => q.path.endsWith("/get-historical-nav"))
      .map((q) => /"start_time":(\d+)/.exec(q.body)?.[1]);
    // The derived flows are read first (one window per fund): from their cursor (T1) less
    // 1Token's two days of lag and the week before (each point needs its predecessor):
    // 20 Nov 10:30 − 9 days = 11 Nov 10:30.
    expect(starts.slice(0, 2)).toEqual(["1794393000000000000", "1794393000000000000"]);
    // NAV: the cursor is the last stored point's time (millisecond resolution), read inclusively.
    expect(starts.slice(2)).toEqual(["1795132800123000000", "1795132800123000000"]);
  });

  it("a department's connection sees only its funds, linked to the department", async () => {
    const research = await createConnection(h.db, {
      ownerId,
      provider: "onetoken",
      label: "1Token research",
      config: { baseUrl: fake.baseUrl, department: "research" },
      credentialsEncrypted: encryptCredentials({ apiKey: FAKE_ONETOKEN_KEY, apiSecret: FAKE_ONETOKEN_SECRET }),
    });
    clock = new Date("2026-11-23T12:00:00Z");
    const r = await syncConnection(h.db, { ownerId, connectionId: research.id, trigger: "manual", now: () => clock });
    expect(r.counts).toMatchObject({ portfolios: 1, accounts: 1, valuations: 2 });

    const [dept] = await listDepartments(h.db, { ownerId });
    expect(dept).toMatchObject({ oneTokenDepartmentId: "research", name: "1Token research" });
    expect((await listPortfolios(h.db, { ownerId, departmentId: dept!.id })).map((p) => p.externalId)).toEqual(["fund/r5t6y7"]);
    expect((await listPortfolios(h.db, { ownerId })).map((p) => p.externalId)).toEqual(["fund/h47z03", "fund/q3lm88", "fund/r5t6y7"]);
    const [acct] = await h.db
      .select()
      .from(tradingAccounts)
      .where(and(eq(tradingAccounts.connectionId, research.id)))
      .orderBy(asc(tradingAccounts.name));
    const [fund] = await h.db.select().from(portfolios).where(eq(portfolios.externalId, "fund/r5t6y7"));
    expect(acct).toMatchObject({ accountUid: "1token/tradeacc/deribit/rs01", portfolioId: fund!.id });
  });

  it("another owner sees none of it", async () => {
    const other = await createWorkspace(h.db, { name: "Other", slug: "other-1token" });
    expect(await listPortfolios(h.db, { ownerId: other.id })).toEqual([]);
    expect(await listValuations(h.db, { ownerId: other.id })).toEqual([]);
    const [fund] = await h.db.select().from(portfolios).limit(1);
    await expect(getPortfolio(h.db, { ownerId: other.id, portfolioId: fund!.id })).rejects.toThrow("portfolio not found");
    const [dept] = await listDepartments(h.db, { ownerId });
    await expect(listPortfolios(h.db, { ownerId: other.id, departmentId: dept!.id })).rejects.toThrow("department not found");
  });
});
