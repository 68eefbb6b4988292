import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { syncBatches, syncRawResponses } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { ConnectorError } from "@/lib/connectors/errors";
import type { Quote } from "@/lib/connectors/types";
import type { ReferencePriceSource } from "@/lib/prices/reference";
import { syncConnection } from "./sync-connection";
import { demoAt, offline } from "./test-support";
import { pruneRawResponses, RAW_RETENTION_MS, RAW_RETENTION_RUNS } from "./write-raw-responses";

const T1 = new Date("2026-11-20T10:00:00Z");

let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "raw" } })).id;
});
afterAll(async () => h?.close());

const rawOf = (batchId: string) =>
  h.db.select().from(syncRawResponses).where(eq(syncRawResponses.batchId, batchId)).orderBy(asc(syncRawResponses.endpoint));

describe("raw venue responses", () => {
  it("a run keeps each of the demo venue's 7 responses as jsonb, owner-scoped, counted on the batch", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => T1, connector: demoAt(T1, {}, "raw"), ...offline });
    const rows = await rawOf(r.batchId);
    expect(rows.map((x) => x.endpoint)).toEqual(["demo:accounts", "demo:balances", "demo:cash-flows", "demo:fills", "demo:orders", "demo:positions", "demo:quotes"]);
    expect(rows.every((x) => x.ownerId === ownerId && x.connectionId === connectionId && !x.truncated)).toBe(true);
    // Before the demo's first flow (2026-11-23) its flow history is the empty list, kept all the same.
    expect(rows.filter((x) => x.bytes <= 2).map((x) => [x.endpoint, x.body])).toEqual([["demo:cash-flows", []]]);
    expect(rows.find((x) => x.endpoint === "demo:quotes")!.body).toEqual(expect.arrayContaining([expect.objectContaining({ base: "BTC", quote: "USD" })]));
    expect(r.counts.rawResponses).toBe(7);
    const [batch] = await h.db.select().from(syncBatches).where(eq(syncBatches.id, r.batchId));
    // The demo client counts nothing itself: one call per captured response.
    expect(batch!.apiCalls).toBe(7);
  });

  it("outside prices that valued the snapshot are kept beside the venue's answers", async () => {
    const at = new Date("2026-11-20T11:00:00Z");
    const demo = demoAt(at, {}, "raw");
    // The venue prices nothing in USD itself here; a fake reference source does.
    const usdtOnly = demoAt(at, { fetchQuotes: async () => ({ items: [], raw: [] }) }, "raw");
    const reference: ReferencePriceSource = {
      name: "fake-index",
      usdQuotes: async (assets) => (await demo.fetchQuotes(assets)).items.filter((q: Quote) => assets.includes(q.base)),
    };
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: usdtOnly, referencePrices: reference, webhook: null });
    expect(r.unpriced).toEqual([]);
    const kept = (await rawOf(r.batchId)).find((x) => x.endpoint === "reference prices: fake-index");
    expect(kept!.body).toEqual(expect.arrayContaining([expect.objectContaining({ base: "BTC", quote: "USD" })]));
  });

  it("a failed run keeps none of its responses (they roll back with it)", async () => {
    const at = new Date("2026-11-20T12:00:00Z");
    const broken = demoAt(at, {
      fetchQuotes: async () => {
        throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /quotes", message: "503" });
      },
    }, "raw");
    const err = (await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at, connector: broken, ...offline }).catch((e: unknown) => e)) as {
      batchId: string;
    };
    expect(await rawOf(err.batchId)).toEqual([]);
  });

  it(`retention keeps the responses of the last ${RAW_RETENTION_RUNS} runs: of 52 one-response runs the 2 oldest lose theirs`, async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    await h.db.delete(syncRawResponses);
    const ids: string[] = [];
    for (let i = 0; i < RAW_RETENTION_RUNS + 2; i++) {
      const startedAt = new Date(now.getTime() - (RAW_RETENTION_RUNS + 2 - i) * 60_000);
      const [b] = await h.db.insert(syncBatches).values({ ownerId, connectionId, trigger: "cron", status: "succeeded", startedAt }).returning();
      ids.push(b!.id);
      await h.db.insert(syncRawResponses).values({ batchId: b!.id, connectionId, ownerId, endpoint: "demo:balances", capturedAt: startedAt, body: [], bytes: 2 });
    }
    await pruneRawResponses(h.db, { connectionId, at: now });
    const kept = (await h.db.select({ batchId: syncRawResponses.batchId }).from(syncRawResponses)).map((r) => r.batchId);
    expect(kept.sort()).toEqual(ids.slice(2).sort());
  });

  it("retention drops a response captured 7 days and 1 ms ago even when its run is recent", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const other = (await createConnection(h.db, { ownerId, provider: "demo", label: "Old", config: { seed: "old" } })).id;
    const [b] = await h.db.insert(syncBatches).values({ ownerId, connectionId: other, trigger: "cron", status: "succeeded", startedAt: now }).returning();
    const row = { batchId: b!.id, connectionId: other, ownerId, endpoint: "demo:balances", body: {}, bytes: 2 };
    await h.db.insert(syncRawResponses).values([
      { ...row, capturedAt: new Date(now.getTime() - RAW_RETENTION_MS - 1) },
      { ...row, capturedAt: new Date(now.getTime() - RAW_RETENTION_MS) },
    ]);
    await pruneRawResponses(h.db, { connectionId: other, at: now });
    const left = await h.db.select({ capturedAt: syncRawResponses.capturedAt }).from(syncRawResponses).where(eq(syncRawResponses.connectionId, other));
    expect(left).toEqual([{ capturedAt: new Date(now.getTime() - RAW_RETENTION_MS) }]);
  });
});
