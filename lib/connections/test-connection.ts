import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { createConnector } from "@/lib/connectors";
import type { VenueAccount } from "@/lib/connectors/types";
import { type ConnectionDeps, type ConnectionInput, connectionInputSchema, parseInput, sealAndBuild } from "./input";

export interface ConnectionCheck {
  accounts: VenueAccount[];
  /** What the key may do, as the venue reports it. */
  permissions: string[];
}

/**
 * The "Test" button before saving: one cheap signed call that proves the keys work and
 * reports their permissions. A key that can trade or withdraw is refused (ConnectorError
 * "permission") unless the settings allow it. Nothing is stored; no secret is returned.
 */
export async function testConnectionCredentials(input: ConnectionInput, deps: ConnectionDeps = {}): Promise<ConnectionCheck> {
  const parsed = parseInput(connectionInputSchema, input);
  const { connector } = sealAndBuild(parsed, deps);
  const t = await connector.testConnection();
  return { accounts: t.accounts, permissions: t.permissions };
}

/** Re-tests a saved connection with its stored (sealed) credentials. */
export async function testStoredConnection(
  db: Db,
  p: { ownerId: string; connectionId: string },
  deps: Pick<ConnectionDeps, "buildConnector" | "now"> = {},
): Promise<ConnectionCheck> {
  const conn = await getConnection(db, p);
  const build = deps.buildConnector ?? createConnector;
  const connector = build(conn, { now: deps.now ?? (() => new Date()) });
  const t = await connector.testConnection();
  return { accounts: t.accounts, permissions: t.permissions };
}
