// What "Run now" on /strategies does for someone allowed to use it, through the real action
// client (session cookie, role, workspace scope). The 401 and the viewer's 403 are also in
// lib/access/entry-points.int.test.ts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createConnection } from "@/db/queries/connections";
import { reconciledPositions, reconciliationSummaries } from "@/db/schema";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { syncConnection } from "@/lib/sync/sync-connection";
import { runReconciliation } from "./strategies";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const SYNCED = new Date("2026-11-20T10:00:00Z");
let w: AccessWorld;
let mine: string;
let theirs: string;

beforeAll(async () => {
  w = await openAccessWorld();
  const db = w.handle.db;
  mine = (await createConnection(db, { ownerId: w.personal.id, provider: "demo", label: "Bots", config: { seed: "run-now" } })).id;
  theirs = (await createConnection(db, { ownerId: w.other.id, provider: "demo", label: "Their bots", config: { seed: "run-now-theirs" } })).id;
  await syncConnection(db, { ownerId: w.personal.id, connectionId: mine, trigger: "manual", now: () => SYNCED });
  await syncConnection(db, { ownerId: w.other.id, connectionId: theirs, trigger: "manual", now: () => SYNCED });
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

const summaries = (connectionId: string) => w.handle.db.select().from(reconciliationSummaries).where(eq(reconciliationSummaries.connectionId, connectionId));

describe("runReconciliation", () => {
  it("a viewer is refused (403) and nothing is reconciled", async () => {
    currentCookie = w.cookie.viewer;
    const res = await runReconciliation({});
    expect(res.serverError).toEqual({ status: 403, message: "This needs the member role or higher; your role in Personal is viewer" });
    expect(await summaries(mine)).toEqual([]);
  });

  it("a member runs it: the workspace's connection is reconciled and the time recorded; the other workspace's is not touched", async () => {
    currentCookie = w.cookie.member;
    const before = Date.now();
    const res = await runReconciliation({});
    expect(res.serverError).toBeUndefined();
    expect(res.data).toMatchObject({ connections: 1, rows: expect.any(Number) });
    expect(res.data!.rows).toBeGreaterThan(0);
    const [summary] = await summaries(mine);
    expect(summary!.reconciledAt.toISOString()).toBe(res.data!.reconciledAt);
    expect(summary!.reconciledAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(await summaries(theirs)).toEqual([]);
  });

  it("run again: the same snapshot is reconciled anew (a later time), its rows replaced, never doubled", async () => {
    const [first] = await summaries(mine);
    const rowsBefore = await w.handle.db.select().from(reconciledPositions).where(eq(reconciledPositions.snapshotId, first!.snapshotId));
    await new Promise((r) => setTimeout(r, 5));
    currentCookie = w.cookie.owner;
    const res = await runReconciliation({});
    expect(res.data).toMatchObject({ connections: 1, rows: rowsBefore.length });
    const after = await summaries(mine);
    expect(after).toHaveLength(1);
    expect(after[0]!.snapshotId).toBe(first!.snapshotId);
    expect(after[0]!.reconciledAt.getTime()).toBeGreaterThan(first!.reconciledAt.getTime());
    const rowsAfter = await w.handle.db.select().from(reconciledPositions).where(eq(reconciledPositions.snapshotId, first!.snapshotId));
    expect(rowsAfter.map((r) => [r.symbol, r.strategy, r.quantity]).sort()).toEqual(rowsBefore.map((r) => [r.symbol, r.strategy, r.quantity]).sort());
  });
});
