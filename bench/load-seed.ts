// The data bench:load serves: one workspace with a connection synced from the demo venue
// scaled to 500 positions and 10,000 orders (so holdings, exposure and the orders list are
// real rows written by the real sync), one year of 1-minute portfolio snapshots of that
// connection before it (525,600 rows, generated in the database: the bench measures reads)
// and the sync run that took each,
// 200 deposits and withdrawals over the year, and the roll-ups and unitised series rebuilt
// from all of it, as the app keeps them.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { createConnection } from "@/db/queries/connections";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { ROLLUP_BUCKETS, cashFlows, tradingAccounts } from "@/db/schema";
import { ScaledDemoConnector } from "@/lib/connectors/demo/scaled";
import { rebuildEquityRollups } from "@/lib/snapshots/rollups";
import { syncConnection } from "@/lib/sync/sync-connection";
import { yearFlows } from "./year-flows";

const YEAR_MS = 365 * 86_400_000;
const FLOWS = 200;

export interface LoadSeed {
  snapshots: number;
  orders: number;
  positions: number;
  flows: number;
  runs: number;
  seconds: { sync: number; snapshots: number; rollups: number };
}

export async function seedLoadWorkspace(db: Db, ownerId: string, now: Date): Promise<LoadSeed> {
  const { id: connectionId } = await createConnection(db, { ownerId, provider: "demo", label: "Scaled demo", config: { seed: "load" } });
  const t0 = performance.now();
  const connector = new ScaledDemoConnector({ seed: "load", now: () => now, positions: 500, orders: 10_000 });
  await syncConnection(db, { ownerId, connectionId, trigger: "manual", now: () => now, connector, referencePrices: null } as Parameters<typeof syncConnection>[1]);
  const t1 = performance.now();
  const end = Math.floor(now.getTime() / 60_000) * 60_000 - 60_000;
  const begin = end - YEAR_MS;
  await db.execute(sql`
    insert into portfolio_snapshots (owner_id, connection_id, captured_at, base_currency, equity, spot_value, funding_value,
      futures_wallet_balance, unrealized_pnl, margin_debt, long_exposure, short_exposure, gross_exposure, net_exposure)
    select ${ownerId}, ${connectionId}, t, 'USD', round((100000 + 5000 * sin(extract(epoch from t) / 86400.0) + extract(epoch from t) / 100000.0)::numeric, 2),
      0, 0, 0, 0, 0, 0, 0, 0, 0
    from generate_series(${new Date(begin).toISOString()}::timestamptz, ${new Date(end - 60_000).toISOString()}::timestamptz, interval '1 minute') t`);
  // The runs that took those snapshots: one a minute, succeeded (the sync page and the
  // overview read the newest per connection).
  await db.execute(sql`
    insert into sync_batches (owner_id, connection_id, trigger, status, started_at, finished_at, duration_ms)
    select ${ownerId}, ${connectionId}, 'cron', 'succeeded', t - interval '2 seconds', t, 2000
    from generate_series(${new Date(begin).toISOString()}::timestamptz, ${new Date(end - 60_000).toISOString()}::timestamptz, interval '1 minute') t`);
  const [account] = await db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(eq(tradingAccounts.connectionId, connectionId)).limit(1);
  await db.insert(cashFlows).values(yearFlows({ ownerId, connectionId, accountId: account!.id, begin, end, count: FLOWS, idPrefix: "load" }));
  await db.execute(sql`analyze`);
  const t2 = performance.now();
  const settings = await getWorkspaceSettings(db, { ownerId });
  await db.transaction((tx) => rebuildEquityRollups(tx, { ownerId, settings, buckets: ROLLUP_BUCKETS }));
  const t3 = performance.now();
  const [counts] = await executeRows<{ snapshots: number; orders: number; flows: number; runs: number }>(
    db,
    sql`select (select count(*) from portfolio_snapshots)::int as snapshots, (select count(*) from orders)::int as orders,
      (select count(*) from cash_flows)::int as flows, (select count(*) from sync_batches)::int as runs`,
  );
  return {
    snapshots: counts!.snapshots,
    orders: counts!.orders,
    positions: 500,
    flows: counts!.flows,
    runs: counts!.runs,
    seconds: { sync: Math.round(t1 - t0) / 1000, snapshots: Math.round(t2 - t1) / 1000, rollups: Math.round(t3 - t2) / 1000 },
  };
}
