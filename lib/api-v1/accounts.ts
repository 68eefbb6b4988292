import type { Db } from "@/db/client";
import { listConnectionAccounts } from "@/db/queries/connection-detail";
import { listConnections } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";

/**
 * The workspace's live connections, each with its venue accounts and their current holdings
 * (the account_holdings documents the last successful sync wrote), read through the same
 * queries as the connection page. A workspace has a handful of connections, so one
 * accounts read each is cheaper than a new query to keep in step.
 */
export async function loadConnectionsWithAccounts(db: Db, p: { ownerId: string; connectionId?: string }) {
  const all = await listConnections(db, { ownerId: p.ownerId });
  const picked = p.connectionId ? all.filter((c) => c.id === p.connectionId) : all;
  if (p.connectionId && picked.length === 0) throw new NotFoundError("connection");
  return Promise.all(picked.map(async (c) => ({ connection: c, accounts: await listConnectionAccounts(db, { ownerId: p.ownerId, connectionId: c.id }) })));
}

export type LoadedAccount = Awaited<ReturnType<typeof listConnectionAccounts>>[number] & { connectionId: string; connectionLabel: string };

/** Every account of the workspace's live connections, or the one named (another workspace's: NotFoundError). */
export async function loadAccounts(db: Db, p: { ownerId: string; accountId?: string }): Promise<LoadedAccount[]> {
  const all = (await loadConnectionsWithAccounts(db, { ownerId: p.ownerId })).flatMap(({ connection, accounts }) =>
    accounts.map((a) => ({ ...a, connectionId: connection.id, connectionLabel: connection.label })),
  );
  if (!p.accountId) return all;
  const one = all.filter((a) => a.id === p.accountId);
  if (one.length === 0) throw new NotFoundError("account");
  return one;
}
