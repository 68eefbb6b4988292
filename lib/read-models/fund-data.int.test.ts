import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { createDepartment } from "@/db/queries/portfolios";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, portfolios, tradingAccounts, valuations } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { loadFundDetail, loadFundList, parseFundFilters } from "./fund-data";
import { fundDetailSchema, fundListSchema } from "./fund-schemas";

let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
const ids = {} as { alpha: string; beta: string; manual: string; theirs: string; gone: string; deptA: string; deptB: string; theirDept: string };
const TZ = "Asia/Kolkata";

async function fund(owner: string, connectionId: string, p: { name: string; externalId: string; departmentId?: string; dataSource?: string }) {
  const [row] = await h.db
    .insert(portfolios)
    .values({
      ownerId: owner,
      connectionId,
      name: p.name,
      alias: `${p.name} alias`,
      dataSource: p.dataSource ?? "1token",
      externalId: p.externalId,
      baseCurrency: "USDT",
      departmentId: p.departmentId ?? null,
      inceptionAt: new Date("2026-01-01T00:00:00Z"),
    })
    .returning({ id: portfolios.id });
  return row!.id;
}

/** One valuation, its id made as the connector makes it (fund@ns). */
function point(owner: string, connectionId: string, portfolioId: string, series: string, at: string, nav: string, assets: string, ret: string | null) {
  return {
    ownerId: owner,
    connectionId,
    portfolioId,
    series,
    snapshotId: `${series}@${BigInt(Date.parse(at)) * 1_000_000n}`,
    at: new Date(at),
    currency: "USDT",
    netAssets: assets,
    navPerUnit: nav,
    grossReturn: ret,
    netReturn: ret,
  };
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  const mine = (await createConnection(h.db, { ownerId, provider: "demo", label: "1Token desk", config: { seed: "funds" } })).id;
  const theirs = (await createConnection(h.db, { ownerId: otherOwnerId, provider: "demo", label: "Theirs", config: { seed: "theirs" } })).id;
  ids.deptA = (await createDepartment(h.db, { ownerId, name: "Arbitrage", oneTokenDepartmentId: "dep-a" })).id;
  ids.deptB = (await createDepartment(h.db, { ownerId, name: "Beta desk", oneTokenDepartmentId: "dep-b" })).id;
  ids.theirDept = (await createDepartment(h.db, { ownerId: otherOwnerId, name: "Arbitrage", oneTokenDepartmentId: "dep-a" })).id;
  ids.alpha = await fund(ownerId, mine, { name: "Alpha", externalId: "fund/alpha1", departmentId: ids.deptA });
  ids.beta = await fund(ownerId, mine, { name: "Beta", externalId: "fund/beta01", departmentId: ids.deptB });
  ids.manual = await fund(ownerId, mine, { name: "Hand-made", externalId: "manual-1", dataSource: "manual" });
  ids.theirs = await fund(otherOwnerId, theirs, { name: "Aardvark", externalId: "fund/alpha1", departmentId: ids.theirDept });
  // A fund last reported by a connection since deleted: no longer read, so no longer shown.
  const deleted = (await createConnection(h.db, { ownerId, provider: "demo", label: "Old desk", config: { seed: "old" } })).id;
  ids.gone = await fund(ownerId, deleted, { name: "Gone", externalId: "fund/gone01", departmentId: ids.deptA });
  await h.db.update(connections).set({ deletedAt: new Date("2026-11-04T00:00:00Z") }).where(eq(connections.id, deleted));
  await h.db.insert(valuations).values([
    point(ownerId, mine, ids.alpha, "fund/alpha1", "2026-11-01T00:00:00Z", "1", "1000000", null),
    // 20:00 UTC on 1 Nov is 01:30 on 2 Nov in Kolkata (+05:30): three points on the local day 2 Nov, the chart keeps the last.
    point(ownerId, mine, ids.alpha, "fund/alpha1", "2026-11-01T20:00:00Z", "1.005", "1005000", "0.005"),
    point(ownerId, mine, ids.alpha, "fund/alpha1", "2026-11-02T00:00:00Z", "1.012345678901", "1012345.678901234567", "0.012345678901"),
    point(ownerId, mine, ids.alpha, "fund/alpha1", "2026-11-02T12:00:00Z", "1.02", "1020000.000000000001", "0.007562"),
    point(ownerId, mine, ids.alpha, "fund/alpha1", "2026-11-03T00:00:00Z", "0.99990000000000000001", "999900.123456789012345678", "-0.019705882352"),
    point(otherOwnerId, theirs, ids.theirs, "fund/alpha1", "2026-11-03T00:00:00Z", "7", "7000000", null),
  ]);
  await h.db.insert(tradingAccounts).values([
    { ownerId, connectionId: mine, accountUid: "tradeacc/bn/zz1", name: "tradeacc/bn/zz1", alias: "AC_BN_01", venue: "binance", kind: "spot", portfolioId: ids.alpha, balanceUsd: "1523904.118204" },
    { ownerId, connectionId: mine, accountUid: "tradeacc/okx/aa2", name: "tradeacc/okx/aa2", alias: null, venue: "okx", kind: "futures", portfolioId: ids.alpha, balanceUsd: null },
    { ownerId, connectionId: mine, accountUid: "loose", name: "loose", venue: "binance", kind: "spot" },
  ]);
});
afterAll(async () => h?.close());

describe("loadFundList", () => {
  it("lists only the workspace's live 1Token funds, by name, with the latest valuation's exact decimals; never a manual portfolio, a deleted connection's fund or another workspace's fund", async () => {
    const list = fundListSchema.parse(await loadFundList(h.db, { ownerId }));
    expect(list.funds.map((f) => f.name)).toEqual(["Alpha", "Beta"]);
    const alpha = list.funds[0]!;
    expect(alpha).toMatchObject({ externalId: "fund/alpha1", alias: "Alpha alias", baseCurrency: "USDT", department: { id: ids.deptA, name: "Arbitrage" } });
    expect(alpha.latest).toEqual({
      at: "2026-11-03T00:00:00.000Z",
      snapshotId: "fund/alpha1@1793664000000000000",
      currency: "USDT",
      netAssets: "999900.123456789012345678",
      navPerUnit: "0.99990000000000000001",
      grossReturn: "-0.019705882352",
      netReturn: "-0.019705882352",
    });
    expect(list.funds[1]).toMatchObject({ name: "Beta", latest: null });
    expect(list.departments).toEqual([
      { id: ids.deptA, name: "Arbitrage" },
      { id: ids.deptB, name: "Beta desk" },
    ]);
    expect(list.methods.navPerUnit).toContain("accum_nav");
  });

  it("filters by department", async () => {
    const list = await loadFundList(h.db, { ownerId, departmentId: ids.deptB });
    expect(list.department).toBe(ids.deptB);
    expect(list.funds.map((f) => f.name)).toEqual(["Beta"]);
    // Arbitrage also holds the deleted connection's fund: not listed.
    expect((await loadFundList(h.db, { ownerId, departmentId: ids.deptA })).funds.map((f) => f.name)).toEqual(["Alpha"]);
  });

  it("another workspace's department is not found, and its funds never listed", async () => {
    await expect(loadFundList(h.db, { ownerId, departmentId: ids.theirDept })).rejects.toBeInstanceOf(NotFoundError);
    const theirs = await loadFundList(h.db, { ownerId: otherOwnerId });
    expect(theirs.funds.map((f) => [f.name, f.latest?.navPerUnit])).toEqual([["Aardvark", "7"]]);
  });

  it("parses the department filter from the URL; a non-id is refused naming the field", () => {
    expect(parseFundFilters({ department: ids.deptA }).data).toEqual({ department: ids.deptA });
    expect(parseFundFilters({}).data).toEqual({});
    const bad = parseFundFilters(new URLSearchParams("department=desk"));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["department"]);
  });
});

describe("loadFundDetail", () => {
  it("the chart keeps the last point of each local day, oldest first; the recent points are newest first with their snapshot ids", async () => {
    const detail = fundDetailSchema.parse(await loadFundDetail(h.db, { ownerId, portfolioId: ids.alpha, timeZone: TZ }));
    expect(detail.chart.points).toEqual([
      { at: "2026-11-01T00:00:00.000Z", navPerUnit: "1", netAssets: "1000000" },
      { at: "2026-11-02T12:00:00.000Z", navPerUnit: "1.02", netAssets: "1020000.000000000001" },
      { at: "2026-11-03T00:00:00.000Z", navPerUnit: "0.99990000000000000001", netAssets: "999900.123456789012345678" },
    ]);
    expect(detail.chart.truncated).toBe(false);
    expect(detail.points).toBe(5);
    expect(detail.recent.map((r) => r.at)).toEqual([
      "2026-11-03T00:00:00.000Z",
      "2026-11-02T12:00:00.000Z",
      "2026-11-02T00:00:00.000Z",
      "2026-11-01T20:00:00.000Z",
      "2026-11-01T00:00:00.000Z",
    ]);
    expect(detail.recent[4]).toMatchObject({ grossReturn: null, netReturn: null });
    expect(detail.fund.latest?.snapshotId).toBe("fund/alpha1@1793664000000000000");
  });

  it("days are cut in the zone asked: in UTC, 20:00 on 1 Nov is the last point of 1 Nov", async () => {
    const detail = await loadFundDetail(h.db, { ownerId, portfolioId: ids.alpha, timeZone: "UTC" });
    expect(detail.chart.points.map((p) => p.at)).toEqual(["2026-11-01T20:00:00.000Z", "2026-11-02T12:00:00.000Z", "2026-11-03T00:00:00.000Z"]);
  });

  it("lists the fund's trading accounts with 1Token's USD balance exactly, and no account outside the fund", async () => {
    const detail = await loadFundDetail(h.db, { ownerId, portfolioId: ids.alpha, timeZone: TZ });
    expect(detail.accounts.map((a) => [a.name, a.alias, a.accountUid, a.balanceUsd])).toEqual([
      ["tradeacc/bn/zz1", "AC_BN_01", "tradeacc/bn/zz1", "1523904.118204"],
      ["tradeacc/okx/aa2", null, "tradeacc/okx/aa2", null],
    ]);
  });

  it("a fund with no valuation yet has an empty chart and table", async () => {
    const detail = await loadFundDetail(h.db, { ownerId, portfolioId: ids.beta, timeZone: TZ });
    expect([detail.chart.points, detail.recent, detail.accounts, detail.fund.latest]).toEqual([[], [], [], null]);
  });

  it("another workspace's fund, a manual portfolio and a deleted connection's fund are not found", async () => {
    await expect(loadFundDetail(h.db, { ownerId, portfolioId: ids.theirs, timeZone: TZ })).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadFundDetail(h.db, { ownerId, portfolioId: ids.gone, timeZone: TZ })).rejects.toBeInstanceOf(NotFoundError);
    await expect(loadFundDetail(h.db, { ownerId, portfolioId: ids.manual, timeZone: TZ })).rejects.toBeInstanceOf(NotFoundError);
  });
});
