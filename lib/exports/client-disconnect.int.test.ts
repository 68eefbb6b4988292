// A client that disconnects in the middle of an export download, over real HTTP: the server
// stops reading the database (the stream's cancel reaches the batch reader, or on PostgreSQL
// cancels a CSV export's COPY), keeps no transaction or connection busy, and serves the next
// request whole. The node http server
// hands the Web Response to the socket with stream.pipeline, as Next's node server does:
// a closed socket destroys the source, which cancels the ReadableStream.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { parseCsv } from "./csv";
import { readExportBatch } from "./datasets";
import { exportResponse, MAX_COPY_EXPORTS } from "./export-response";
import { parseExportRequest } from "./request";

vi.mock("./datasets", async (importOriginal) => {
  const actual = await importOriginal<typeof import("./datasets")>();
  // Each batch read takes 20 ms more, as on a busy database: the download outlasts the client's patience.
  const slow: typeof actual.readExportBatch = async (...args) => {
    await new Promise((r) => setTimeout(r, 20));
    return actual.readExportBatch(...args);
  };
  return { ...actual, readExportBatch: vi.fn(slow) };
});

const BATCH = 10;
let h: DbHandle;
let ownerId: string;
let server: http.Server;
let base: string;
const served: Array<Promise<string>> = [];

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const conn = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "disconnect" } });
  const at = new Date("2026-11-20T10:00:00Z");
  await syncConnection(h.db, { ownerId, connectionId: conn.id, trigger: "manual", now: () => at, connector: demoAt(at, {}, "disconnect"), ...offline });
  server = http.createServer((req, res) => {
    const params = new URL(req.url!, "http://x").searchParams;
    const parsed = parseExportRequest("fills", params, "UTC");
    if (!parsed.ok) return void res.writeHead(400).end();
    const response = exportResponse(h.db, { ownerId, baseCurrency: "USD" }, parsed.value, Number(params.get("batch") ?? BATCH));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    served.push(
      pipeline(Readable.fromWeb(response.body! as import("node:stream/web").ReadableStream), res).then(
        () => "complete",
        (e: NodeJS.ErrnoException) => e.code ?? e.message,
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/exports/fills?from=2026-11-01&to=2026-11-30`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await h?.close();
});

const reads = () => vi.mocked(readExportBatch).mock.calls.length;
const activeCopies = async () =>
  (await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from pg_stat_activity where state = 'active' and query ilike 'copy (%'`))[0]!.n;
const countFills = async () => (await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from fills`))[0]!.n;

/** Reads the first chunk of `url`, then drops the connection. */
function dropAfterFirstChunk(url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.once("data", () => {
        req.destroy();
        resolve();
      });
    });
    req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve() : reject(e)));
  });
}

describe("a client disconnects in the middle of an export", () => {
  it("batches (NDJSON, and CSV on PGlite): the server stops reading, and serves the next request whole", async () => {
    const fills = await countFills();
    const batches = Math.floor(fills / BATCH) + 1;
    expect(batches).toBeGreaterThan(10);

    await dropAfterFirstChunk(`${base}&format=ndjson`);
    expect(await served[0]).toBe("ERR_STREAM_PREMATURE_CLOSE");
    const readsAtClose = reads();
    await new Promise((r) => setTimeout(r, 300));
    // Stopped: no read after the close (at most the one already under way), far short of the whole range.
    expect(reads()).toBeLessThanOrEqual(readsAtClose + 1);
    expect(reads()).toBeLessThan(batches);

    // Still serving: the next download is whole, every fill once.
    const body = await (await fetch(`${base}&format=ndjson`)).text();
    expect(await served[1]).toBe("complete");
    const lines = body.trimEnd().split("\n");
    expect(lines).toHaveLength(fills);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: string }).id)).size).toBe(fills);
  });

  it("CSV (one COPY on PostgreSQL): a download dropped part-way leaves no statement running, and the next one is whole", async () => {
    // Enough rows that the export outlasts the sockets' buffers: 40,000 more fills, copies of the synced ones.
    await h.db.execute(sql`
      insert into fills (owner_id, account_id, venue_fill_id, venue_order_id, symbol, side, price, quantity, fee, fee_currency, executed_at, sync_batch_id)
      select f.owner_id, f.account_id, f.venue_fill_id || '-copy-' || g, f.venue_order_id, f.symbol, f.side, f.price, f.quantity, f.fee, f.fee_currency, f.executed_at, f.sync_batch_id
      from (select * from fills order by id limit 100) f cross join generate_series(1, 400) g`);
    const fills = await countFills();
    expect(fills).toBeGreaterThan(40_000);
    const copies = async () => (h.driver === "postgres" ? activeCopies() : 0);

    // Batches of 5,000 where CSV goes batch by batch (PGlite): the 20 ms a batch costs here would otherwise make it minutes.
    const csv = `${base}&format=csv&batch=5000`;
    await dropAfterFirstChunk(csv);
    expect(await served[2]).toBe("ERR_STREAM_PREMATURE_CLOSE");
    let running = await copies();
    for (let i = 0; i < 50 && running > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      running = await copies();
    }
    expect(running).toBe(0);

    const body = await (await fetch(csv)).text();
    expect(await served[3]).toBe("complete");
    const rows = parseCsv(body);
    expect(rows.length - 1).toBe(fills);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(fills);
  });

  it(`CSV downloads held open by ${MAX_COPY_EXPORTS} slow clients (COPYs on PostgreSQL, each holding a connection): the next is served whole, batch by batch, and the pool answers`, async () => {
    const fills = await countFills();
    const csv = `${base}&format=csv&batch=5000`;
    const held = await Promise.all(
      Array.from(
        { length: MAX_COPY_EXPORTS },
        () =>
          new Promise<http.ClientRequest>((resolve, reject) => {
            const req = http.get(csv, (res) => {
              res.once("data", () => {
                res.pause();
                resolve(req);
              });
            });
            req.on("error", reject);
          }),
      ),
    );
    try {
      if (h.driver === "postgres") {
        // Each held download has its header; its COPY starts when its stream is first pulled.
        let running = await activeCopies();
        for (let i = 0; i < 50 && running < MAX_COPY_EXPORTS; i++) {
          await new Promise((r) => setTimeout(r, 100));
          running = await activeCopies();
        }
        expect(running).toBe(MAX_COPY_EXPORTS);
      }
      const readsBefore = reads();
      const body = await (await fetch(csv)).text();
      expect(parseCsv(body).length - 1).toBe(fills);
      // Batch by batch (on PGlite the held downloads' read-ahead counts too).
      expect(reads() - readsBefore).toBeGreaterThanOrEqual(Math.floor(fills / 5000) + 1);
      const [answer] = await executeRows<{ one: number }>(h.db, sql`select 1 as one`);
      expect(answer!.one).toBe(1);
    } finally {
      for (const req of held) req.destroy();
    }
  });
});
