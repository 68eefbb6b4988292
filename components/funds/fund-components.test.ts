import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FUND_METHODS } from "@/lib/read-models/fund-data";
import type { FundDetail, FundList, FundSummary } from "@/lib/read-models/fund-schemas";
import { DepartmentFilter } from "./department-filter";
import { FundAccountsTable } from "./fund-accounts-table";
import { FundFigures } from "./fund-figures-card";
import { FundNavSection } from "./fund-nav-section";
import { FundTable } from "./fund-table";
import { FundValuationsTable } from "./fund-valuations-table";

const ID = "0b6f5d4e-8a1c-4c2e-9f1a-2d3c4b5a6f70";
const DEPT = "5c9e8d7f-1a2b-4c3d-8e9f-0a1b2c3d4e5f";
const latest = {
  at: "2026-11-03T00:00:00.000Z",
  snapshotId: "fund/alpha1@1793664000000000000",
  currency: "USDT",
  netAssets: "999900.123456789012345678",
  navPerUnit: "1.0123456789",
  grossReturn: "0.0125",
  netReturn: "-0.019705882352",
};
const fund: FundSummary = {
  id: ID,
  name: "Alpha",
  alias: "AC_TG_07",
  externalId: "fund/alpha1",
  department: { id: DEPT, name: "Arbitrage" },
  baseCurrency: "USD",
  inceptionAt: "2026-01-01T00:00:00.000Z",
  connectionId: null,
  latest,
};
const list: FundList = { department: null, departments: [{ id: DEPT, name: "Arbitrage" }], funds: [fund, { ...fund, id: DEPT, name: "Beta", latest: null }], methods: FUND_METHODS };
const html = (el: ReturnType<typeof createElement>) => renderToString(el);
/** An attribute as React writes it: apostrophes escaped. */
const attr = (text: string) => text.replaceAll("'", "&#x27;");

describe("FundTable", () => {
  it("Alpha: NAV 1.01234568 (exact on hover), net assets in USDT as the valuation names it, +1.25% gross and −1.97% net, each heading naming its method; Beta has no valuation yet", () => {
    const out = html(createElement(FundTable, { data: list, timeZone: "Asia/Kolkata" }));
    expect(out).toContain(`href="/funds/${ID}"`);
    expect(out).toContain("1.01234568");
    expect(out).toContain("1.0123456789 (exact, as 1Token reported it)");
    expect(out).toContain("999,900.12345679 USDT");
    expect(out).toContain("+1.25%");
    expect(out).toContain("-1.97%");
    expect(out).toContain(`title="${attr(FUND_METHODS.navPerUnit)}"`);
    expect(out).toContain(`title="${attr(FUND_METHODS.grossReturn)}"`);
    expect(out).toContain("3 Nov 2026, 05:30");
    expect(out).toContain("no valuation yet");
    expect(out).toContain("times in Asia/Kolkata");
  });
});

describe("DepartmentFilter", () => {
  it("links every department in the URL and marks the chosen one", () => {
    const out = html(createElement(DepartmentFilter, { departments: list.departments, selected: DEPT }));
    expect(out).toContain(`href="/funds?department=${DEPT}"`);
    expect(out).toMatch(/aria-current="page"[^>]*>Arbitrage/);
    expect(out).toContain('href="/funds"');
  });

  it("shows nothing when no fund has a department", () => {
    expect(html(createElement(DepartmentFilter, { departments: [], selected: null }))).toBe("");
  });
});

const detail: FundDetail = {
  fund,
  points: 5,
  timeZone: "UTC",
  chart: {
    points: [
      { at: "2026-11-01T00:00:00.000Z", navPerUnit: "1", netAssets: "1000000" },
      { at: "2026-11-03T00:00:00.000Z", navPerUnit: "1.0123456789", netAssets: "999900.123456789012345678" },
    ],
    maxDays: 731,
    truncated: true,
  },
  recent: [latest, { ...latest, at: "2026-11-01T00:00:00.000Z", snapshotId: "fund/alpha1@1", grossReturn: null, netReturn: null }],
  accounts: [
    { id: ID, name: "tradeacc/bn/zz1", alias: "AC_BN_01", accountUid: "tradeacc/bn/zz1", venue: "binance", kind: "spot", balanceUsd: "1523904.118204" },
    { id: DEPT, name: "tradeacc/okx/aa2", alias: null, accountUid: "tradeacc/okx/aa2", venue: "okx", kind: "futures", balanceUsd: null },
  ],
  methods: FUND_METHODS,
};

describe("fund detail", () => {
  it("figures: the last valuation's snapshot id, NAV, net assets and both returns, each naming its method", () => {
    const out = html(createElement(FundFigures, { detail }));
    expect(out).toContain("fund/alpha1@1793664000000000000");
    expect(out).toContain("+1.25%");
    expect(out).toContain("-1.97%");
    expect(out).toContain(`title="${attr(FUND_METHODS.netAssets)}"`);
    expect(out).toContain("3 Nov 2026, 00:00");
  });

  it("a fund with no valuation says when its figures appear", () => {
    expect(html(createElement(FundFigures, { detail: { ...detail, fund: { ...fund, latest: null } } }))).toContain("No valuation yet");
  });

  it("valuations: newest first with snapshot ids; the first point's returns are a dash that says why", () => {
    const out = html(createElement(FundValuationsTable, { detail }));
    expect(out.indexOf("fund/alpha1@1793664000000000000")).toBeLessThan(out.indexOf("fund/alpha1@1<"));
    expect(out).toContain("No previous valuation to measure from");
  });

  it("accounts: name, alias, uid and 1Token's USD balance to the cent (exact on hover); a missing balance is a dash", () => {
    const out = html(createElement(FundAccountsTable, { accounts: detail.accounts, method: FUND_METHODS.balanceUsd }));
    expect(out).toContain("AC_BN_01");
    expect(out).toContain("$1,523,904.12");
    expect(out).toContain("1523904.118204 USD (exact, as 1Token reported it)");
    expect(out).toContain("1Token published no USD balance");
    expect(html(createElement(FundAccountsTable, { accounts: [], method: "" }))).toContain("lists no trading account");
  });

  it("the chart section says when older days are not drawn, and shows an empty state under two NAV days", () => {
    expect(html(createElement(FundNavSection, { detail }))).toContain("the newest 731 days");
    const one = { ...detail, chart: { ...detail.chart, points: detail.chart.points.slice(0, 1) } };
    expect(html(createElement(FundNavSection, { detail: one }))).toContain("Not enough NAV history for a chart yet");
  });
});
