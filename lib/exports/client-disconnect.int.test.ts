// A client that disconnects in the middle of an export download, over real HTTP: the server
// stops reading the database (the stream's cancel reaches the batch reader), keeps no
// transaction or connection busy, and serves the next request whole. The node http server
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
import { exportResponse } from "./export-response";
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
    const parsed = parseExportRequest("fills", new URL(req.url!, "http://x").searchParams, "UTC");
    if (!parsed.ok) return void res.writeHead(400).end();
    const response = exportResponse(h.db, { ownerId, baseCurrency: "USD" }, parsed.value, BATCH);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    served.push(
      pipeline(Readable.fromWeb(response.body! as import("node:stream/web").ReadableStream), res).then(
        () => "complete",
        (e: NodeJS.ErrnoException) => e.code ?? e.message,
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/exports/fills?format=csv&from=2026-11-01&to=2026-11-30`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await h?.close();
});

const reads = () => vi.mocked(readExportBatch).mock.calls.length;

describe("a client disconnects in the middle of an export", () => {
  it("the server stops reading, and serves the next request whole", async () => {
    const [counted] = await executeRows<{ n: number }>(h.db, sql`select count(*)::int as n from fills`);
    const fills = counted!.n;
    const batches = Math.floor(fills / BATCH) + 1;
    expect(batches).toBeGreaterThan(10);

    // Read the first chunk, then drop the connection.
    await new Promise<void>((resolve, reject) => {
      const req = http.get(base, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", (e) => ((e as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve() : reject(e)));
    });
    expect(await served[0]).toBe("ERR_STREAM_PREMATURE_CLOSE");
    const readsAtClose = reads();
    await new Promise((r) => setTimeout(r, 300));
    // Stopped: no read after the close (at most the one already under way), far short of the whole range.
    expect(reads()).toBeLessThanOrEqual(readsAtClose + 1);
    expect(reads()).toBeLessThan(batches);

    // Still serving: the next download is whole, every fill once.
    const body = await (await fetch(base)).text();
    expect(await served[1]).toBe("complete");
    const rows = parseCsv(body);
    expect(rows.length - 1).toBe(fills);
    expect(new Set(rows.slice(1).map((r) => r.join(","))).size).toBe(fills);
  });
});
