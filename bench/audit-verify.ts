// npm run bench:audit-verify — prints JSON (BENCH_HISTORY: events already verified, 20,000 by default).
// Issue 14's target: incremental chain verification after a sync of 100 new events < 20 ms.
// One account on PGlite (in memory) with HISTORY chained order events, verified once; then,
// RUNS times: 100 new events appended, the incremental check from the checkpoint timed, and
// the full re-walk of the same account (what audit:verify does) timed in the same run.
import { GENESIS_HASH, orderEventHash } from "@/lib/audit/event-hash";

const HISTORY = Number(process.env.BENCH_HISTORY ?? 20_000);
const NEW_EVENTS = 100;
const RUNS = 5;

const { openDb } = await import("@/db/client");
const { ensurePersonalWorkspace } = await import("@/db/queries/workspaces");
const { createConnection } = await import("@/db/queries/connections");
const { orderEvents, orders, syncBatches, tradingAccounts } = await import("@/db/schema");
const { rewalkAccount, verifyAccountIncremental } = await import("@/lib/audit/checkpoint");

const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]! * 10) / 10;

const handle = await openDb({ memory: true });
const db = handle.db;
const at = new Date("2026-12-01T00:00:00Z");
const ownerId = (await ensurePersonalWorkspace(db)).id;
const { id: connectionId } = await createConnection(db, { ownerId, provider: "demo", label: "bench", config: { seed: "bench" } });
const [account] = await db.insert(tradingAccounts).values({ ownerId, connectionId, accountUid: "bench-main", name: "bench", venue: "demo", kind: "spot" }).returning();
const [batch] = await db.insert(syncBatches).values({ ownerId, connectionId, trigger: "manual", status: "succeeded", startedAt: at }).returning();
const [order] = await db
  .insert(orders)
  .values({ ownerId, accountId: account!.id, venueOrderId: "o-1", symbol: "BTC/USDT", side: "buy", type: "limit", status: "open", quantity: "1", filledQuantity: "0", venueCreatedAt: at, venueUpdatedAt: at, lastSyncBatchId: batch!.id })
  .returning();

let head = GENESIS_HASH;
let n = 0;
/** Appends `count` events chained to the account's head, as a sync would. */
async function append(count: number): Promise<void> {
  for (let done = 0; done < count; ) {
    const rows = [];
    for (const end = Math.min(count, done + 1000); done < end; done++, n++) {
      const content = {
        accountId: account!.id,
        orderId: order!.id,
        venueOrderId: "o-1",
        symbol: "BTC/USDT",
        type: "FILLED_QUANTITY_CHANGED" as const,
        statusBefore: "open" as const,
        statusAfter: "open" as const,
        quantityBefore: "1",
        quantityAfter: "1",
        filledBefore: String(n),
        filledAfter: String(n + 1),
        occurredAt: new Date(at.getTime() + n * 1000),
        syncBatchId: batch!.id,
        raw: { n },
      };
      const prevHash = head;
      head = orderEventHash(content, prevHash);
      rows.push({ ownerId, ...content, prevHash, hash: head });
    }
    await db.insert(orderEvents).values(rows);
  }
}

const scope = { ownerId, accountId: account!.id, at };
await append(HISTORY);
await rewalkAccount(db, scope);
const incremental: number[] = [];
const full: number[] = [];
for (let i = 0; i < RUNS; i++) {
  await append(NEW_EVENTS);
  let t0 = performance.now();
  const inc = await verifyAccountIncremental(db, scope);
  incremental.push(performance.now() - t0);
  if (inc.hashed !== NEW_EVENTS || inc.broken) throw new Error(`incremental check hashed ${inc.hashed} events (broken: ${JSON.stringify(inc.broken)})`);
  t0 = performance.now();
  const all = await rewalkAccount(db, scope);
  full.push(performance.now() - t0);
  if (all.hashed !== n || all.broken) throw new Error(`full re-walk hashed ${all.hashed} of ${n} events`);
}
await handle.close();
console.log(
  JSON.stringify(
    {
      driver: "pglite",
      historyEvents: HISTORY,
      newEvents: NEW_EVENTS,
      runs: RUNS,
      incrementalMs: { median: median(incremental), runs: incremental.map(Math.round) },
      fullRewalkMs: { median: median(full), eventsAtEnd: n, runs: full.map(Math.round) },
      targetIncrementalMs: 20,
    },
    null,
    2,
  ),
);
