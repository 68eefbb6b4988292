import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "../client";
import { connections, portfolioAccounts, portfolios, tradingAccounts } from "../schema";
import { NotFoundError } from "./not-found";

/**
 * Manual portfolios (data source "manual": a group of the workspace's accounts made by hand)
 * and the account sets every selectable portfolio stands for. Always owner-scoped; an id of
 * another workspace is not found, exactly like an unknown one.
 */

export const MANUAL_SOURCE = "manual";

/** Accounts of live connections only: a deleted connection's accounts are history, never selectable. */
const liveAccount = and(eq(connections.id, tradingAccounts.connectionId), isNull(connections.deletedAt));

/** Every account of the owner's live connections, with its connection: what a group may hold. */
export async function listSelectableAccounts(db: Db, p: { ownerId: string }) {
  return db
    .select({
      id: tradingAccounts.id,
      name: tradingAccounts.name,
      alias: tradingAccounts.alias,
      connectionId: tradingAccounts.connectionId,
      connectionLabel: connections.label,
    })
    .from(tradingAccounts)
    .innerJoin(connections, liveAccount)
    .where(eq(tradingAccounts.ownerId, p.ownerId))
    .orderBy(asc(connections.createdAt), asc(tradingAccounts.name));
}

/** The accounts a portfolio stands for: a fund's through `portfolio_id`, a manual group's through its links. */
export async function portfolioAccountIds(db: Db, p: { ownerId: string; portfolioId: string; dataSource: string }): Promise<string[]> {
  const rows =
    p.dataSource === MANUAL_SOURCE
      ? await db
          .select({ id: portfolioAccounts.accountId })
          .from(portfolioAccounts)
          .innerJoin(tradingAccounts, eq(tradingAccounts.id, portfolioAccounts.accountId))
          .innerJoin(connections, liveAccount)
          .where(and(eq(portfolioAccounts.ownerId, p.ownerId), eq(portfolioAccounts.portfolioId, p.portfolioId)))
      : await db
          .select({ id: tradingAccounts.id })
          .from(tradingAccounts)
          .innerJoin(connections, liveAccount)
          .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.portfolioId, p.portfolioId)));
  return rows.map((r) => r.id).sort();
}

/** How many accounts each of these connections has in all (to tell a whole connection from part of one). */
export async function accountCountsByConnection(db: Db, p: { ownerId: string; connectionIds: string[] }) {
  if (p.connectionIds.length === 0) return new Map<string, { label: string; accounts: string[] }>();
  const rows = await db
    .select({ id: tradingAccounts.id, connectionId: tradingAccounts.connectionId, label: connections.label })
    .from(tradingAccounts)
    .innerJoin(connections, liveAccount)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), inArray(tradingAccounts.connectionId, p.connectionIds)));
  const out = new Map<string, { label: string; accounts: string[] }>();
  for (const r of rows) {
    const c = out.get(r.connectionId) ?? { label: r.label, accounts: [] };
    c.accounts.push(r.id);
    out.set(r.connectionId, c);
  }
  return out;
}

/** The owner's manual groups with their account ids, by name. */
export async function listManualPortfolios(db: Db, p: { ownerId: string }) {
  const groups = await db
    .select({ id: portfolios.id, name: portfolios.name })
    .from(portfolios)
    .where(and(eq(portfolios.ownerId, p.ownerId), eq(portfolios.dataSource, MANUAL_SOURCE)))
    .orderBy(asc(portfolios.name));
  if (groups.length === 0) return [];
  const links = await db
    .select({ portfolioId: portfolioAccounts.portfolioId, accountId: portfolioAccounts.accountId })
    .from(portfolioAccounts)
    .where(and(eq(portfolioAccounts.ownerId, p.ownerId), inArray(portfolioAccounts.portfolioId, groups.map((g) => g.id))));
  return groups.map((g) => ({ ...g, accountIds: links.filter((l) => l.portfolioId === g.id).map((l) => l.accountId).sort() }));
}

/** Whether another portfolio of the owner (a fund or a group) already has this name, case aside. */
export async function portfolioNameTaken(db: Db, p: { ownerId: string; name: string; exceptId?: string }): Promise<boolean> {
  const [row] = await db
    .select({ id: portfolios.id })
    .from(portfolios)
    .where(
      and(
        eq(portfolios.ownerId, p.ownerId),
        sql`lower(${portfolios.name}) = lower(${p.name})`,
        p.exceptId ? ne(portfolios.id, p.exceptId) : undefined,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** The owner's manual group, locked for a change; not found for a fund, an unknown id or another workspace's. */
export async function lockManualPortfolio(tx: Db, p: { ownerId: string; portfolioId: string }) {
  const [row] = await tx
    .select({ id: portfolios.id, name: portfolios.name })
    .from(portfolios)
    .where(and(eq(portfolios.id, p.portfolioId), eq(portfolios.ownerId, p.ownerId), eq(portfolios.dataSource, MANUAL_SOURCE)))
    .for("update");
  if (!row) throw new NotFoundError("portfolio");
  return row;
}

/** Replaces a group's accounts with these (already checked to be the owner's). */
export async function replacePortfolioAccounts(tx: Db, p: { ownerId: string; portfolioId: string; accountIds: string[] }) {
  await tx.delete(portfolioAccounts).where(and(eq(portfolioAccounts.ownerId, p.ownerId), eq(portfolioAccounts.portfolioId, p.portfolioId)));
  if (p.accountIds.length > 0) {
    await tx.insert(portfolioAccounts).values(p.accountIds.map((accountId) => ({ ownerId: p.ownerId, portfolioId: p.portfolioId, accountId })));
  }
}

/** The connections these accounts of the owner belong to. */
export async function connectionsOfAccounts(db: Db, p: { ownerId: string; accountIds: string[] }): Promise<string[]> {
  if (p.accountIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: tradingAccounts.connectionId })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), inArray(tradingAccounts.id, p.accountIds)));
  return rows.map((r) => r.id);
}

/** The portfolios (1Token funds) these accounts of the owner are grouped under. */
export async function fundIdsOfAccounts(db: Db, p: { ownerId: string; accountIds: readonly string[] }): Promise<Set<string>> {
  if (p.accountIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ id: tradingAccounts.portfolioId })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), inArray(tradingAccounts.id, [...p.accountIds])));
  return new Set(rows.flatMap((r) => (r.id ? [r.id] : [])));
}
