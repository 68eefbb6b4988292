import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { connections, departments, portfolios, tradingAccounts, valuations } from "../schema";
import { NotFoundError } from "./not-found";

/**
 * The 1Token funds of an owner (portfolios with data source "1token") with what their
 * valuations say: the latest point per fund, a chart series, the recent points. Every read
 * is scoped by owner; another owner's fund or department is a NotFoundError. A fund is shown
 * while the connection that last reported it is live: a deleted connection's funds are no
 * longer read, so their figures would go stale without saying so (its history stays stored,
 * and a new connection that reports the fund again takes it over).
 */

export const ONETOKEN_SOURCE = "1token";

/** The columns of a valuation a fund page shows (never `raw`: it is the platform's record, not a figure). */
const pointColumns = {
  at: valuations.at,
  snapshotId: valuations.snapshotId,
  currency: valuations.currency,
  netAssets: valuations.netAssets,
  navPerUnit: valuations.navPerUnit,
  grossReturn: valuations.grossReturn,
  netReturn: valuations.netReturn,
};

export interface FundPointRow {
  at: Date;
  snapshotId: string;
  currency: string | null;
  netAssets: string;
  navPerUnit: string | null;
  grossReturn: string | null;
  netReturn: string | null;
}

export interface FundRow {
  id: string;
  name: string;
  alias: string | null;
  externalId: string | null;
  baseCurrency: string;
  inceptionAt: Date | null;
  connectionId: string | null;
  departmentId: string | null;
  departmentName: string | null;
  /** The fund's latest valuation; null before its first. */
  latest: FundPointRow | null;
}

/** Asserts the department is the owner's: a filter naming another workspace's department is a 404, like a missing one. */
async function assertDepartment(db: Db, p: { ownerId: string; departmentId: string }): Promise<void> {
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, p.departmentId), eq(departments.ownerId, p.ownerId)));
  if (!dept) throw new NotFoundError("Department");
}

/** The owner's 1Token funds by name, optionally those of one department, or one fund by id. */
export async function readFunds(db: Db, p: { ownerId: string; departmentId?: string; portfolioId?: string }): Promise<FundRow[]> {
  if (p.departmentId !== undefined) await assertDepartment(db, { ownerId: p.ownerId, departmentId: p.departmentId });
  // The latest point per fund, one index probe each on valuations (owner_id, portfolio_id, at): a scan of every point was 60–100 ms at 5 × 8,760.
  const latest = db
    .select({ portfolioId: valuations.portfolioId, ...pointColumns })
    .from(valuations)
    .where(and(eq(valuations.ownerId, p.ownerId), eq(valuations.portfolioId, portfolios.id)))
    .orderBy(desc(valuations.at))
    .limit(1)
    .as("latest");
  const where: SQL[] = [eq(portfolios.ownerId, p.ownerId), eq(portfolios.dataSource, ONETOKEN_SOURCE)];
  if (p.departmentId !== undefined) where.push(eq(portfolios.departmentId, p.departmentId));
  if (p.portfolioId !== undefined) where.push(eq(portfolios.id, p.portfolioId));
  const rows = await db
    .select({
      id: portfolios.id,
      name: portfolios.name,
      alias: portfolios.alias,
      externalId: portfolios.externalId,
      baseCurrency: portfolios.baseCurrency,
      inceptionAt: portfolios.inceptionAt,
      connectionId: portfolios.connectionId,
      departmentId: portfolios.departmentId,
      departmentName: departments.name,
      at: latest.at,
      snapshotId: latest.snapshotId,
      currency: latest.currency,
      netAssets: latest.netAssets,
      navPerUnit: latest.navPerUnit,
      grossReturn: latest.grossReturn,
      netReturn: latest.netReturn,
    })
    .from(portfolios)
    .innerJoin(connections, and(eq(connections.id, portfolios.connectionId), eq(connections.ownerId, p.ownerId), isNull(connections.deletedAt)))
    .leftJoin(departments, and(eq(departments.id, portfolios.departmentId), eq(departments.ownerId, p.ownerId)))
    .leftJoinLateral(latest, sql`true`)
    .where(and(...where))
    .orderBy(asc(portfolios.name), asc(portfolios.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    alias: r.alias,
    externalId: r.externalId,
    baseCurrency: r.baseCurrency,
    inceptionAt: r.inceptionAt,
    connectionId: r.connectionId,
    departmentId: r.departmentId,
    departmentName: r.departmentName,
    latest:
      r.at && r.snapshotId !== null && r.netAssets !== null
        ? { at: r.at, snapshotId: r.snapshotId, currency: r.currency, netAssets: r.netAssets, navPerUnit: r.navPerUnit, grossReturn: r.grossReturn, netReturn: r.netReturn }
        : null,
  }));
}

/** One fund of the owner; another owner's (or a manual portfolio's) id is a NotFoundError. */
export async function readFund(db: Db, p: { ownerId: string; portfolioId: string }): Promise<FundRow> {
  const [row] = await readFunds(db, { ownerId: p.ownerId, portfolioId: p.portfolioId });
  if (!row) throw new NotFoundError("Fund");
  return row;
}

/** How many valuations are stored for one fund. */
export async function countFundPoints(db: Db, p: { ownerId: string; portfolioId: string }): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(valuations)
    .where(and(eq(valuations.ownerId, p.ownerId), eq(valuations.portfolioId, p.portfolioId)));
  return row?.n ?? 0;
}

/** The departments of the owner that have at least one 1Token fund: the filter's choices. */
export async function readFundDepartments(db: Db, p: { ownerId: string }): Promise<Array<{ id: string; name: string }>> {
  return db
    .selectDistinct({ id: departments.id, name: departments.name })
    .from(departments)
    .innerJoin(portfolios, and(eq(portfolios.departmentId, departments.id), eq(portfolios.ownerId, p.ownerId), eq(portfolios.dataSource, ONETOKEN_SOURCE)))
    .innerJoin(connections, and(eq(connections.id, portfolios.connectionId), isNull(connections.deletedAt)))
    .where(eq(departments.ownerId, p.ownerId))
    .orderBy(asc(departments.name), asc(departments.id));
}

/**
 * The chart series of a fund, pre-aggregated: the last valuation of each local day in
 * `timeZone` (1Token publishes daily or hourly points), the newest `maxDays` days, oldest first.
 * `truncated`: older days exist beyond the limit.
 */
export async function readFundDailyNav(
  db: Db,
  p: { ownerId: string; portfolioId: string; timeZone: string; maxDays: number },
): Promise<{ points: Array<{ at: Date; navPerUnit: string | null; netAssets: string }>; truncated: boolean }> {
  // The day is computed once in a subquery: DISTINCT ON and ORDER BY must name the same expression, and two bound zones are two.
  const days = db
    .select({
      at: valuations.at,
      navPerUnit: valuations.navPerUnit,
      netAssets: valuations.netAssets,
      day: sql<Date>`date_trunc('day', ${valuations.at}, ${p.timeZone})`.as("day"),
    })
    .from(valuations)
    .where(and(eq(valuations.ownerId, p.ownerId), eq(valuations.portfolioId, p.portfolioId)))
    .as("days");
  const rows = await db
    .selectDistinctOn([days.day], { at: days.at, navPerUnit: days.navPerUnit, netAssets: days.netAssets })
    .from(days)
    .orderBy(desc(days.day), desc(days.at))
    .limit(p.maxDays + 1);
  const truncated = rows.length > p.maxDays;
  return { points: rows.slice(0, p.maxDays).reverse(), truncated };
}

/** The newest `limit` valuations of a fund, newest first, as stored. */
export async function readFundRecentPoints(db: Db, p: { ownerId: string; portfolioId: string; limit: number }): Promise<FundPointRow[]> {
  return db
    .select(pointColumns)
    .from(valuations)
    .where(and(eq(valuations.ownerId, p.ownerId), eq(valuations.portfolioId, p.portfolioId)))
    .orderBy(desc(valuations.at))
    .limit(p.limit);
}

/** The trading accounts 1Token groups under a fund, by name, with 1Token's USD valuation of each. */
export async function readFundAccounts(db: Db, p: { ownerId: string; portfolioId: string }) {
  return db
    .select({
      id: tradingAccounts.id,
      name: tradingAccounts.name,
      alias: tradingAccounts.alias,
      accountUid: tradingAccounts.accountUid,
      venue: tradingAccounts.venue,
      kind: tradingAccounts.kind,
      balanceUsd: tradingAccounts.balanceUsd,
    })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.portfolioId, p.portfolioId)))
    .orderBy(asc(tradingAccounts.name), asc(tradingAccounts.id));
}
