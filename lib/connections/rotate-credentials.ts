import type { Db } from "@/db/client";
import { replaceCredentials } from "@/db/queries/connection-lifecycle";
import { getConnection } from "@/db/queries/connections";
import { credentialsInputSchema, type ConnectionDeps, parseInput, sealAndBuild } from "./input";
import { parseProvider } from "@/lib/connectors";
import type { ConnectionCheck } from "./test-connection";

/**
 * Rotate credentials: the new set is tested with the connection's own settings (the same
 * signed call and read-only rule as adding), and only if the venue accepts it does one
 * statement swap the sealed value. A refused or failing test throws before anything is
 * written, so the old credentials stay in use.
 */
export async function rotateCredentials(
  db: Db,
  p: { ownerId: string; connectionId: string; credentials: Record<string, string> },
  deps: ConnectionDeps = {},
): Promise<ConnectionCheck> {
  const conn = await getConnection(db, p);
  const credentials = parseInput(credentialsInputSchema, p.credentials, conn.provider);
  const { connector, credentialsEncrypted } = sealAndBuild({ provider: parseProvider(conn.provider), credentials, config: conn.config }, deps);
  const check = await connector.testConnection();
  await replaceCredentials(db, { ownerId: p.ownerId, connectionId: conn.id, credentialsEncrypted, at: (deps.now ?? (() => new Date()))() });
  return { accounts: check.accounts, permissions: check.permissions };
}
