// Saving, refusing and scoping rebalance targets through the real action client (session
// cookie, role, workspace), and the preview they produce on a synced demo connection: the
// route, the CSV and the engine agree. The 401 and the viewer's 403 are also in
// lib/access/entry-points.int.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getRebalanceTargets } from "@/db/queries/rebalance-targets";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { saveRebalanceTargets } from "@/lib/actions/rebalance-targets";
import { calculateRebalance } from "@/lib/engines/rebalance";
import { parseCsv } from "@/lib/exports/csv";
import { syncConnection } from "@/lib/sync/sync-connection";
import { buildRebalancePreview, rebalancePreviewForKey } from "./preview";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const SYNCED = new Date("2026-11-20T10:00:00Z");
let w: AccessWorld;
let key: string;

beforeAll(async () => {
  w = await openAccessWorld();
  key = `connection:${w.personal.connectionId}`;
  await syncConnection(w.handle.db, { ownerId: w.personal.id, connectionId: w.personal.connectionId, trigger: "manual", now: () => SYNCED });
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

const saved = (portfolioKey: string, ownerId = w.personal.id) => getRebalanceTargets(w.handle.db, { ownerId, portfolioKey });
const good = [
  { asset: "BTC", weight: "50", band: "2" },
  { asset: "ETH", weight: "30", band: "2" },
  { asset: "USDT", weight: "20", band: "1" },
];

describe("saveRebalanceTargets", () => {
  it("a member saves 50 / 30 / 20 %: stored as fractions 0.5 / 0.3 / 0.2 with bands, under the selection's key", async () => {
    currentCookie = w.cookie.member;
    const res = await saveRebalanceTargets({ portfolio: key, targets: good });
    expect(res.serverError).toBeUndefined();
    expect(res.data).toMatchObject({ portfolio: key, targets: 3 });
    expect((await saved(key)).map((t) => [t.asset, t.weight, t.band])).toEqual([
      ["BTC", "0.5", "0.02"],
      ["ETH", "0.3", "0.02"],
      ["USDT", "0.2", "0.01"],
    ]);
  });

  it("refuses 50 + 30 + 10 = 90 %, naming the field and the sum; nothing is saved, the previous set stands", async () => {
    currentCookie = w.cookie.member;
    const res = await saveRebalanceTargets({ portfolio: key, targets: [good[0]!, good[1]!, { asset: "USDT", weight: "10", band: "1" }] });
    expect(res.data).toBeUndefined();
    expect(JSON.stringify(res.validationErrors)).toContain("Target weights sum to 90 %; they must sum to 100 % (± 0.01 %)");
    expect((await saved(key)).map((t) => t.weight)).toEqual(["0.5", "0.3", "0.2"]);
  });

  it("refuses a negative weight (BTC −10 %, ETH 110 % would sum to 100): the message names the field; nothing saved", async () => {
    currentCookie = w.cookie.member;
    const res = await saveRebalanceTargets({ portfolio: key, targets: [{ asset: "BTC", weight: "-10", band: "1" }, { asset: "ETH", weight: "110", band: "1" }] });
    expect(res.data).toBeUndefined();
    const text = JSON.stringify(res.validationErrors);
    expect(text).toContain("Target weight must not be negative");
    expect((await saved(key)).map((t) => t.weight)).toEqual(["0.5", "0.3", "0.2"]);
  });

  it("accepts a sum within ± 0.01 points: 50.005 + 30 + 20 = 100.005 %", async () => {
    currentCookie = w.cookie.member;
    const res = await saveRebalanceTargets({ portfolio: "all", targets: [{ asset: "BTC", weight: "50.005", band: "0" }, good[1]!, good[2]!] });
    expect(res.serverError).toBeUndefined();
    expect((await saved("all")).map((t) => t.weight)).toEqual(["0.50005", "0.3", "0.2"]);
  });

  it("another workspace's connection is 404 even to an owner, and nothing is saved under either workspace", async () => {
    currentCookie = w.cookie.owner;
    const theirs = `connection:${w.other.connectionId}`;
    const res = await saveRebalanceTargets({ portfolio: theirs, targets: good });
    expect(res.serverError).toEqual({ status: 404, message: "connection not found" });
    expect(await saved(theirs)).toEqual([]);
    expect(await saved(theirs, w.other.id)).toEqual([]);
  });

  it("a viewer is refused (403) and nothing changes", async () => {
    currentCookie = w.cookie.viewer;
    const res = await saveRebalanceTargets({ portfolio: key, targets: [{ asset: "BTC", weight: "100", band: "0" }] });
    expect(res.serverError?.status).toBe(403);
    expect((await saved(key)).map((t) => t.weight)).toEqual(["0.5", "0.3", "0.2"]);
  });
});

describe("the preview of the saved targets", () => {
  it("values the demo's balances and agrees with the engine on the same inputs, to the last digit", async () => {
    const preview = await buildRebalancePreview(w.handle.db, { ownerId: w.personal.id, baseCurrency: "USD", selection: { kind: "connection", connectionId: w.personal.connectionId } });
    expect(preview.state).toBe("ok");
    expect(preview.targets.map((t) => t.asset)).toEqual(["BTC", "ETH", "USDT"]);
    const engine = calculateRebalance({
      baseCurrency: "USD",
      prices: Object.fromEntries(preview.rows.filter((r) => r.price !== null).map((r) => [r.asset, r.price!])),
      holdings: preview.rows.map((r) => ({ asset: r.asset, quantity: r.quantity })),
      targets: { BTC: "0.5", ETH: "0.3", USDT: "0.2" },
      tolerances: { BTC: "0.02", ETH: "0.02", USDT: "0.01" },
    });
    expect(preview.totalValue).toBe(engine.totalValue);
    for (const r of preview.rows) {
      const e = engine.rows.find((x) => x.asset === r.asset)!;
      expect([r.asset, r.currentWeight, r.action, r.valueDelta]).toEqual([e.asset, e.currentWeight, e.action, e.valueDelta]);
    }
    expect(engine.rows.some((x) => x.action === "buy" || x.action === "sell")).toBe(true);
    // The legs of each trade add up to the engine's value, and each names its fee assumption.
    for (const e of engine.rows.filter((x) => x.action === "buy" || x.action === "sell")) {
      const legs = preview.legs.filter((l) => l.asset === e.asset);
      expect(legs.reduce((s, l) => s + Number(l.value), 0)).toBeCloseTo(Math.abs(Number(e.valueDelta)), 6);
      for (const l of legs) expect(l.feeSource).toContain("Demo venue");
    }
    expect(preview.quotes).toBeNull();
    expect(preview.previewOnly).toBe(true);
  });

  it("the chat bot's entry, by scope and stored key, answers the same preview; a malformed key is refused by name", async () => {
    const scope = { db: w.handle.db, ownerId: w.personal.id, baseCurrency: "USD" };
    const byKey = await rebalancePreviewForKey(scope, key);
    const bySelection = await buildRebalancePreview(w.handle.db, { ownerId: w.personal.id, baseCurrency: "USD", selection: { kind: "connection", connectionId: w.personal.connectionId } });
    expect(byKey).toEqual(bySelection);
    await expect(rebalancePreviewForKey(scope, "desk")).rejects.toThrow('portfolio key "desk": portfolio must be "all", "connection:<uuid>" or "portfolio:<uuid>"');
    await expect(rebalancePreviewForKey(scope, `connection:${w.other.connectionId}`)).rejects.toThrow("connection not found");
  });

  it("another workspace's connection is not found (404 at the route)", async () => {
    await expect(buildRebalancePreview(w.handle.db, { ownerId: w.personal.id, baseCurrency: "USD", selection: { kind: "connection", connectionId: w.other.connectionId } })).rejects.toThrow("connection not found");
    currentCookie = w.cookie.owner;
    const { GET } = await import("@/app/api/rebalance/route");
    const res = await GET(new Request(`http://localhost/api/rebalance?portfolio=connection:${w.other.connectionId}`, { headers: { cookie: w.cookie.owner } }));
    expect(res.status).toBe(404);
    const bad = await GET(new Request("http://localhost/api/rebalance?portfolio=nonsense", { headers: { cookie: w.cookie.owner } }));
    expect(bad.status).toBe(400);
  });

  it("the CSV lists every leg with the preview's exact decimals", async () => {
    const { GET } = await import("@/app/api/rebalance/plan.csv/route");
    const res = await GET(new Request(`http://localhost/api/rebalance/plan.csv?portfolio=${key}`, { headers: { cookie: w.cookie.viewer } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rebalance-plan-connection-[0-9a-f-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, ...records] = parseCsv(await res.text());
    const preview = await buildRebalancePreview(w.handle.db, { ownerId: w.personal.id, baseCurrency: "USD", selection: { kind: "connection", connectionId: w.personal.connectionId } });
    expect(preview.legs.length).toBeGreaterThan(0);
    expect(records.length).toBe(preview.legs.length);
    const col = (name: string) => header!.indexOf(name);
    records.forEach((r, i) => {
      const l = preview.legs[i]!;
      expect([r[col("asset")], r[col("side")], r[col("quantity")], r[col("value")], r[col("estimated_fee")], r[col("quote_status")]]).toEqual([l.asset, l.side, l.quantity, l.value, l.fee, "not_requested"]);
    });
  });
});
