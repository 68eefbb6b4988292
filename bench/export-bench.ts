// The CSV export of order events, measured: what bench/export.ts prints for each driver, and
// what bench:audit may call (benchOrderEventExport) to report the issue's export row.
// Issue 14's target: CSV export of 1M events > 100,000 rows/s, RSS growth < 100 MB.
import v8 from "node:v8";
import vm from "node:vm";
import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { readExportBatchRows, type ExportBatch, type ExportKey } from "@/db/queries/export-batch";
import { orderEventExportSpec } from "@/db/queries/export-orders";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { exportResponse } from "@/lib/exports/export-response";
import { parseExportRequest } from "@/lib/exports/request";
import { EXPORT_BATCH_SIZE } from "@/lib/exports/stream";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

const MB = 1024 * 1024;
/** Where seedOrderEvents puts its events; a caller with its own seed passes its own range. */
const RANGE = { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" };
const SEED_CHUNK = 100_000;

export interface ExportBenchResult {
  driver: DbHandle["driver"];
  /** How the route made the CSV: one COPY written by PostgreSQL, or batches read and written here (PGlite). */
  exportPath: "copy" | "batches";
  rows: number;
  /** The baselines' batch size, and the export's when it goes by batches. */
  batchSize: number;
  export: {
    ms: number;
    rowsPerSecond: number;
    bytes: number;
    rssMb: { before: number; peak: number; after: number; growthPeak: number };
    /** A second, untimed pass with a full collection every 200,000 rows: the memory the export keeps. */
    retainedAfterGcMb: { checkpoints: number; heapGrowthMaxMb: number; rssGrowthMaxMb: number };
  };
  /** The plain indexed keyset read of the same rows (order_events alone, native types), same batches, nothing serialised. */
  baselinePlainRead: { ms: number; rowsPerSecond: number; rssMb: { before: number; peak: number; after: number; growthPeak: number } };
  /** The export's own batch reads (with the account join and text formatting in SQL), nothing serialised. */
  baselineExportReads: { ms: number; rowsPerSecond: number };
  /** The untimed-for-the-target first pass of the export's reads: what a cold start costs, in time and RSS. */
  warmUp: { ms: number; rssMb: { before: number; peak: number; after: number; growthPeak: number } };
  target: { rowsPerSecond: number; rssGrowthMb: number };
  pass: boolean;
}

/**
 * Seeds `events` order events in one workspace over October 2026 (generated in the database,
 * in chunks; hashes are placeholders — the export copies them, it does not verify them),
 * with the index migration 0016 adds for this read, (owner_id, occurred_at, seq), unless
 * the schema has it already.
 */
export async function seedOrderEvents(h: DbHandle, events: number): Promise<{ ownerId: string }> {
  const { from: FROM, to: TO } = RANGE;
  const db = h.db;
  const ownerId = (await ensurePersonalWorkspace(db)).id;
  const { id: connectionId } = await createConnection(db, { ownerId, provider: "demo", label: "bench", config: { seed: "export" } });
  const [account] = await executeRows<{ id: string }>(
    db,
    sql`insert into trading_accounts (owner_id, connection_id, account_uid, name, venue, kind) values (${ownerId}::uuid, ${connectionId}::uuid, 'bench-main', 'bench', 'demo', 'spot') returning id::text as id`,
  );
  const [batch] = await executeRows<{ id: string }>(
    db,
    sql`insert into sync_batches (owner_id, connection_id, trigger, status, started_at) values (${ownerId}::uuid, ${connectionId}::uuid, 'manual', 'succeeded', ${FROM}::timestamptz) returning id::text as id`,
  );
  const orderCount = Math.max(1, Math.floor(events / 5));
  await db.execute(sql`
    insert into orders (owner_id, account_id, venue_order_id, symbol, side, type, status, price, quantity, filled_quantity, venue_created_at, venue_updated_at, last_sync_batch_id)
    select ${ownerId}::uuid, ${account!.id}::uuid, 'o-' || i, 'BTC/USDT', 'buy', 'limit', 'filled', '65000.12345678', '0.5', '0.5',
      ${FROM}::timestamptz + i * interval '1 second', ${FROM}::timestamptz + i * interval '1 second', ${batch!.id}::uuid
    from generate_series(1, ${orderCount}::int) i`);
  // Whole milliseconds apart, so the baseline's keyset (through a JS Date) is exact.
  const stepMs = Math.max(1, Math.floor((Date.parse(TO) - Date.parse(FROM) - 1000) / events));
  for (let start = 1; start <= events; start += SEED_CHUNK) {
    const end = Math.min(events, start + SEED_CHUNK - 1);
    await db.execute(sql`
      insert into order_events (owner_id, account_id, order_id, venue_order_id, symbol, type, status_before, status_after,
        quantity_before, quantity_after, filled_before, filled_after, occurred_at, sync_batch_id, prev_hash, hash)
      select ${ownerId}::uuid, ${account!.id}::uuid, o.id, o.venue_order_id, 'BTC/USDT', 'FILLED_QUANTITY_CHANGED', 'partially_filled', 'partially_filled',
        '0.5', '0.5', ((i - 1) * 0.00000001)::numeric, (i * 0.00000001)::numeric,
        ${FROM}::timestamptz + (i::bigint * ${stepMs}::bigint) * interval '1 millisecond', ${batch!.id}::uuid,
        md5((i - 1)::text) || md5((i - 1)::text || 'x'), md5(i::text) || md5(i::text || 'x')
      from generate_series(${start}::int, ${end}::int) i
      join orders o on o.owner_id = ${ownerId}::uuid and o.venue_order_id = 'o-' || (1 + i % ${orderCount}::int)`);
  }
  const has = await executeRows<{ n: string }>(
    db,
    sql`select count(*)::text as n from pg_indexes where tablename = 'order_events' and indexdef like '%(owner_id, occurred_at, seq)%'`,
  );
  if (has[0]!.n === "0") await db.execute(sql`create index bench_order_events_owner_time_idx on order_events (owner_id, occurred_at, seq)`);
  // Vacuum: hint bits and the visibility map set now, so no measured read pays for the bulk insert.
  await db.execute(sql`vacuum analyze order_events`);
  return { ownerId };
}

/** Runs `work` while sampling RSS every 20 ms; returns its time and the RSS before, at peak and after (MB). */
async function sampled(work: () => Promise<void>) {
  collectGarbage();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  collectGarbage();
  const after = process.memoryUsage().rss;
  const mb = (x: number) => Math.round((x / MB) * 10) / 10;
  return { ms: Math.round(ms), rssMb: { before: mb(before), peak: mb(peak), after: mb(after), growthPeak: mb(peak - before) } };
}

/** Heap and RSS after a full collection at each checkpoint the work calls, as growth over the start (MB): the memory the work keeps. */
async function retainedMemory(work: (checkpoint: () => void) => Promise<void>) {
  collectGarbage();
  const start = process.memoryUsage();
  let heap = 0;
  let rss = 0;
  let checkpoints = 0;
  await work(() => {
    collectGarbage();
    const now = process.memoryUsage();
    heap = Math.max(heap, now.heapUsed - start.heapUsed);
    rss = Math.max(rss, now.rss - start.rss);
    checkpoints++;
  });
  const mb = (x: number) => Math.round((x / MB) * 10) / 10;
  return { checkpoints, heapGrowthMaxMb: mb(heap), rssGrowthMaxMb: mb(rss) };
}

const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000));

/**
 * Measures, on a database `seedOrderEvents` filled with `events` rows, after one pass of the
 * export's reads to warm up (reported apart): the CSV export streamed
 * through the route's response and read to the end (bytes and lines counted, nothing kept),
 * then the plain indexed read of the same rows (the baseline) and the export's batch reads
 * alone, with RSS sampled throughout; every read in batches of `batchSize` rows
 * (EXPORT_BATCH_SIZE unless given).
 */
export async function benchOrderEventExport(
  h: DbHandle,
  p: { ownerId: string; events: number; range?: { from: string; to: string }; batchSize?: number },
): Promise<ExportBenchResult> {
  const { db } = h;
  const { from: FROM, to: TO } = p.range ?? RANGE;
  const limit = p.batchSize ?? EXPORT_BATCH_SIZE;

  // One untimed pass of the export's reads first: the server's caches, the JIT and, on PGlite, the
  // in-process WASM heap (it grows once to the size a batch needs and never shrinks) are then
  // what a running server has, and no measurement below pays a one-time cost the others do not.
  const warmUp = await sampled(async () => {
    for (let after: ExportKey | null = null; ; ) {
      const batch: ExportBatch = await readExportBatchRows(db, orderEventExportSpec({ ownerId: p.ownerId, from: FROM, to: TO, after, filters: {} }), limit);
      after = batch.last;
      if (batch.rows.length < limit) break;
    }
  });
  const parsed = parseExportRequest("order-events", new URLSearchParams({ from: FROM, to: TO, format: "csv" }), "UTC");
  if (!parsed.ok) throw new Error(parsed.error);
  let bytes = 0;
  let lines = 0;
  const exported = await sampled(async () => {
    const res = exportResponse(db, { ownerId: p.ownerId, baseCurrency: "USD" }, parsed.value, limit);
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (let i = value.indexOf(10); i >= 0; i = value.indexOf(10, i + 1)) lines++;
    }
  });
  // The same export again, collecting garbage every 40 chunks (200,000 rows by batches; a COPY's
  // chunks are the socket's reads, smaller) and noting the
  // memory still in use: what the export holds, apart from garbage V8 has not yet collected
  // (the timed pass's RSS includes that, and so does the plain read's). Not timed.
  const retained = await retainedMemory(async (checkpoint) => {
    const res = exportResponse(db, { ownerId: p.ownerId, baseCurrency: "USD" }, parsed.value, limit);
    const reader = res.body!.getReader();
    for (let chunks = 1; ; chunks++) {
      const { done } = await reader.read();
      if (done) break;
      if (chunks % 40 === 0) checkpoint();
    }
  });
  let plainRows = 0;
  const plain = await sampled(async () => {
    let after: { at: Date; seq: number } | null = null;
    for (;;) {
      const rows: Array<{ seq: number; occurred_at: Date }> = await executeRows<{ seq: number; occurred_at: Date }>(
        db,
        sql`select seq, order_id, venue_order_id, account_id, symbol, type, status_before, status_after, quantity_before, quantity_after,
            filled_before, filled_after, occurred_at, created_at, sync_batch_id, prev_hash, hash
          from order_events where owner_id = ${p.ownerId}::uuid and occurred_at >= ${FROM}::timestamptz and occurred_at < ${TO}::timestamptz
          ${after ? sql`and (occurred_at, seq) > (${after.at.toISOString()}::timestamptz, ${after.seq})` : sql``}
          order by occurred_at, seq limit ${limit}`,
      );
      plainRows += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < limit) break;
      // Seeded instants are whole milliseconds, so a Date keeps the key exact here.
      after = { at: new Date(last.occurred_at), seq: Number(last.seq) };
    }
  });

  let readRows = 0;
  const t0 = performance.now();
  for (let after: ExportKey | null = null; ; ) {
    const batch: ExportBatch = await readExportBatchRows(db, orderEventExportSpec({ ownerId: p.ownerId, from: FROM, to: TO, after, filters: {} }), limit);
    readRows += batch.rows.length;
    after = batch.last;
    if (batch.rows.length < limit) break;
  }
  const readsMs = Math.round(performance.now() - t0);

  const rows = lines - 1;
  if (rows !== p.events || plainRows !== p.events || readRows !== p.events) throw new Error(`read ${plainRows} plain, ${readRows} export reads, ${rows} exported of ${p.events}`);
  const rowsPerSecond = perSecond(rows, exported.ms);
  return {
    driver: h.driver,
    exportPath: h.driver === "postgres" ? "copy" : "batches",
    rows,
    batchSize: limit,
    export: { ms: exported.ms, rowsPerSecond, bytes, rssMb: exported.rssMb, retainedAfterGcMb: retained },
    baselinePlainRead: { ms: plain.ms, rowsPerSecond: perSecond(plainRows, plain.ms), rssMb: plain.rssMb },
    baselineExportReads: { ms: readsMs, rowsPerSecond: perSecond(readRows, readsMs) },
    warmUp,
    target: { rowsPerSecond: 100_000, rssGrowthMb: 100 },
    pass: rowsPerSecond > 100_000 && exported.rssMb.growthPeak < 100,
  };
}
