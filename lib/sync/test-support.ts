import { PGlite } from "@electric-sql/pglite";
import { count, eq, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { openDb, type Db, type DbHandle } from "@/db/client";
import * as schema from "@/db/schema";
import { createDemoConnector } from "@/lib/connectors/demo";
import type { CashFlowParams, Connector, IncrementalParams } from "@/lib/connectors/types";

/** No reference-price requests and no webhook: nothing leaves a test. */
export const offline = { referencePrices: null, webhook: null } as const;

/** The demo venue at a fixed instant, with some methods replaced (a failing stream, a recorder). */
export function demoAt(at: Date, overrides: Partial<Connector> = {}, seed = "sync-test"): Connector {
  const demo = createDemoConnector({ seed, now: () => at });
  return Object.assign(Object.create(Object.getPrototypeOf(demo) as object) as Connector, demo, overrides);
}

/** The demo venue at `at`, recording the `since` each incremental read was asked for, and what the cash-flow read was asked. */
export function recordingDemo(
  at: Date,
  seed = "sync-test",
): { connector: Connector; since: { orders?: Date; fills?: Date }; cashFlowReads: CashFlowParams[] } {
  const demo = createDemoConnector({ seed, now: () => at });
  const since: { orders?: Date; fills?: Date } = {};
  const cashFlowReads: CashFlowParams[] = [];
  const connector = demoAt(
    at,
    {
      fetchOrders: (p: IncrementalParams) => {
        since.orders = p.since;
        return demo.fetchOrders(p);
      },
      fetchFills: (p: IncrementalParams) => {
        since.fills = p.since;
        return demo.fetchFills(p);
      },
      fetchCashFlows: (p: CashFlowParams) => {
        cashFlowReads.push(p);
        return demo.fetchCashFlows(p);
      },
    },
    seed,
  );
  return { connector, since, cashFlowReads };
}

/** Per-symbol rows over every snapshot's holdings document. */
export async function snapshotRowCount(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<string>`coalesce(sum(json_array_length(${schema.snapshotHoldings.rows})), 0)` }).from(schema.snapshotHoldings);
  return Number(r!.n);
}

/** Rows per table of the data a run writes: equal before and after means the run added nothing. */
export async function dataCounts(db: Db) {
  const n = async (
    t:
      | typeof schema.balances
      | typeof schema.positions
      | typeof schema.orders
      | typeof schema.orderEvents
      | typeof schema.fills
      | typeof schema.portfolioSnapshots
      | typeof schema.syncCursors
      | typeof schema.cashFlows,
  ) =>
    (await db.select({ n: count() }).from(t))[0]!.n;
  return {
    balances: await n(schema.balances),
    positions: await n(schema.positions),
    orders: await n(schema.orders),
    orderEvents: await n(schema.orderEvents),
    fills: await n(schema.fills),
    snapshots: await n(schema.portfolioSnapshots),
    snapshotRows: await snapshotRowCount(db),
    cursors: await n(schema.syncCursors),
    cashFlows: await n(schema.cashFlows),
  };
}

export async function cursorsOf(db: Db, connectionId: string) {
  const rows = await db.select().from(schema.syncCursors).where(eq(schema.syncCursors.connectionId, connectionId));
  return Object.fromEntries(rows.map((r) => [r.stream, r.cursorAt]));
}

/**
 * A second, independent handle on the same database: on PostgreSQL its own connection
 * pool (another process, in effect); on PGlite a second drizzle instance on the one
 * embedded client. Either way the in-process coalescing (keyed by handle) does not join
 * the two, so only the advisory lock keeps their writes apart.
 */
export async function secondHandle(h: DbHandle): Promise<DbHandle> {
  if (h.driver === "postgres") {
    const [row] = await h.db.select({ name: sql<string>`current_database()` }).from(sql`(select 1) as one`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${row!.name}`;
    return openDb({ url: url.toString() });
  }
  if (!("$client" in h.db) || !(h.db.$client instanceof PGlite)) throw new Error("expected an embedded PGlite handle");
  const db: Db = drizzle({ client: h.db.$client, schema });
  return { db, driver: "pglite", close: async () => {} };
}
