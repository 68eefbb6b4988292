// The portfolio selector through each page's data routes, as a browser calls them: with two
// synced demo connections, selecting one (or a manual group of accounts) changes the figure;
// the overview's equity chart and performance come from its daily closes, a bad shape is a 400 naming
// `portfolio`, another workspace's id a 404. (Roles and workspaces in general:
// lib/access/entry-points.int.test.ts.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { createConnection } from "@/db/queries/connections";
import { connections, tradingAccounts } from "@/db/schema";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { reconcileWorkspace } from "@/lib/attribution/reconcile-job";
import { createManualGroup } from "@/lib/portfolios/manual-groups";
import { captureEndOfDaySnapshots } from "@/lib/snapshots/end-of-day";
import { syncConnection } from "@/lib/sync/sync-connection";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const SYNCED = new Date("2026-11-20T10:00:00Z");
let w: AccessWorld;
const ids = {} as { a: string; b: string; group: string };

beforeAll(async () => {
  w = await openAccessWorld();
  const db = w.handle.db;
  ids.a = (await createConnection(db, { ownerId: w.personal.id, provider: "demo", label: "Desk A", config: { seed: "portfolio-a" } })).id;
  ids.b = (await createConnection(db, { ownerId: w.personal.id, provider: "demo", label: "Desk B", config: { seed: "portfolio-b" } })).id;
  for (const connectionId of [ids.a, ids.b]) await syncConnection(db, { ownerId: w.personal.id, connectionId, trigger: "manual", now: () => SYNCED });
  await reconcileWorkspace(db, { ownerId: w.personal.id, now: SYNCED });
  // Close 20 November (UTC) for both: a connection created after a day takes no part in its close.
  await db.update(connections).set({ createdAt: new Date("2026-11-01T00:00:00Z") }).where(inArray(connections.id, [ids.a, ids.b]));
  await captureEndOfDaySnapshots(db, { now: new Date("2026-11-21T00:05:00Z") });
  const [accountA] = await db.select({ id: tradingAccounts.id }).from(tradingAccounts).where(eq(tradingAccounts.connectionId, ids.a)).limit(1);
  ids.group = (await createManualGroup(db, { ownerId: w.personal.id, baseCurrency: "USD", name: "One of A", accountIds: [accountA!.id] })).id;
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

type Route = { GET: (r: Request) => Promise<Response> };
async function get(file: string, path: string, portfolio?: string, query = "") {
  const { GET } = (await import(/* @vite-ignore */ file)) as Route;
  const sep = query ? "&" : "?";
  const url = `http://localhost${path}${query ? `?${query}` : ""}${portfolio ? `${sep}portfolio=${encodeURIComponent(portfolio)}` : ""}`;
  return GET(new Request(url, { headers: { cookie: w.cookie.viewer } }));
}
async function json(file: string, path: string, portfolio?: string, query = ""): Promise<Record<string, unknown>> {
  const res = await get(file, path, portfolio, query);
  expect(res.status, `${path} ${portfolio ?? "all"}`).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}
const conn = (id: string) => `connection:${id}`;
const num = (v: unknown) => Number(v as string);

describe("GET /api/dashboard/summary and /metrics (the overview)", () => {
  it("equity of one connection is that connection's, less than the workspace's two; the document names the selection", async () => {
    const all = await json("./dashboard/summary/route", "/api/dashboard/summary");
    const a = await json("./dashboard/summary/route", "/api/dashboard/summary", conn(ids.a));
    const b = await json("./dashboard/summary/route", "/api/dashboard/summary", conn(ids.b));
    expect(num(a.equity)).toBeGreaterThan(0);
    expect(num(a.equity) + num(b.equity)).toBeCloseTo(num(all.equity), 6);
    expect(a.portfolio).toMatchObject({ key: conn(ids.a), label: "Desk A", kind: "connection", notFiltered: null });
    expect((a.connections as { label: string }[]).map((c) => c.label)).toEqual(["Desk A"]);
    const bar = await json("./dashboard/metrics/route", "/api/dashboard/metrics", conn(ids.b));
    expect(num(bar.equity)).toBeCloseTo(num(b.equity), 6);
    // Periods from B's daily close (20 November) and, today, its latest snapshot: measured, and saying so.
    // (Which periods reach back to 20 November depends on today's date; the day always does.)
    const periods = bar.periods as { id: string; status: string; pnl: string | null }[];
    expect(periods.map((p) => p.id)).toEqual(["day", "week", "month", "ytd"]);
    expect(periods[0]).toMatchObject({ status: "ok", pnl: "0" });
    for (const p of periods) expect(["ok", "no_history"]).toContain(p.status);
    expect((bar.methods as { periodPnl: { text: string } }).periodPnl.text).toMatch(/end-of-day snapshots of the connection/);
    expect((bar.portfolio as { notFiltered: string | null }).notFiltered).toBeNull();
  });

  it("holdings: the allocation's total value follows the selection", async () => {
    const total = (h: Record<string, unknown>) => (h.allocation as { value: string }[]).reduce((s, r) => s + num(r.value), 0);
    const all = await json("./dashboard/holdings/route", "/api/dashboard/holdings");
    const a = await json("./dashboard/holdings/route", "/api/dashboard/holdings", conn(ids.a));
    expect(total(a)).toBeGreaterThan(0);
    expect(total(a)).toBeLessThan(total(all));
  });

  it("a manual group of one account of Desk A: Desk A is only part-selected, so the snapshot figures leave it out and say so", async () => {
    const g = await json("./dashboard/summary/route", "/api/dashboard/summary", `portfolio:${ids.group}`);
    expect(g.equity).toBeNull();
    expect(g.portfolio).toMatchObject({ kind: "manual", partialConnections: ["Desk A"], notFiltered: expect.stringMatching(/leave out Desk A/) });
  });

  it("the equity chart of a connection is its daily closes: one point a day, its opening as its flows", async () => {
    const a = await json("./dashboard/equity/route", "/api/dashboard/equity", conn(ids.a), "range=all");
    const equityA = num((await json("./dashboard/summary/route", "/api/dashboard/summary", conn(ids.a))).equity);
    expect(a.bucket).toBe("1d");
    expect(a.portfolio).toMatchObject({ key: conn(ids.a), label: "Desk A" });
    const points = a.points as { at: string; equity: string; netFlows: string }[];
    // The 20 November close, then today from the same snapshot.
    expect(points.length).toBeGreaterThanOrEqual(2);
    expect(points[0]!.at).toBe("2026-11-20T00:00:00.000Z");
    expect(num(points[0]!.netFlows)).toBeCloseTo(equityA, 6);
    expect(num(points.at(-1)!.equity)).toBeCloseTo(equityA, 6);
    const all = await json("./dashboard/equity/route", "/api/dashboard/equity", "all", "range=all");
    expect(all.portfolio).toBeUndefined();
    expect((await get("./dashboard/equity/route", "/api/dashboard/equity", conn(ids.a), "range=1y")).status).toBe(400);
  });

  it("the performance card of a connection: its own opening and PnL from its daily close, the method saying so", async () => {
    const all = await json("./performance/route", "/api/performance");
    const a = await json("./performance/route", "/api/performance", conn(ids.a));
    const equityA = num((await json("./dashboard/summary/route", "/api/dashboard/summary", conn(ids.a))).equity);
    const inception = a.inception as { netFlows: string; pnl: string };
    // One close, then today from the same snapshot: the opening equity is all of A's flows, and nothing is profit.
    expect(num(inception.netFlows)).toBeCloseTo(equityA, 6);
    expect(num(inception.netFlows)).toBeLessThan(num((all.inception as { netFlows: string }).netFlows));
    expect(num(inception.pnl)).toBe(0);
    expect(a.portfolio).toMatchObject({ key: conn(ids.a), label: "Desk A" });
    expect((a.methods as { twr: string }).twr).toMatch(/end-of-day snapshots of the connection/);
    expect(all.portfolio).toBeUndefined();
  });
});

describe("GET /api/exposure", () => {
  it("gross exposure of one connection, of a manual group of one account, and of the whole workspace differ", async () => {
    const gross = (e: Record<string, unknown>) => num((e.totals as { grossUnnetted: string }).grossUnnetted);
    const all = await json("./exposure/route", "/api/exposure");
    const a = await json("./exposure/route", "/api/exposure", conn(ids.a));
    expect(gross(a)).toBeGreaterThan(0);
    expect(gross(a)).toBeLessThan(gross(all));
    const group = await json("./exposure/route", "/api/exposure", `portfolio:${ids.group}`);
    // The demo has several accounts: one of them is part of Desk A, which has no equity of its own to divide by.
    expect(group.portfolio).toMatchObject({ label: "One of A", kind: "manual", partialConnections: ["Desk A"], notFiltered: expect.stringMatching(/^Equity, weights and leverage are not shown/) });
    expect(group.equity).toBeNull();
    expect((group.totals as { leverage: string | null }).leverage).toBeNull();
    expect((group.byAccount as unknown[]).length).toBe(1);
    expect(gross(group)).toBeLessThanOrEqual(gross(a));
  });
});

describe("GET /api/performance/summary", () => {
  it("trade statistics count the selection's fills only; the metrics table is the connection's, from its daily close", async () => {
    const fillsIn = (s: Record<string, unknown>) => (s.trades as { fillsInRange: number }).fillsInRange;
    const all = await json("./performance/summary/route", "/api/performance/summary", undefined, "range=all");
    const a = await json("./performance/summary/route", "/api/performance/summary", conn(ids.a), "range=all");
    const b = await json("./performance/summary/route", "/api/performance/summary", conn(ids.b), "range=all");
    expect(fillsIn(a)).toBeGreaterThan(0);
    expect(fillsIn(a) + fillsIn(b)).toBe(fillsIn(all));
    expect(all.metrics).not.toBeNull();
    // One close (20 Nov): the opening, so one return of 0, and net flows = the opening equity = Desk A's equity.
    const metrics = a.metrics as { state: string; returns: number; twr: number; netFlows: string; methods: { twr: { text: string } } };
    expect(metrics).toMatchObject({ state: "ok", returns: 1, twr: 0 });
    const equityA = num((await json("./dashboard/summary/route", "/api/dashboard/summary", conn(ids.a))).equity);
    expect(num(metrics.netFlows)).toBeCloseTo(equityA, 6);
    expect(metrics.methods.twr.text).toMatch(/end-of-day snapshots of the connection/);
  });

  it("a group of one account of Desk A: Desk A is left out of the metrics (no whole connection: empty) and named", async () => {
    const g = await json("./performance/summary/route", "/api/performance/summary", `portfolio:${ids.group}`, "range=all");
    expect((g.metrics as { state: string }).state).toBe("empty");
    expect(g.portfolio).toMatchObject({ partialConnections: ["Desk A"], notFiltered: expect.stringMatching(/leave out Desk A/) });
  });
});

describe("GET /api/performance/series", () => {
  it("a connection's charts are its own daily series; the workspace's come from the roll-ups", async () => {
    const query = "from=2026-11-01&to=2026-11-30&benchmark=none";
    const a = await json("./performance/series/route", "/api/performance/series", conn(ids.a), query);
    expect(a.state).toBe("ok");
    expect((a.points as { cumulativeReturn: string }[]).map((p) => p.cumulativeReturn)).toEqual(["0"]);
    expect((a.methods as { cumulative: string }).cumulative).toMatch(/end-of-day snapshots of the connection/);
    const all = await json("./performance/series/route", "/api/performance/series", "all", query);
    expect((all.methods as { cumulative: string }).cumulative).toMatch(/1d roll-ups/);
  });
});

describe("GET /api/funds", () => {
  it("the world's 1Token fund belongs to its own connection: listed for all and for it, not for Desk A", async () => {
    const names = (f: Record<string, unknown>) => (f.funds as { name: string }[]).map((x) => x.name);
    expect(names(await json("./funds/route", "/api/funds"))).toEqual(["Access fund"]);
    expect(names(await json("./funds/route", "/api/funds", conn(w.personal.connectionId)))).toEqual(["Access fund"]);
    expect(names(await json("./funds/route", "/api/funds", conn(ids.a)))).toEqual([]);
    expect(names(await json("./funds/route", "/api/funds", `portfolio:${w.personal.fundId}`))).toEqual(["Access fund"]);
  });
});

describe("GET /api/strategies", () => {
  it("fills per strategy and the reconciled connections follow the selection", async () => {
    const fills = (s: Record<string, unknown>) => (s.strategies as { fills: { count: number } }[]).reduce((t, x) => t + x.fills.count, 0);
    const all = await json("./strategies/route", "/api/strategies");
    const a = await json("./strategies/route", "/api/strategies", conn(ids.a));
    expect(fills(a)).toBeGreaterThan(0);
    expect(fills(a)).toBeLessThan(fills(all));
    expect((a.accounts as { label: string }[]).map((x) => x.label)).toEqual(["Desk A"]);
  });
});

describe("a selection that cannot be read", () => {
  it("a bad shape is a 400 naming portfolio; another workspace's connection or fund, or an unknown id, a 404", async () => {
    const bad = await get("./exposure/route", "/api/exposure", "fund:1");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fields: ["portfolio"] });
    for (const key of [conn(w.other.connectionId), `portfolio:${w.other.fundId}`, "portfolio:00000000-0000-4000-8000-000000000000"]) {
      const res = await get("./dashboard/summary/route", "/api/dashboard/summary", key);
      expect(res.status, key).toBe(404);
    }
    // The overview's routes measured on a selection's daily closes refuse another workspace's the same way.
    for (const [file, path, query] of [
      ["./dashboard/equity/route", "/api/dashboard/equity", "range=30d"],
      ["./dashboard/metrics/route", "/api/dashboard/metrics", ""],
      ["./performance/route", "/api/performance", ""],
    ] as const) {
      const res = await get(file, path, conn(w.other.connectionId), query);
      expect(res.status, path).toBe(404);
      expect(JSON.stringify(await res.json())).not.toContain(w.other.connectionId);
    }
  });
});
