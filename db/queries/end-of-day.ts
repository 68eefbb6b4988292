import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { connections, endOfDaySnapshots, portfolioSnapshots, tradingAccounts, workspaces, type EndOfDaySnapshotRow } from "../schema";

/**
 * Every connection of every owner (paused ones too: what they hold still counts at the
 * close; deleted ones with when, since they count for the days that closed before) with
 * the distinct portfolios of its accounts and its workspace's time zone (where its days
 * end): the end-of-day job's work list.
 */
export async function listConnectionsForEndOfDay(db: Db) {
  const conns = await db
    .select({
      id: connections.id,
      ownerId: connections.ownerId,
      provider: connections.provider,
      syncIntervalSeconds: connections.syncIntervalSeconds,
      createdAt: connections.createdAt,
      deletedAt: connections.deletedAt,
      timeZone: workspaces.timeZone,
    })
    .from(connections)
    .innerJoin(workspaces, eq(workspaces.id, connections.ownerId))
    .orderBy(asc(connections.createdAt));
  const links = await db
    .selectDistinct({ connectionId: tradingAccounts.connectionId, portfolioId: tradingAccounts.portfolioId })
    .from(tradingAccounts);
  const byConnection = new Map<string, string[]>();
  for (const l of links) {
    if (l.portfolioId === null) continue;
    byConnection.set(l.connectionId, [...(byConnection.get(l.connectionId) ?? []), l.portfolioId]);
  }
  return conns.map((c) => ({ ...c, portfolioIds: (byConnection.get(c.id) ?? []).sort() }));
}

/**
 * Each connection's newest snapshot captured before `before` in its workspace's base
 * currency (a snapshot from before a change of currency is not added to the new one's),
 * for the given owners. One index probe per connection (lateral, on the (connection, time)
 * unique index), whatever the history.
 */
export async function latestSnapshotsBefore(db: Db, p: { before: Date; ownerIds: readonly string[] }) {
  if (p.ownerIds.length === 0) return [];
  const latest = db
    .select({
      id: portfolioSnapshots.id,
      connectionId: portfolioSnapshots.connectionId,
      capturedAt: portfolioSnapshots.capturedAt,
      baseCurrency: portfolioSnapshots.baseCurrency,
      equity: portfolioSnapshots.equity,
      spotValue: portfolioSnapshots.spotValue,
      fundingValue: portfolioSnapshots.fundingValue,
      futuresWalletBalance: portfolioSnapshots.futuresWalletBalance,
      unrealizedPnl: portfolioSnapshots.unrealizedPnl,
      marginDebt: portfolioSnapshots.marginDebt,
    })
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.connectionId, connections.id),
        lt(portfolioSnapshots.capturedAt, p.before),
        eq(portfolioSnapshots.baseCurrency, workspaces.baseCurrency),
      ),
    )
    .orderBy(desc(portfolioSnapshots.capturedAt))
    .limit(1)
    .as("latest");
  return db
    .select({
      id: latest.id,
      connectionId: latest.connectionId,
      capturedAt: latest.capturedAt,
      baseCurrency: latest.baseCurrency,
      equity: latest.equity,
      spotValue: latest.spotValue,
      fundingValue: latest.fundingValue,
      futuresWalletBalance: latest.futuresWalletBalance,
      unrealizedPnl: latest.unrealizedPnl,
      marginDebt: latest.marginDebt,
    })
    .from(connections)
    .innerJoin(workspaces, eq(workspaces.id, connections.ownerId))
    .innerJoinLateral(latest, sql`true`)
    .where(inArray(connections.ownerId, [...p.ownerIds]));
}

/** Which (owner, portfolio, day) closes exist from `fromDay` on: the job skips those. */
export async function listClosedDays(db: Db, p: { fromDay: string }): Promise<Array<{ ownerId: string; portfolioId: string | null; day: string }>> {
  return db
    .select({ ownerId: endOfDaySnapshots.ownerId, portfolioId: endOfDaySnapshots.portfolioId, day: endOfDaySnapshots.day })
    .from(endOfDaySnapshots)
    .where(gte(endOfDaySnapshots.day, p.fromDay));
}

export type EndOfDayInsert = typeof endOfDaySnapshots.$inferInsert;

/** Writes the closes not written yet; a day already closed keeps its row. Returns how many were new. */
export async function insertEndOfDaySnapshots(db: Db, rows: EndOfDayInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await db.insert(endOfDaySnapshots).values(rows).onConflictDoNothing().returning({ id: endOfDaySnapshots.id });
  return written.length;
}

/**
 * Daily closes of one portfolio (or, with `portfolioId: null`, of the owner's connections
 * outside any single portfolio), oldest first.
 */
export async function listEndOfDaySnapshots(
  db: Db,
  p: { ownerId: string; portfolioId: string | null; from?: string; to?: string },
): Promise<EndOfDaySnapshotRow[]> {
  return db
    .select()
    .from(endOfDaySnapshots)
    .where(
      and(
        eq(endOfDaySnapshots.ownerId, p.ownerId),
        p.portfolioId === null ? isNull(endOfDaySnapshots.portfolioId) : eq(endOfDaySnapshots.portfolioId, p.portfolioId),
        p.from ? gte(endOfDaySnapshots.day, p.from) : undefined,
        p.to ? lte(endOfDaySnapshots.day, p.to) : undefined,
      ),
    )
    .orderBy(asc(endOfDaySnapshots.day));
}
