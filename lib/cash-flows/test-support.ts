import { count, eq } from "drizzle-orm";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { cashFlows, tradingAccounts, users, type CashFlowRow } from "@/db/schema";
import type { Db, DbHandle } from "@/db/client";

/**
 * Two workspaces (base USD), each with a demo connection and an account on it, and one person
 * in each: the smallest scene for manual flows, corrections and the flows list.
 */
export interface FlowWorld {
  handle: DbHandle;
  db: Db;
  ours: FlowWorkspace;
  theirs: FlowWorkspace;
}

export interface FlowWorkspace {
  ownerId: string;
  userId: string;
  connectionId: string;
  accountId: string;
  /** A second connection with its own account, for filters by connection. */
  secondConnectionId: string;
  secondAccountId: string;
}

async function account(db: Db, ownerId: string, connectionId: string, uid: string): Promise<string> {
  const [row] = await db
    .insert(tradingAccounts)
    .values({ ownerId, connectionId, accountUid: uid, name: `Account ${uid}`, venue: "demo", kind: "spot" })
    .returning({ id: tradingAccounts.id });
  return row!.id;
}

async function workspace(db: Db, slug: string): Promise<FlowWorkspace> {
  const { id: ownerId } = await createWorkspace(db, { name: slug, slug });
  const [person] = await db.insert(users).values({ email: `${slug}@example.com`, name: `${slug} person` }).returning({ id: users.id });
  const conn = await createConnection(db, { ownerId, provider: "demo", label: `${slug} demo`, config: { seed: slug } });
  const second = await createConnection(db, { ownerId, provider: "groww", label: `${slug} groww` });
  return {
    ownerId,
    userId: person!.id,
    connectionId: conn.id,
    accountId: await account(db, ownerId, conn.id, `${slug}-main`),
    secondConnectionId: second.id,
    secondAccountId: await account(db, ownerId, second.id, `${slug}-groww`),
  };
}

export async function openFlowWorld(): Promise<FlowWorld> {
  const handle = await openTestDb();
  return { handle, db: handle.db, ours: await workspace(handle.db, "ours"), theirs: await workspace(handle.db, "theirs") };
}

/** A flow as a venue reports it (one row: one status of it), on the workspace's main account unless told. */
export async function venueFlow(
  db: Db,
  ws: FlowWorkspace,
  p: Partial<typeof cashFlows.$inferInsert> & { venueFlowId: string; amount: string; occurredAt: Date },
): Promise<CashFlowRow> {
  const [row] = await db
    .insert(cashFlows)
    .values({
      ownerId: ws.ownerId,
      connectionId: ws.connectionId,
      accountId: ws.accountId,
      kind: "deposit",
      asset: "USD",
      status: "confirmed",
      source: "venue",
      baseCurrency: "USD",
      ...p,
    })
    .returning();
  return row!;
}

/** How many cash-flow rows the workspace has: equal before and after means nothing was written. */
export async function flowRowCount(db: Db, ownerId: string): Promise<number> {
  const [r] = await db.select({ n: count() }).from(cashFlows).where(eq(cashFlows.ownerId, ownerId));
  return r!.n;
}
