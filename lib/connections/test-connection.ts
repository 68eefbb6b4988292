import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { createConnector } from "@/lib/connectors";
import { isConnectorError } from "@/lib/connectors/errors";
import type { Connector, VenueAccount } from "@/lib/connectors/types";
import { type ConnectionDeps, type ConnectionInput, connectionInputSchema, parseInput, sealAndBuild } from "./input";

export interface ConnectionCheck {
  accounts: VenueAccount[];
  /** What the key may do, as the venue reports it. */
  permissions: string[];
}

/** What a passing key can see, read once so a person knows what the first sync will bring. */
export interface ConnectionPreview extends ConnectionCheck {
  /** Null when the read failed (`previewError` says why); the key itself passed. */
  found: { balances: number; positions: number; assets: string[] } | null;
  previewError: string | null;
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

/**
 * The wizard's Test: the signed call above and, only once the key passed it, one read of
 * balances and positions (the calls a sync makes first; venues that loaded a statement for
 * the test reuse it), so the person sees what they are about to add. A refused key stops
 * at the first call.
 */
export async function previewConnection(input: ConnectionInput, deps: ConnectionDeps = {}): Promise<ConnectionPreview> {
  const parsed = parseInput(connectionInputSchema, input);
  const { connector } = sealAndBuild(parsed, deps);
  const t = await connector.testConnection();
  return { accounts: t.accounts, permissions: t.permissions, ...(await readWhatIsThere(connector)) };
}

async function readWhatIsThere(connector: Connector): Promise<Pick<ConnectionPreview, "found" | "previewError">> {
  try {
    const balances = (await connector.fetchBalances()).items;
    const positions = (await connector.fetchPositions()).items;
    const assets = [...new Set(balances.map((b) => b.asset))].sort();
    return { found: { balances: balances.length, positions: positions.length, assets }, previewError: null };
  } catch (e) {
    // ConnectorError messages are written to be shown and carry no secret; anything else is not shown.
    return { found: null, previewError: isConnectorError(e) ? e.message : "the venue's balances could not be read" };
  }
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
