// Every dataset streamed from a seeded database (two demo workspaces) and parsed back:
// the rows equal a plain read of the same rows, exact decimals kept, batches joined with no
// gap and no repeat (a batch size of 7, and fills sharing one microsecond instant across a
// boundary), the range's ends, and no row of the other workspace. Runs on PGlite, and on
// PostgreSQL with npm run test:pg.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driverOf, type DbHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { cashFlows, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { syncConnection } from "@/lib/sync/sync-connection";
import type { ExportKey } from "@/db/queries/export-batch";
import { csvRecord, parseCsv } from "./csv";
import { readExportBatch } from "./datasets";
import { EXPORT_COLUMNS } from "./export-columns";
import type { ExportDataset, ExportFormat } from "./export-options";
import { exportResponse } from "./export-response";
import { parseExportRequest } from "./request";
import { encodeRows } from "./stream";

let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
let accountId: string;
const TZ = "UTC";
const BASE = "USD";
const TIES_AT = "2026-11-21T08:00:00.123456Z";
const NOTE = 'moved "cold", then\r\nback — ₹ 中文 🚀, done';

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  const mine = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo, main", config: { seed: "exports" } });
  const theirs = await createConnection(h.db, { ownerId: otherOwnerId, provider: "demo", label: "Theirs", config: { seed: "theirs" } });
  for (const at of ["2026-11-20T10:00:00Z", "2026-11-24T10:00:00Z", "2026-11-24T14:00:00Z"]) {
    await syncConnection(h.db, { ownerId, connectionId: mine.id, trigger: "manual", now: () => new Date(at) });
  }
  for (const at of ["2026-11-20T10:00:00Z", "2026-11-24T10:00:00Z"]) {
    await syncConnection(h.db, { ownerId: otherOwnerId, connectionId: theirs.id, trigger: "manual", now: () => new Date(at) });
  }
  const [account] = await h.db.select().from(tradingAccounts).where(sql`${tradingAccounts.ownerId} = ${ownerId}`).limit(1);
  accountId = account!.id;
  // Twelve fills at one instant with microseconds, one with a price no float holds, crossing a batch boundary of 7.
  const [batch] = await executeRows<{ id: string }>(h.db, sql`select id::text as id from sync_batches where owner_id = ${ownerId}::uuid limit 1`);
  for (let i = 0; i < 12; i++) {
    await h.db.execute(sql`insert into fills (owner_id, account_id, venue_fill_id, venue_order_id, client_order_id, symbol, side, price, quantity, fee, fee_currency, executed_at, sync_batch_id)
      values (${ownerId}::uuid, ${accountId}::uuid, ${`tie-${i}`}, 'tie-order', ${i === 0 ? 'a,"b"' : null}, 'BTC/USDT', 'buy',
        ${i === 0 ? "12345678901234567890.123456789012345678" : "100.10"}, '0.000000000000000001', '0', 'USDT', ${TIES_AT}::timestamptz, ${batch!.id}::uuid)`);
  }
  await h.db.insert(cashFlows).values({
    ownerId,
    connectionId: mine.id,
    accountId,
    venueFlowId: "manual:export-test",
    kind: "deposit",
    asset: "USD",
    amount: "1000.000000000000000001",
    occurredAt: new Date("2026-11-22T09:00:00Z"),
    status: "confirmed",
    source: "manual",
    note: NOTE,
    description: "desk, \"A\"",
  });
}, 240_000);
afterAll(async () => h?.close());

const RANGE = { from: "2026-11-01", to: "2026-11-30" };

/** Streams an export through the response the route sends, with a small batch size, and reads it all. */
async function exported(dataset: ExportDataset, query: Record<string, string> = RANGE, format: ExportFormat = "csv", owner = ownerId) {
  const parsed = parseExportRequest(dataset, new URLSearchParams({ ...query, format }), TZ);
  if (!parsed.ok) throw new Error(parsed.error);
  const res = exportResponse(h.db, { ownerId: owner, baseCurrency: BASE }, parsed.value, 7);
  return { res, text: await res.text() };
}

/** CSV parsed back into objects by its header row, checking the header is the documented columns. */
function csvObjects(dataset: ExportDataset, text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  expect(header).toEqual([...EXPORT_COLUMNS[dataset]]);
  return records.map((r) => Object.fromEntries(header!.map((k, i) => [k, r[i]!])));
}

const iso = (d: Date | string) => new Date(d).toISOString();

describe("exports of a seeded workspace", () => {
  it("reads in its driver's form (one JSON text per batch on PGlite, columns on PostgreSQL): the handle says which", () => {
    expect(driverOf(h.db)).toBe(h.driver);
  });

  it("orders: every order placed in the range, oldest first, as the plain read has them", async () => {
    const { res, text } = await exported("orders");
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="venuefolio-orders-2026-11-01_2026-11-30.csv"');
    expect(res.headers.get("cache-control")).toBe("no-store");
    const rows = csvObjects("orders", text);
    const plain = await executeRows<Record<string, string | null>>(
      h.db,
      sql`select id::text, venue_created_at, status, quantity::text, filled_quantity::text, price::text, average_price::text, client_order_id
        from orders where owner_id = ${ownerId}::uuid and venue_created_at >= '2026-11-01' and venue_created_at < '2026-12-01' order by venue_created_at, id`,
    );
    expect(plain.length).toBeGreaterThan(20);
    expect(rows.map((r) => r.id)).toEqual(plain.map((p) => p.id));
    rows.forEach((r, i) => {
      const p = plain[i]!;
      expect(iso(r.placed_at!)).toBe(iso(p.venue_created_at!));
      expect([r.status, r.quantity, r.filled_quantity, r.price, r.average_price, r.client_order_id]).toEqual(
        [p.status, p.quantity, p.filled_quantity, p.price ?? "", p.average_price ?? "", p.client_order_id ?? ""],
      );
      expect(r.connection_label).toBe("Demo, main");
    });
  });

  it("order events: seq, hashes, quantities and statuses of every event in the range, in (occurred_at, seq) order", async () => {
    const rows = csvObjects("order-events", (await exported("order-events")).text);
    const plain = await executeRows<Record<string, string | null>>(
      h.db,
      sql`select seq::text, order_id::text, hash, prev_hash, type, status_before, status_after, quantity_before::text, quantity_after::text,
          filled_before::text, filled_after::text, sync_batch_id::text
        from order_events where owner_id = ${ownerId}::uuid and occurred_at >= '2026-11-01' and occurred_at < '2026-12-01' order by occurred_at, seq`,
    );
    expect(plain.length).toBeGreaterThan(20);
    expect(rows.map((r) => Object.fromEntries(Object.keys(plain[0]!).map((k) => [k, r[k]])))).toEqual(plain.map((p) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? ""]))));
    expect(rows.every((r) => r.account_uid && r.venue_order_id && r.symbol && r.recorded_at!.endsWith("Z"))).toBe(true);
  });

  it("fills: twelve at one microsecond instant cross a batch boundary with no gap or repeat, decimals exact", async () => {
    const rows = csvObjects("fills", (await exported("fills")).text);
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const plain = await executeRows<{ id: string }>(
      h.db,
      sql`select id::text from fills where owner_id = ${ownerId}::uuid and executed_at >= '2026-11-01' and executed_at < '2026-12-01' order by executed_at, id`,
    );
    expect(ids).toEqual(plain.map((p) => p.id));
    const ties = rows.filter((r) => r.venue_order_id === "tie-order");
    expect(ties).toHaveLength(12);
    expect(ties.every((r) => r.executed_at === TIES_AT)).toBe(true);
    const odd = ties.find((r) => r.venue_fill_id === "tie-0")!;
    expect([odd.price, odd.quantity, odd.client_order_id]).toEqual(["12345678901234567890.123456789012345678", "0.000000000000000001", 'a,"b"']);
  });

  it("fills in NDJSON: the same rows, money as strings", async () => {
    const csv = csvObjects("fills", (await exported("fills")).text);
    const { res, text } = await exported("fills", RANGE, "ndjson");
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = text.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(lines.map((l) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, v ?? ""])))).toEqual(csv);
    expect(Object.keys(lines[0]!)).toEqual([...EXPORT_COLUMNS.fills]);
    expect(lines.find((l) => l.venue_fill_id === "tie-0")!.price).toBe("12345678901234567890.123456789012345678");
  });

  it("the /orders filters select the same orders as the list does", async () => {
    const all = csvObjects("orders", (await exported("orders")).text);
    const symbol = all[0]!.symbol!;
    const filtered = csvObjects("orders", (await exported("orders", { ...RANGE, symbol, status: "filled" })).text);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.map((r) => r.id)).toEqual(all.filter((r) => r.symbol === symbol && r.status === "filled").map((r) => r.id));
    const events = csvObjects("order-events", (await exported("order-events", { ...RANGE, symbol, status: "filled" })).text);
    const ids = new Set(filtered.map((r) => r.id));
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => ids.has(e.order_id!))).toBe(true);
  });

  it("cash flows: the manual flow's note with quotes, a line break, a comma and unicode reads back exactly, with its value and whether it counts", async () => {
    const rows = csvObjects("cash-flows", (await exported("cash-flows")).text);
    const plain = await executeRows<{ id: string }>(
      h.db,
      sql`select distinct on (coalesce(account_id, portfolio_id), venue_flow_id) id::text, occurred_at from cash_flows
        where owner_id = ${ownerId}::uuid and reverses_id is null and occurred_at >= '2026-11-01' and occurred_at < '2026-12-01'
        order by coalesce(account_id, portfolio_id), venue_flow_id, seq desc`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual(plain.map((p) => p.id).sort());
    const manual = rows.find((r) => r.venue_flow_id === "manual:export-test")!;
    expect(manual).toMatchObject({ note: NOTE, description: 'desk, "A"', amount: "1000.000000000000000001", value_base: "1000.000000000000000001", base_currency: "USD", counted: "true", source: "manual" });
    expect(rows.map((r) => r.occurred_at)).toEqual([...rows.map((r) => r.occurred_at)].sort());
  });

  it("snapshots: the daily equity series with NAV per unit, as equity_rollups holds it", async () => {
    const rows = csvObjects("snapshots", (await exported("snapshots")).text);
    const plain = await executeRows<Record<string, string | null>>(
      h.db,
      sql`select bucket_start, equity::text, nav_per_unit::text, units::text from equity_rollups where owner_id = ${ownerId}::uuid and bucket = '1d'
        and bucket_start >= '2026-11-01' and bucket_start < '2026-12-01' order by bucket_start`,
    );
    expect(plain.length).toBeGreaterThan(1);
    expect(rows.map((r) => [iso(r.bucket_start!), r.equity, r.nav_per_unit, r.units, r.bucket, r.base_currency])).toEqual(
      plain.map((p) => [iso(p.bucket_start!), p.equity, p.nav_per_unit ?? "", p.units ?? "", "1d", "USD"]),
    );
  });

  it("a range is [from, to): a row at `from` is in, a row at `to` is out", async () => {
    const at = "2026-11-21T08:00:00.123456Z";
    const justAfter = "2026-11-21T08:00:00.123457Z";
    expect(csvObjects("fills", (await exported("fills", { from: at, to: justAfter })).text)).toHaveLength(12);
    expect(csvObjects("fills", (await exported("fills", { from: "2026-11-21T00:00:00Z", to: at })).text).filter((r) => r.venue_order_id === "tie-order")).toHaveLength(0);
  });

  it.each(["orders", "order-events", "fills", "cash-flows", "snapshots"] as const)("%s: no row of another workspace, and theirs none of ours", async (dataset) => {
    const key = dataset === "order-events" ? "seq" : dataset === "snapshots" ? "bucket_start" : "id";
    const mine = csvObjects(dataset, (await exported(dataset)).text);
    const theirs = csvObjects(dataset, (await exported(dataset, RANGE, "csv", otherOwnerId)).text);
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.length).toBeGreaterThan(0);
    if (dataset !== "snapshots") {
      const ours = new Set(mine.map((r) => r[key]));
      expect(theirs.filter((r) => ours.has(r[key]))).toEqual([]);
    }
    if (dataset === "orders" || dataset === "cash-flows") expect(theirs.every((r) => r.connection_label === "Theirs")).toBe(true);
    if (dataset === "snapshots") {
      const equity = await executeRows<{ n: string }>(h.db, sql`select count(*)::text as n from equity_rollups where owner_id = ${otherOwnerId}::uuid and bucket = '1d' and bucket_start >= '2026-11-01' and bucket_start < '2026-12-01'`);
      expect(theirs).toHaveLength(Number(equity[0]!.n));
    }
  });

  // On PostgreSQL a CSV export is one COPY written by the server; read batch by batch and written
  // here it must be the same file, byte for byte: empty strings, quotes, commas, line breaks and
  // non-ASCII text included. On PGlite both sides are batches.
  it.each([
    ["orders", {}],
    ["orders", { status: "filled", side: "sell" }],
    ["order-events", { strategy: "mm" }],
    ["fills", {}],
    ["fills", { symbol: "BTC/USDT", find: "tie-order" }],
    ["fills", { symbol: "BTC/USDT' $vf$ \\" }],
    ["cash-flows", {}],
    ["snapshots", { bucket: "1h" }],
  ] as const)("%s %j: the CSV the route sends is the batches' CSV, byte for byte", async (dataset, filters) => {
    await h.db.insert(cashFlows).values({
      ownerId,
      connectionId: (await executeRows<{ id: string }>(h.db, sql`select connection_id::text as id from trading_accounts where id = ${accountId}::uuid`))[0]!.id,
      accountId,
      venueFlowId: `manual:empty-${dataset}-${JSON.stringify(filters)}`,
      kind: "withdrawal",
      asset: "USD",
      amount: "1",
      occurredAt: new Date("2026-11-23T09:00:00Z"),
      status: "confirmed",
      source: "manual",
      description: "",
      note: "",
    });
    const query = { ...RANGE, ...filters };
    const parsed = parseExportRequest(dataset, new URLSearchParams({ ...query, format: "csv" }), TZ);
    if (!parsed.ok) throw new Error(parsed.error);
    const q = { ownerId, baseCurrency: BASE, dataset, from: parsed.value.from, to: parsed.value.to, filters: parsed.value.filters, bucket: parsed.value.bucket };
    let batches = csvRecord(EXPORT_COLUMNS[dataset]);
    for (let after: ExportKey | null = null; ; ) {
      const batch = await readExportBatch(h.db, q, after, 500);
      batches += encodeRows(batch.rows, EXPORT_COLUMNS[dataset], "csv");
      after = batch.last;
      if (batch.rows.length < 500) break;
    }
    const sent = await exportResponse(h.db, { ownerId, baseCurrency: BASE }, parsed.value).text();
    expect(sent).toBe(batches);
  });
});
