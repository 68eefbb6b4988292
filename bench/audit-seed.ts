// Seeds one workspace for npm run bench:audit: orders, their order events (valid hash chains
// per account) and fills, at the scale (1,000,000 events, 200,000 orders, 500,000
// fills by default). Orders and events are generated here (the hashes must be computed the
// way lib/audit/event-hash.ts does) and inserted 5,000 rows a statement through
// json_populate_recordset (one parameter per statement, the same on PostgreSQL and PGlite);
// fills are generated in SQL from the orders with generate_series. The three tables'
// secondary indexes are dropped while loading and rebuilt after (a bulk build, far cheaper
// than 1M index inserts), then the tables are analysed.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { connections, syncBatches, tradingAccounts, type OrderEventType } from "@/db/schema";
import { orderStrategyCandidate } from "@/db/schema/orders";
import type { AccountKind, OrderSide, OrderStatus } from "@/lib/connectors/types";
import { orderEventHash, GENESIS_HASH } from "@/lib/audit/event-hash";
import { seededRandom } from "@/lib/testing/seeded-random";

export interface SeedSize {
  events: number;
  orders: number;
  fills: number;
}

/** What the measurements need to know about the seeded data. */
export interface SeededWorkspace {
  accounts: Array<{ id: string; connectionId: string; provider: string }>;
  /** The order with BIG_ORDER_EVENTS events, its account and its last event's seq. */
  bigOrder: { id: string; accountId: string; events: number };
  /** A venue order id and a client order id that exist (for the search). */
  findVenueOrderId: string;
  findClientOrderId: string;
  symbols: string[];
  strategies: string[];
  firstPlacedAt: Date;
  lastPlacedAt: Date;
  seconds: Record<string, number>;
}

export const BIG_ORDER_EVENTS = 1000;
const BATCH = 5000;
const BATCHES_PER_ACCOUNT = 100;
const START = Date.parse("2025-12-01T00:00:00Z");
const YEAR_MS = 365 * 86_400_000;

const BASES = ["BTC", "ETH", "SOL", "BNB", "XRP", "ADA", "DOGE", "TRX", "DOT", "LINK", "AVAX", "MATIC", "LTC", "ATOM", "UNI", "ETC", "XLM", "FIL", "APT", "ARB", "OP", "NEAR", "ICP", "AAVE", "SUI", "INJ", "TIA", "SEI", "PEPE", "WIF", "RNDR", "FET", "GRT", "MKR", "LDO", "STX", "IMX", "HBAR", "ALGO", "SAND"];
const SYMBOLS = BASES.map((b) => `${b}/USDT`);
// Tags by venue rule (docs/strategy-tags.md): "<tag>:<rest>", and OKX's "<tag>X<rest>".
const TAGS = ["mm-btc", "mm-eth", "arb", "trend", "grid"];
const OKX_TAGS = ["mmbtc", "mmeth", "arb", "trend", "grid"];
const ACCOUNTS: Array<{ provider: string; label: string; uid: string; kind: AccountKind }> = [
  { provider: "binance", label: "Binance", uid: "spot", kind: "spot" },
  { provider: "binance", label: "Binance", uid: "usdm", kind: "futures" },
  { provider: "binance", label: "Binance", uid: "margin", kind: "margin" },
  { provider: "okx", label: "OKX", uid: "trading", kind: "spot" },
  { provider: "okx", label: "OKX", uid: "swap", kind: "futures" },
  { provider: "okx", label: "OKX", uid: "sub-mm", kind: "spot" },
  { provider: "demo", label: "Demo", uid: "main", kind: "spot" },
  { provider: "demo", label: "Demo", uid: "alt", kind: "spot" },
];
// Final statuses, weighted as a market-making book looks: mostly filled or cancelled.
const FINAL: Array<[OrderStatus, number]> = [
  ["filled", 0.45],
  ["cancelled", 0.3],
  ["open", 0.1],
  ["partially_filled", 0.05],
  ["rejected", 0.05],
  ["expired", 0.05],
];

/** The final status whose cumulative weight first exceeds `x` (0 ≤ x < 1). */
function pickFinal(x: number): OrderStatus {
  for (const [status, weight] of FINAL) {
    if (x < weight) return status;
    x -= weight;
  }
  return "filled";
}

/** Milli-units as a decimal string: 12345 → "12.345". */
const milli = (n: number) => `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, "0")}`;

interface Lifecycle {
  order: Record<string, unknown>;
  events: Array<{ type: OrderEventType; statusBefore: OrderStatus | null; statusAfter: OrderStatus; quantityBefore: string | null; quantityAfter: string; filledBefore: string | null; filledAfter: string; occurredAt: Date }>;
}

/**
 * Order `i`'s row and its events, derived from `i` alone (so the orders pass and the events
 * pass agree): placed, then quantity changes and fills, then its final status.
 */
function lifecycle(i: number, p: { ownerId: string; orderCount: number; eventCount: number; big: number; accounts: SeededWorkspace["accounts"]; batches: string[][] }): Lifecycle {
  const r = seededRandom(i * 2654435761);
  const a = Math.floor(r() * p.accounts.length);
  const account = p.accounts[a]!;
  const placed = new Date(START + Math.floor((i / p.orderCount) * YEAR_MS) + Math.floor(r() * 1000));
  const symbol = SYMBOLS[Math.floor(Math.pow(r(), 2) * SYMBOLS.length)]!; // a few symbols trade most
  const side: OrderSide = r() < 0.5 ? "buy" : "sell";
  const tagged = r() < 0.8;
  const tag = Math.floor(r() * TAGS.length);
  const clientOrderId = tagged ? (account.provider === "okx" ? `${OKX_TAGS[tag]}X${i.toString(36)}` : `${TAGS[tag]}:${i.toString(36)}`) : r() < 0.5 ? null : `c${i.toString(36)}`;
  let final = pickFinal(r());
  // Events: the big order gets BIG_ORDER_EVENTS; the rest share the remainder evenly (≥ 2 each).
  const others = p.orderCount - 1;
  const rest = p.eventCount - BIG_ORDER_EVENTS;
  const k = i === p.big ? BIG_ORDER_EVENTS : Math.floor(rest / others) + ((i < p.big ? i : i - 1) < rest % others ? 1 : 0);
  if (i === p.big) final = "cancelled";
  let qty = 1000 + Math.floor(r() * 100_000);
  let filled = 0;
  const price = 1000 + Math.floor(r() * 10_000_000);
  const events: Lifecycle["events"] = [];
  let status: OrderStatus = "open";
  const at = (j: number) => new Date(placed.getTime() + j * 1000);
  events.push({ type: "ORDER_PLACED", statusBefore: null, statusAfter: "open", quantityBefore: null, quantityAfter: milli(qty), filledBefore: null, filledAfter: "0", occurredAt: at(0) });
  for (let j = 1; j < k - 1; j++) {
    const kind = j % 3;
    const before = { status, q: qty, f: filled };
    const neverFills = final === "open" || final === "rejected" || final === "expired";
    let type: OrderEventType;
    if (kind === 1 || (kind !== 2 && neverFills) || (kind === 2 && qty - 1000 <= filled && neverFills)) {
      type = "QUANTITY_ADDED";
      qty += 1000;
    } else if (kind === 2 && qty - 1000 > filled) {
      type = "QUANTITY_REMOVED";
      qty -= 1000;
    } else {
      type = "FILLED_QUANTITY_CHANGED";
      filled = Math.min(qty - 1, filled + Math.max(1, Math.floor((qty - filled) / 4)));
      status = "partially_filled";
    }
    events.push({ type, statusBefore: before.status, statusAfter: status, quantityBefore: milli(before.q), quantityAfter: milli(qty), filledBefore: milli(before.f), filledAfter: milli(filled), occurredAt: at(j) });
  }
  if (k >= 2) {
    const before = { status, f: filled };
    if (final === "filled") filled = qty;
    if (final === "partially_filled" && filled === 0) filled = Math.floor(qty / 2);
    const type: OrderEventType = final === "cancelled" ? "ORDER_CANCELLED" : "STATUS_CHANGED";
    events.push({ type, statusBefore: before.status, statusAfter: final, quantityBefore: milli(qty), quantityAfter: milli(qty), filledBefore: milli(before.f), filledAfter: milli(filled), occurredAt: at(k - 1) });
  }
  const last = events.at(-1)!;
  const batch = p.batches[a]![Math.min(BATCHES_PER_ACCOUNT - 1, Math.floor((i / p.orderCount) * BATCHES_PER_ACCOUNT))]!;
  return {
    order: {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`,
      owner_id: p.ownerId,
      account_id: account.id,
      venue_order_id: `${account.provider}-${i}`,
      client_order_id: clientOrderId,
      symbol,
      side,
      type: r() < 0.8 ? "limit" : "market",
      status: last.statusAfter,
      price: milli(price),
      quantity: last.quantityAfter,
      filled_quantity: last.filledAfter,
      average_price: filled > 0 ? milli(price) : null,
      venue_created_at: placed.toISOString(),
      venue_updated_at: last.occurredAt.toISOString(),
      last_sync_batch_id: batch,
      raw: { orderId: `${account.provider}-${i}`, clientOrderId, status: last.statusAfter },
    },
    events: events.map((e) => ({ ...e, batch })),
  } as Lifecycle;
}

async function insertJson(db: Db, table: string, columns: string[], rows: unknown[]) {
  const cols = sql.raw(columns.join(", "));
  await db.execute(sql`insert into ${sql.raw(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.raw(table)}, ${JSON.stringify(rows)}::json)`);
}

const ORDER_COLUMNS = ["id", "owner_id", "account_id", "venue_order_id", "client_order_id", "symbol", "side", "type", "status", "price", "quantity", "filled_quantity", "average_price", "venue_created_at", "venue_updated_at", "last_sync_batch_id", "raw"];
const EVENT_COLUMNS = ["owner_id", "account_id", "order_id", "venue_order_id", "symbol", "type", "status_before", "status_after", "quantity_before", "quantity_after", "filled_before", "filled_after", "occurred_at", "sync_batch_id", "raw", "prev_hash", "hash"];
const TABLES = ["orders", "order_events", "fills"];

/** Seeds `size` into workspace `ownerId` (which has no connections yet); logs progress with `log`. */
export async function seedAuditWorkspace(db: Db, ownerId: string, size: SeedSize, log: (m: string) => void): Promise<SeededWorkspace> {
  const seconds: Record<string, number> = {};
  const lap = (() => {
    let t = performance.now();
    return (name: string) => {
      const now = performance.now();
      seconds[name] = Math.round((now - t) / 100) / 10;
      t = now;
      log(`seed: ${name} ${seconds[name]} s`);
    };
  })();
  const byProvider = new Map<string, string>();
  const accounts: SeededWorkspace["accounts"] = [];
  const batches: string[][] = [];
  for (const a of ACCOUNTS) {
    if (!byProvider.has(a.provider)) {
      const [c] = await db.insert(connections).values({ ownerId, provider: a.provider, label: a.label, config: {} }).returning({ id: connections.id });
      byProvider.set(a.provider, c!.id);
    }
    const connectionId = byProvider.get(a.provider)!;
    const [acc] = await db.insert(tradingAccounts).values({ ownerId, connectionId, accountUid: a.uid, name: a.uid, venue: a.provider, kind: a.kind }).returning({ id: tradingAccounts.id });
    accounts.push({ id: acc!.id, connectionId, provider: a.provider });
    const rows = Array.from({ length: BATCHES_PER_ACCOUNT }, (_, b) => ({ ownerId, connectionId, trigger: "cron" as const, status: "succeeded" as const, startedAt: new Date(START + (b / BATCHES_PER_ACCOUNT) * YEAR_MS) }));
    batches.push((await db.insert(syncBatches).values(rows).returning({ id: syncBatches.id })).map((b) => b.id));
  }
  // Secondary indexes (not primary keys) off while loading; rebuilt in bulk after.
  const indexes = await executeRows<{ indexname: string; indexdef: string }>(
    db,
    sql`select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('orders', 'order_events', 'fills') and indexname not like '%_pkey'`,
  );
  for (const ix of indexes) await db.execute(sql.raw(`drop index "${ix.indexname}"`));
  lap("setup");

  const big = Math.floor(size.orders / 2);
  const p = { ownerId, orderCount: size.orders, eventCount: size.events, big, accounts, batches };
  let rows: unknown[] = [];
  for (let i = 0; i < size.orders; i++) {
    rows.push(lifecycle(i, p).order);
    if (rows.length === BATCH || i === size.orders - 1) {
      await insertJson(db, "orders", ORDER_COLUMNS, rows);
      rows = [];
    }
  }
  lap("orders");

  // Events in order of placement, so each account's chain follows its seq; heads per account.
  const heads = new Map(accounts.map((a) => [a.id, GENESIS_HASH]));
  let written = 0;
  for (let i = 0; i < size.orders; i++) {
    const { order, events } = lifecycle(i, p);
    const accountId = order.account_id as string;
    for (const e of events) {
      const content = { accountId, orderId: order.id as string, venueOrderId: order.venue_order_id as string, symbol: order.symbol as string, ...e, syncBatchId: (e as unknown as { batch: string }).batch, raw: null };
      const prevHash = heads.get(accountId)!;
      const hash = orderEventHash(content, prevHash);
      heads.set(accountId, hash);
      rows.push({
        owner_id: ownerId,
        account_id: accountId,
        order_id: content.orderId,
        venue_order_id: content.venueOrderId,
        symbol: content.symbol,
        type: e.type,
        status_before: e.statusBefore,
        status_after: e.statusAfter,
        quantity_before: e.quantityBefore,
        quantity_after: e.quantityAfter,
        filled_before: e.filledBefore,
        filled_after: e.filledAfter,
        occurred_at: e.occurredAt.toISOString(),
        sync_batch_id: content.syncBatchId,
        raw: null,
        prev_hash: prevHash,
        hash,
      });
    }
    if (rows.length >= BATCH || i === size.orders - 1) {
      written += rows.length;
      await insertJson(db, "order_events", EVENT_COLUMNS, rows);
      rows = [];
      if (written % 100_000 < BATCH) log(`seed: ${written} events`);
    }
  }
  lap("order_events");

  // Fills from the orders that traded, in SQL: several per order, a fraction of its quantity
  // each. The count is a constant (not a window column) so the join is a hash join.
  const [{ n: traded }] = (await executeRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from orders where owner_id = ${ownerId}::uuid and status in ('filled', 'partially_filled')`,
  )) as [{ n: number }];
  await db.execute(sql`
    with o as (
      select o.*, row_number() over (order by o.venue_created_at, o.id) - 1 as rn
      from orders o where o.owner_id = ${ownerId}::uuid and o.status in ('filled', 'partially_filled')
    )
    insert into fills (owner_id, account_id, venue_fill_id, venue_order_id, client_order_id, strategy, symbol, side, price, quantity, fee, fee_currency, liquidity, executed_at, sync_batch_id)
    select o.owner_id, o.account_id, 'f-' || g, o.venue_order_id, o.client_order_id,
      nullif(${orderStrategyCandidate("o.client_order_id")}, 'untagged'),
      o.symbol, o.side, o.price, round(o.filled_quantity / 5, 6), round(o.filled_quantity * o.price * 0.0001, 8),
      case when g % 3 = 0 then 'BNB' else 'USDT' end, case when g % 4 = 0 then 'taker' else 'maker' end,
      o.venue_created_at + (g % 97) * interval '1 second', o.last_sync_batch_id
    from generate_series(0, ${size.fills - 1}) g
    join o on o.rn = g % ${traded}`);
  lap("fills");

  for (const ix of indexes) await db.execute(sql.raw(ix.indexdef));
  lap("indexes");
  for (const t of TABLES) await db.execute(sql.raw(`analyze ${t}`));
  lap("analyze");

  const bigRow = lifecycle(big, p).order;
  const findVenue = lifecycle(Math.floor(size.orders / 3), p).order;
  let findClient = lifecycle(Math.floor(size.orders / 5), p).order;
  for (let i = Math.floor(size.orders / 5); !findClient.client_order_id; i++) findClient = lifecycle(i, p).order;
  return {
    accounts,
    bigOrder: { id: bigRow.id as string, accountId: bigRow.account_id as string, events: BIG_ORDER_EVENTS },
    findVenueOrderId: findVenue.venue_order_id as string,
    findClientOrderId: findClient.client_order_id as string,
    symbols: SYMBOLS,
    strategies: TAGS,
    firstPlacedAt: new Date(START),
    lastPlacedAt: new Date(START + YEAR_MS),
    seconds,
  };
}



