import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import * as batches from "@/db/queries/sync-batches";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { syncBatches, type SyncProgress } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { ConnectorError } from "@/lib/connectors/errors";
import { ScaledDemoConnector } from "@/lib/connectors/demo/scaled";
import type { Connector } from "@/lib/connectors/types";
import { ProgressRecorder } from "./progress";
import { startSync, syncConnection } from "./sync-connection";
import { demoAt, offline } from "./test-support";

const T1 = new Date("2026-11-20T10:00:00Z");

let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "progress" } })).id;
});
afterAll(async () => h?.close());

const progressOf = async (batchId: string): Promise<SyncProgress | null> =>
  (await h.db.select({ p: syncBatches.progress }).from(syncBatches).where(eq(syncBatches.id, batchId)))[0]!.p;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The demo venue whose order read waits until the test lets it go. */
function heldOrders(at: Date) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const demo = demoAt(at, {}, "progress");
  const connector = demoAt(
    at,
    {
      fetchOrders: async (p) => {
        await gate;
        return demo.fetchOrders(p);
      },
    },
    "progress",
  );
  return { connector, release };
}

describe("a running sync records its progress by stream", () => {
  it("while orders are in flight, the row shows the streams done with their counts and orders running; at the end every stream is done", async () => {
    const { connector, release } = heldOrders(T1);
    const started = await startSync(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, connector, ...offline });
    const midway = await until(() => progressOf(started.batchId), (p) => p?.streams.find((s) => s.stream === "orders")?.state === "running");
    expect(midway).toMatchObject({ stage: "reading", writing: null });
    const byStream = Object.fromEntries(midway!.streams.map((s) => [s.stream, s]));
    expect(midway!.streams.map((s) => s.stream)).toEqual(["accounts", "balances", "positions", "orders", "fills", "cash_flows", "quotes"]);
    expect(byStream.accounts).toMatchObject({ state: "done", items: 3 });
    expect(byStream.balances).toMatchObject({ state: "done", items: 9 });
    expect(byStream.positions).toMatchObject({ state: "done", items: 2 });
    expect(byStream.orders).toMatchObject({ state: "running", items: null, finishedAt: null });
    expect(byStream.fills).toMatchObject({ state: "pending", startedAt: null });
    const [open] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, started.batchId));
    expect(open!.status).toBe("running");

    release();
    const result = await started.done;
    const final = await progressOf(started.batchId);
    expect(final).toMatchObject({ stage: "done", writing: { balances: 9, positions: 2, orders: result.counts.ordersNew } });
    expect(final!.streams.every((s) => s.state === "done" && s.items !== null && s.finishedAt !== null)).toBe(true);
  });

  it("a failed holdings read marks that stream failed and the run's progress failed", async () => {
    const at = new Date(T1.getTime() + 60_000);
    const broken = demoAt(at, {
      fetchBalances: async () => {
        throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /balances", message: "503" });
      },
    }, "progress");
    const err = (await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: broken, ...offline }).catch((e: unknown) => e)) as { batchId: string };
    const p = await progressOf(err.batchId);
    expect(p!.stage).toBe("failed");
    expect(p!.streams.map((s) => [s.stream, s.state])).toEqual([
      ["accounts", "done"],
      ["balances", "failed"],
      ["positions", "pending"],
      ["orders", "pending"],
      ["fills", "pending"],
      ["cash_flows", "pending"],
      ["quotes", "pending"],
    ]);
  });

  it("a partial run keeps the failed independent stream marked, the rest done", async () => {
    const at = new Date(T1.getTime() + 120_000);
    const fillsDown = demoAt(at, {
      fetchFills: async () => {
        throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /fills", message: "503" });
      },
    }, "progress");
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: fillsDown, ...offline });
    expect(r.status).toBe("partial");
    const p = await progressOf(r.batchId);
    expect(p!.stage).toBe("done");
    expect(p!.streams.find((s) => s.stream === "fills")!.state).toBe("failed");
    expect(p!.streams.filter((s) => s.stream !== "fills").every((s) => s.state === "done")).toBe(true);
  });

  it("a 10,000-order first sync writes its progress a handful of times, not once per item, and says what the write stage writes", async () => {
    const spy = vi.spyOn(batches, "saveSyncProgress");
    const scaledId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Scaled", config: { seed: "bench" } })).id;
    const scaled = new ScaledDemoConnector({ seed: "bench", now: () => T1, positions: 50, orders: 10_000 });
    const r = await syncConnection(h.db, { ownerId, connectionId: scaledId, trigger: "manual", now: () => T1, connector: scaled, ...offline });
    const writes = spy.mock.calls.filter(([, p]) => p.batchId === r.batchId).length;
    spy.mockRestore();
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(12);
    const p = await progressOf(r.batchId);
    expect(p!.writing!.orders).toBe(10_000);
    expect(p!.streams.find((s) => s.stream === "orders")!.items).toBe(10_000);
  });
});

describe("ProgressRecorder", () => {
  it("throttles writes, refreshes the request count on its heartbeat only when it moved, and writes nothing after the run's writes begin", async () => {
    const [batch] = await h.db.insert(syncBatches).values({ ownerId, connectionId, trigger: "manual", status: "running", startedAt: T1 }).returning();
    let requests = 0;
    const spy = vi.spyOn(batches, "saveSyncProgress");
    const rec = new ProgressRecorder(h.db, batch!.id, ["accounts", "orders"], { requests: () => requests, minIntervalMs: 100, heartbeatMs: 50 });
    rec.start();
    // A burst of a hundred changes: one write at once, the rest folded into one more.
    for (let i = 1; i <= 100; i++) {
      rec.streamStarted("accounts");
      rec.streamDone("accounts", i);
    }
    await until(() => progressOf(batch!.id), (p) => p?.streams[0]?.items === 100);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(3);
    rec.streamStarted("orders");
    // A long read: only the venue's request count moves, and the row follows it.
    for (let i = 0; i < 5; i++) {
      requests += 2;
      await new Promise((r) => setTimeout(r, 60));
    }
    expect(await until(() => progressOf(batch!.id), (p) => p?.requests === 10)).toMatchObject({ stage: "reading", requests: 10 });
    // Nothing moves (a venue that counts no requests, or a long wait): the heartbeat writes nothing.
    await new Promise((r) => setTimeout(r, 150));
    const settled = spy.mock.calls.length;
    await new Promise((r) => setTimeout(r, 250));
    expect(spy.mock.calls.length).toBe(settled);

    rec.streamDone("orders", 10);
    await rec.beginWriting({ balances: 1, positions: 0, orders: 10, fills: 0, nav: 0 });
    const afterBegin = spy.mock.calls.length;
    requests += 5;
    await new Promise((r) => setTimeout(r, 200));
    expect(spy.mock.calls.length).toBe(afterBegin);
    expect(await progressOf(batch!.id)).toMatchObject({ stage: "writing", writing: { orders: 10 }, streams: [{ state: "done" }, { state: "done", items: 10 }] });
    spy.mockRestore();
  });

  it("a progress write that fails is logged once and never fails the run", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const spy = vi.spyOn(batches, "saveSyncProgress").mockRejectedValue(new Error("database is busy"));
    const at = new Date(T1.getTime() + 180_000);
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: demoAt(at, {}, "progress") as Connector, ...offline });
    expect(r.status).toBe("succeeded");
    expect(warn.mock.calls.filter(([line]) => String(line).includes("progress of batch")).length).toBe(1);
    spy.mockRestore();
    warn.mockRestore();
  });
});
