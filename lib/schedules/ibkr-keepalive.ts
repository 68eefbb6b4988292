import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { connections } from "@/db/schema";
import { createConnector } from "@/lib/connectors";
import { IbkrConnector } from "@/lib/connectors/ibkr";

export interface KeepAliveResult {
  /** Active IBKR connections configured with a Client Portal gateway. */
  gateways: number;
  /** Of those, gateways whose brokerage session answered as authenticated. */
  authenticated: number;
  /** Gateways that could not be reached or refused (nobody logged in): a sync will say so. */
  failed: number;
}

/**
 * Tickles every configured IBKR Client Portal gateway so its session survives between
 * the daily syncs. Flex-only connections have no session and are left alone. One
 * gateway's failure never stops the others, and nothing is recorded: the session is the
 * gateway's business, and the next sync reports a lost login as "needs attention".
 */
export async function keepIbkrGatewaysAlive(db: Db, p: { now: Date }): Promise<KeepAliveResult> {
  const rows = await db
    .select({ provider: connections.provider, config: connections.config, credentialsEncrypted: connections.credentialsEncrypted })
    .from(connections)
    .where(and(eq(connections.status, "active"), eq(connections.provider, "ibkr")));
  const withGateway = rows.filter((r) => typeof r.config.gatewayUrl === "string");
  let authenticated = 0;
  let failed = 0;
  for (const row of withGateway) {
    try {
      const connector = createConnector(row, { now: () => p.now });
      if (connector instanceof IbkrConnector && (await connector.keepAlive())) authenticated++;
    } catch {
      failed++;
    }
  }
  return { gateways: withGateway.length, authenticated, failed };
}
