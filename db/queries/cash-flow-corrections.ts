import { and, asc, eq, sql, type AnyColumn } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../client";
import { cashFlows, connections, tradingAccounts, users, type CashFlowRow } from "../schema";
import { liveConnection } from "./connections";
import { NotFoundError } from "./not-found";

// The reads and the one insert behind manual flows, reversals and replacements
// (lib/cash-flows/manual-flows.ts). cash_flows is append-only: nothing here updates a row.

/** An account of the owner's on a connection nobody deleted: where a manual flow may go. */
export async function getFlowAccount(db: Db, p: { ownerId: string; accountId: string }) {
  const [row] = await db
    .select({ id: tradingAccounts.id, connectionId: tradingAccounts.connectionId, portfolioId: tradingAccounts.portfolioId })
    .from(tradingAccounts)
    .innerJoin(connections, eq(connections.id, tradingAccounts.connectionId))
    .where(and(eq(tradingAccounts.id, p.accountId), eq(tradingAccounts.ownerId, p.ownerId), liveConnection));
  if (!row) throw new NotFoundError("account");
  return row;
}

/** One flow row of the owner's, with whether its connection was deleted; another workspace's is not found. */
export async function getOwnedFlow(db: Db, p: { ownerId: string; flowId: string }): Promise<CashFlowRow & { connectionDeleted: boolean }> {
  const [row] = await db
    .select({ flow: cashFlows, deletedAt: connections.deletedAt })
    .from(cashFlows)
    .innerJoin(connections, eq(connections.id, cashFlows.connectionId))
    .where(and(eq(cashFlows.id, p.flowId), eq(cashFlows.ownerId, p.ownerId)));
  if (!row) throw new NotFoundError("cash flow");
  return { ...row.flow, connectionDeleted: row.deletedAt !== null };
}

type FlowColumns = Record<"ownerId" | "venueFlowId" | "accountId" | "portfolioId", AnyColumn>;

const sameIdentity = (t: FlowColumns, f: Pick<CashFlowRow, "ownerId" | "venueFlowId" | "accountId" | "portfolioId">) =>
  and(
    eq(t.ownerId, f.ownerId),
    eq(t.venueFlowId, f.venueFlowId),
    sql`coalesce(${t.accountId}, ${t.portfolioId}) = ${f.accountId ?? f.portfolioId}::uuid`,
  );

/**
 * Locks every row of the flow's identity until the transaction ends, so two corrections of
 * the same flow (even naming two of its rows, pending and confirmed) run one after the other
 * and the second sees the first. A row lock, not an update: the append-only trigger allows it.
 */
export async function lockFlowIdentity(tx: Db, f: Pick<CashFlowRow, "ownerId" | "venueFlowId" | "accountId" | "portfolioId">): Promise<void> {
  await tx.select({ id: cashFlows.id }).from(cashFlows).where(sameIdentity(cashFlows, f)).for("update");
}

/** The reversal of any row of the flow's identity, with who entered it, or null. */
export async function findReversal(db: Db, f: Pick<CashFlowRow, "ownerId" | "venueFlowId" | "accountId" | "portfolioId">) {
  const target = alias(cashFlows, "target");
  const [row] = await db
    .select({ id: cashFlows.id, recordedAt: cashFlows.recordedAt, note: cashFlows.note, byName: users.name })
    .from(cashFlows)
    .innerJoin(target, eq(target.id, cashFlows.reversesId))
    .leftJoin(users, eq(users.id, cashFlows.enteredBy))
    .where(and(eq(cashFlows.ownerId, f.ownerId), sameIdentity(target, f)))
    .orderBy(asc(cashFlows.seq))
    .limit(1);
  return row ?? null;
}

export async function insertCashFlow(tx: Db, values: typeof cashFlows.$inferInsert): Promise<CashFlowRow> {
  const [row] = await tx.insert(cashFlows).values(values).returning();
  return row!;
}
