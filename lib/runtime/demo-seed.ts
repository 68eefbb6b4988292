import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { connections } from "@/db/schema";
import { createDemoConnector, demoReplayInstants } from "@/lib/connectors/demo";
import { backfillSnapshots } from "@/lib/snapshots/backfill";
import { syncConnection } from "@/lib/sync/sync-connection";

const HOUR = 3_600_000;
export const DEMO_HISTORY_DAYS = 90;
export const DEMO_SEED = "demo";

/**
 * First start: a demo connection, 90 days of hourly snapshots read from the demo venue's
 * past, a few syncs in the recent past, then a real sync so orders, fills and current
 * holdings exist. Runs once: a connection of provider "demo" marks it done, and the
 * backfill skips what exists.
 *
 * The past syncs land just after each change of one recent amended order, so the order
 * audit trail shows a life seen across syncs (placed → quantity added → filled), as a live
 * venue synced on a schedule would; a single first sync sees each order only once.
 */
export async function ensureDemoPortfolio(db: Db, p: { ownerId: string; now?: () => Date }): Promise<string | null> {
  const now = p.now ?? (() => new Date());
  const [existing] = await db
    .select({ id: connections.id })
    .from(connections)
    .where(and(eq(connections.ownerId, p.ownerId), eq(connections.provider, "demo")));
  if (existing) return null;

  const { id } = await createConnection(db, {
    ownerId: p.ownerId,
    provider: "demo",
    label: "Demo exchange",
    config: { seed: DEMO_SEED, initialHistoryDays: DEMO_HISTORY_DAYS },
  });
  const end = Math.floor(now().getTime() / HOUR) * HOUR;
  const { baseCurrency } = await getWorkspaceSettings(db, { ownerId: p.ownerId });
  await backfillSnapshots(db, {
    ownerId: p.ownerId,
    connectionId: id,
    baseCurrency,
    from: new Date(end - DEMO_HISTORY_DAYS * 24 * HOUR),
    to: new Date(end),
    stepMs: HOUR,
    connectorAt: (at) => createDemoConnector({ seed: DEMO_SEED, now: () => at }),
  });
  // After the backfill, so flows these syncs record are valued by the hourly snapshot at or after them.
  for (const at of demoReplayInstants(DEMO_SEED, end - HOUR)) {
    await syncConnection(db, { ownerId: p.ownerId, connectionId: id, trigger: "startup", now: () => at });
  }
  await syncConnection(db, { ownerId: p.ownerId, connectionId: id, trigger: "startup", now });
  return id;
}
