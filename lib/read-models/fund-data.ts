import type { Db } from "@/db/client";
import { countFundPoints, readFund, readFundAccounts, readFundDailyNav, readFundDepartments, readFundRecentPoints, readFunds, type FundPointRow, type FundRow } from "@/db/queries/funds";
import { fundFiltersSchema, type FundDetail, type FundList, type FundMethods, type FundPoint, type FundSummary } from "./fund-schemas";
import { filterValues, type SearchInput } from "./trade-filters";
import { fundIdsOfAccounts } from "@/db/queries/portfolio-groups";
import { WHOLE_WORKSPACE, type ResolvedPortfolio } from "@/lib/portfolios/resolve";
import { scopeView } from "./portfolio-scope";

/** The chart shows at most this many local days (two years of daily NAV): the rest is older history. */
export const FUND_CHART_MAX_DAYS = 731;
/** The valuations table under the chart: the newest points, as stored. */
export const FUND_RECENT_POINTS = 30;

/**
 * Where each figure comes from. NAV per unit and net assets are 1Token's own; the returns
 * are derived by the 1Token connector between consecutive points (lib/connectors/onetoken/
 * assumptions.ts, NAV_FIELD_MEANING), so they say so.
 */
export const FUND_METHODS: FundMethods = {
  navPerUnit: "NAV per unit: 1Token's accum_nav on its latest valuation, as reported (taken as the NAV per unit; equal to the unit NAV for a fund without distributions)",
  netAssets: "Net assets: 1Token's net_assets on its latest valuation, in the fund's valuation currency, as reported",
  grossReturn: "Gross return: Δaccum_pnl ÷ the previous point's net assets, between the last two valuations (derived here from 1Token's figures)",
  netReturn: "Net return: accum_nav ÷ the previous point's accum_nav − 1, between the last two valuations (after fees, as the NAV is; derived here)",
  balanceUsd: "Balance (USD): 1Token's net_assets_usd of the account in the fund's detail, read at the last sync",
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function pointView(p: FundPointRow): FundPoint {
  return {
    at: p.at.toISOString(),
    snapshotId: p.snapshotId,
    currency: p.currency,
    netAssets: p.netAssets,
    navPerUnit: p.navPerUnit,
    grossReturn: p.grossReturn,
    netReturn: p.netReturn,
  };
}

function summaryView(r: FundRow): FundSummary {
  return {
    id: r.id,
    name: r.name,
    alias: r.alias,
    externalId: r.externalId,
    department: r.departmentId && r.departmentName !== null ? { id: r.departmentId, name: r.departmentName } : null,
    baseCurrency: r.baseCurrency,
    inceptionAt: iso(r.inceptionAt),
    connectionId: r.connectionId,
    latest: r.latest ? pointView(r.latest) : null,
  };
}

/** The list's filter from a URL query: `department` must be a department id. */
export function parseFundFilters(search: SearchInput) {
  return fundFiltersSchema.safeParse(filterValues(search));
}

/**
 * The workspace's 1Token funds, by name, with their latest valuation; one department's when
 * filtered (another workspace's department: NotFoundError). With a portfolio selection: the
 * fund selected, a connection's funds, or the funds any account of a manual group is in.
 */
export async function loadFundList(db: Db, p: { ownerId: string; departmentId?: string; portfolio?: ResolvedPortfolio }): Promise<FundList> {
  const portfolio = p.portfolio ?? WHOLE_WORKSPACE;
  const [funds, departments, ofAccounts] = await Promise.all([
    readFunds(db, p),
    readFundDepartments(db, { ownerId: p.ownerId }),
    portfolio.accountIds === null ? null : fundIdsOfAccounts(db, { ownerId: p.ownerId, accountIds: portfolio.accountIds }),
  ]);
  const s = portfolio.selection;
  const kept = funds.filter(
    (f) =>
      ofAccounts === null ||
      ofAccounts.has(f.id) ||
      (s.kind === "portfolio" && s.portfolioId === f.id) ||
      (s.kind === "connection" && s.connectionId === f.connectionId),
  );
  const scope = p.portfolio
    ? {
        portfolio: scopeView(
          portfolio,
          portfolio.kind === "manual" ? "A fund's NAV, net assets and returns are its own (1Token's valuation of the whole fund), shown for each fund any account of the group is in" : null,
        ),
      }
    : {};
  return { ...scope, department: p.departmentId ?? null, departments, funds: kept.map(summaryView), methods: FUND_METHODS };
}

/** One fund: its latest figures, the daily NAV chart in `timeZone`, its newest valuations and its trading accounts. */
export async function loadFundDetail(db: Db, p: { ownerId: string; portfolioId: string; timeZone: string }): Promise<FundDetail> {
  const fund = await readFund(db, p);
  const [chart, recent, accounts, points] = await Promise.all([
    readFundDailyNav(db, { ...p, maxDays: FUND_CHART_MAX_DAYS }),
    readFundRecentPoints(db, { ...p, limit: FUND_RECENT_POINTS }),
    readFundAccounts(db, p),
    countFundPoints(db, p),
  ]);
  return {
    fund: summaryView(fund),
    points,
    timeZone: p.timeZone,
    chart: {
      points: chart.points.map((c) => ({ at: c.at.toISOString(), navPerUnit: c.navPerUnit, netAssets: c.netAssets })),
      maxDays: FUND_CHART_MAX_DAYS,
      truncated: chart.truncated,
    },
    recent: recent.map(pointView),
    accounts,
    methods: FUND_METHODS,
  };
}
