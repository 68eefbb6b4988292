// The JSON API v1 as a script calls it, on the access world after one sync of its demo
// connection: each resource's happy path with a Bearer key, pagination that walks a list
// without gaps or repeats, 400 with the field list for bad input, 404 for another
// workspace's id, 401 for a revoked key, 429 with Retry-After, all in the one v1 shape.
// (Every route's 401/403/404 by cookie and key is lib/access/entry-points.int.test.ts's.)
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createConnection } from "@/db/queries/connections";
import { portfolioSnapshots } from "@/db/schema";
import { isDecimalString } from "@/lib/money/decimal";
import { itemEnvelope } from "@/lib/api-v1/envelope";
import { v1Handler } from "@/lib/api-v1/handler";
import { defineRoute } from "@/lib/api-v1/route-def";
import { decimal } from "@/lib/api-v1/schemas";
import { mintApiKey, openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { demoReplayInstants } from "@/lib/connectors/demo";
import { D, sum } from "@/lib/money/decimal";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
/** A fresh viewer key for each test: a key's rate limit is 20 requests a second. */
let key: string;
let secondConnectionId: string;

beforeAll(async () => {
  w = await openAccessWorld();
  const now = new Date();
  await syncConnection(w.handle.db, { ownerId: w.personal.id, connectionId: w.personal.connectionId, trigger: "manual", now: () => now, connector: demoAt(now, {}, "access"), ...offline });
  // Older snapshots of the synced connection and of a second one at the same instants:
  // the keyset must page through ties on the time by the id.
  secondConnectionId = (await createConnection(w.handle.db, { ownerId: w.personal.id, provider: "demo", label: "Second", config: { seed: "second" } })).id;
  const instants = [1, 2, 72].map((h) => new Date(now.getTime() - h * 3_600_000));
  await w.handle.db.insert(portfolioSnapshots).values(
    [w.personal.connectionId, secondConnectionId].flatMap((connectionId) =>
      instants.map((capturedAt, i) => ({
        ownerId: w.personal.id,
        connectionId,
        capturedAt,
        baseCurrency: "USD",
        equity: `${1000 + i}.5`,
        spotValue: "1000",
        fundingValue: "0",
        futuresWalletBalance: "0",
        unrealizedPnl: "0",
        marginDebt: "0",
        longExposure: "0",
        shortExposure: "0",
        grossExposure: "0",
        netExposure: "0",
      })),
    ),
  );
});
beforeEach(async () => {
  key = (await mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.owner, role: "viewer" })).key;
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

type Cred = { bearer: string } | { cookie: string };
const ROUTES = {
  workspaces: () => import("./workspaces/route"),
  connections: () => import("./connections/route"),
  "connections/[id]": () => import("./connections/[id]/route"),
  holdings: () => import("./holdings/route"),
  positions: () => import("./positions/route"),
  orders: () => import("./orders/route"),
  fills: () => import("./fills/route"),
  "quantity-changes": () => import("./quantity-changes/route"),
  "orders/[id]": () => import("./orders/[id]/route"),
  snapshots: () => import("./snapshots/route"),
  equity: () => import("./equity/route"),
  "cash-flows": () => import("./cash-flows/route"),
  summary: () => import("./summary/route"),
  syncs: () => import("./syncs/route"),
  "openapi.json": () => import("./openapi.json/route"),
} as const;

/** Calls a v1 route file as Next would: `route` names the file, `id` fills [id], `query` the search. */
async function call(route: keyof typeof ROUTES, p: { cred?: Cred; id?: string; query?: string; method?: "GET" | "POST"; body?: string } = {}): Promise<Response> {
  const mod = (await ROUTES[route]()) as unknown as Record<string, (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>>;
  const cred = p.cred ?? { bearer: key };
  const headers: Record<string, string> = "bearer" in cred ? { authorization: `Bearer ${cred.bearer}` } : { cookie: cred.cookie };
  if (p.body !== undefined) headers["content-type"] = "application/json";
  const path = route.replace("[id]", p.id ?? "x");
  const request = new Request(`http://localhost/api/v1/${path}${p.query ?? ""}`, { method: p.method ?? "GET", headers, body: p.body });
  const params: Record<string, string> = p.id ? { id: p.id } : {};
  return mod[p.method ?? "GET"]!(request, { params: Promise.resolve(params) });
}

async function json<T = Record<string, unknown>>(res: Response, status = 200): Promise<T> {
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

type List<T = Record<string, unknown>> = { data: T[]; nextCursor: string | null };
type ErrorBody = { error: { code: string; message: string; fields?: Array<{ path: string; message: string }> } };

/** Every row of a list, page by page at `limit`, with the number of pages it took. */
async function walk(route: keyof typeof ROUTES, query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const q: string = `?${query}${query ? "&" : ""}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
    const page: List<{ id: string }> = await json(await call(route, { cred: { cookie: w.cookie.viewer }, query: q }));
    expect(page.data.length).toBeLessThanOrEqual(limit);
    ids.push(...page.data.map((r) => r.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { ids, pages };
}

/** A walk in small pages gives exactly the rows of one big page, in the same order. */
async function expectGapless(route: keyof typeof ROUTES, query = "", limit = 2): Promise<string[]> {
  const all: List<{ id: string }> = await json(await call(route, { cred: { cookie: w.cookie.viewer }, query: `?${query}${query ? "&" : ""}limit=200` }));
  expect(all.nextCursor).toBeNull();
  const walked = await walk(route, query, limit);
  expect(walked.ids).toEqual(all.data.map((r) => r.id));
  expect(new Set(walked.ids).size).toBe(walked.ids.length);
  expect(walked.pages).toBe(Math.max(1, Math.ceil(all.data.length / limit)));
  return walked.ids;
}

async function expect400(res: Response, paths: string[]): Promise<ErrorBody> {
  const body = await json<ErrorBody>(res, 400);
  expect(body.error.code).toBe("invalid_request");
  expect(body.error.fields!.map((f) => f.path)).toEqual(paths);
  return body;
}

async function expect404(res: Response): Promise<void> {
  const body = await json<ErrorBody>(res, 404);
  expect(body.error.code).toBe("not_found");
}

const decimals = (...values: unknown[]) => values.every((v) => typeof v === "string" && isDecimalString(v));

describe("GET /api/v1/workspaces", () => {
  it("gives a key its own workspace with the key's role, and a person their active one", async () => {
    const mine = await json<List>(await call("workspaces"));
    expect(mine).toEqual({ data: [{ id: w.personal.id, name: "Personal", slug: expect.any(String), role: "viewer", baseCurrency: "USD", timeZone: expect.any(String) }], nextCursor: null });
    const theirs = await json<List>(await call("workspaces", { cred: { cookie: w.cookie.outsider } }));
    expect(theirs.data.map((x) => x.id)).toEqual([w.other.id]);
  });
});

describe("GET /api/v1/connections and /{id}", () => {
  it("lists the workspace's connections with their accounts, never the other workspace's, never credentials", async () => {
    const list = await json<List<{ id: string; label: string; accounts: Array<{ id: string; name: string }> }>>(await call("connections"));
    expect(list.data.map((c) => c.label)).toEqual(["Demo", "Second"]);
    expect(list.nextCursor).toBeNull();
    const demo = list.data[0]!;
    expect(demo.accounts.map((a) => a.id)).toContain(w.personal.accountId);
    expect(demo.accounts.length).toBeGreaterThan(1);
    expect(JSON.stringify(list)).not.toMatch(/credential|secret|config/i);
  });

  it("gives one connection with its accounts; 404 for the other workspace's and for a made-up id", async () => {
    const one = await json<{ data: { id: string; accounts: unknown[] } }>(await call("connections/[id]", { id: w.personal.connectionId }));
    expect(one.data.id).toBe(w.personal.connectionId);
    expect(one.data.accounts.length).toBeGreaterThan(1);
    await expect404(await call("connections/[id]", { id: w.other.connectionId }));
    await expect404(await call("connections/[id]", { id: "not-a-uuid" }));
  });
});

describe("GET /api/v1/holdings and /positions", () => {
  it("gives each account's balances as decimal strings, or one account's with ?account=", async () => {
    const all = await json<List<{ accountId: string; updatedAt: string | null; balances: Array<{ asset: string; total: string; free: string; locked: string }> }>>(await call("holdings"));
    const synced = all.data.filter((a) => a.balances.length > 0);
    expect(synced.length).toBeGreaterThan(0);
    for (const a of synced) {
      expect(a.updatedAt).not.toBeNull();
      for (const b of a.balances) expect(decimals(b.free, b.locked, b.total), JSON.stringify(b)).toBe(true);
    }
    const one = await json<List<{ accountId: string; balances: unknown[]; updatedAt: string | null }>>(await call("holdings", { query: `?account=${w.personal.accountId}` }));
    // The world's own account was recorded directly, never synced: listed with no balances.
    expect(one.data).toEqual([expect.objectContaining({ accountId: w.personal.accountId, balances: [], updatedAt: null })]);
  });

  it("gives the open positions with their account and decimal amounts", async () => {
    const list = await json<List<{ accountId: string; symbol: string; quantity: string; notional: string; unrealizedPnl: string }>>(await call("positions"));
    expect(list.data).toHaveLength(2);
    for (const p of list.data) expect(decimals(p.quantity, p.notional, p.unrealizedPnl)).toBe(true);
    const accountId = list.data[0]!.accountId;
    const one = await json<List<{ accountId: string }>>(await call("positions", { query: `?account=${accountId}` }));
    expect(one.data.every((p) => p.accountId === accountId)).toBe(true);
    expect(one.data.length).toBeGreaterThan(0);
  });

  it("answers 404 for another workspace's account, 400 naming a bad id or an unknown parameter", async () => {
    await expect404(await call("holdings", { query: `?account=${w.other.accountId}` }));
    await expect404(await call("positions", { query: `?account=${w.other.accountId}` }));
    await expect400(await call("holdings", { query: "?account=main" }), ["account"]);
    const typo = await expect400(await call("positions", { query: `?acount=${w.personal.accountId}` }), ["acount"]);
    expect(typo.error.message).toMatch(/acount/);
  });
});

describe("GET /api/v1/orders and /{id}", () => {
  it("walks every order in pages of 2 with no gap and no repeat, the same with a filter", async () => {
    const ids = await expectGapless("orders");
    expect(ids.length).toBeGreaterThan(3);
    expect(ids).toContain(w.personal.orderId);
    await expectGapless("orders", "side=buy", 1);
  });

  it("filters as /orders does", async () => {
    const open = await json<List<{ id: string; price: string }>>(await call("orders", { query: "?status=open&symbol=BTC%2FUSDT&strategy=mm-test" }));
    expect(open.data.map((o) => o.id)).toContain(w.personal.orderId);
    expect(open.data.find((o) => o.id === w.personal.orderId)!.price).toBe("50000");
  });

  it("answers 400 with the field list: a status not allowed, a reversed range, a foreign cursor, a page too big", async () => {
    const bad = await expect400(await call("orders", { query: "?status=done&side=long" }), ["side", "status"].sort());
    expect(bad.error.fields!.every((f) => f.message.length > 0)).toBe(true);
    await expect400(await call("orders", { query: "?from=2026-03-02&to=2026-03-01" }), ["to"]);
    await expect400(await call("orders", { query: "?cursor=abc" }), ["cursor"]);
    await expect400(await call("orders", { query: "?limit=500" }), ["limit"]);
  });

  it("gives one order with its events and fills; raw payloads are null for a viewer", async () => {
    const list = await json<List<{ id: string; filledQuantity: string }>>(await call("orders", { query: "?status=filled&limit=1" }));
    const filled = list.data[0]!;
    const one = await json<{ data: { order: { id: string }; events: Array<{ seq: number; hash: string; verified: boolean; raw: string | null }>; fills: Array<{ quantity: string }>; raw: string | null } }>(
      await call("orders/[id]", { id: filled.id }),
    );
    expect(one.data.order.id).toBe(filled.id);
    expect(one.data.events.length).toBeGreaterThan(0);
    expect(one.data.events.every((e) => e.verified && e.raw === null)).toBe(true);
    expect(one.data.fills.length).toBeGreaterThan(0);
    expect(one.data.raw).toBeNull();
  });

  it("answers 404 for the other workspace's order and a made-up id", async () => {
    await expect404(await call("orders/[id]", { id: w.other.orderId }));
    await expect404(await call("orders/[id]", { id: "00000000-0000-4000-8000-000000000000" }));
  });
});

describe("GET /api/v1/fills", () => {
  it("walks one symbol's fills in pages of 7 with no gap and no repeat, the same with a second filter", async () => {
    const ids = await expectGapless("fills", "symbol=SOL%2FUSDT", 7);
    expect(ids.length).toBeGreaterThan(7);
    await expectGapless("fills", "symbol=SOL%2FUSDT&side=sell", 5);
  });

  it("totals the whole filtered set exactly by asset on the first page, whatever its size; later pages carry null", async () => {
    type Fill = { id: string; symbol: string; quantity: string; price: string; fee: string; feeAsset: string };
    type Totals = { fills: number; quantity: Array<{ asset: string; total: string }>; notional: Array<{ asset: string; total: string }>; fees: Array<{ asset: string; total: string }> };
    const all = await json<List<Fill> & { totals: Totals }>(await call("fills", { query: "?symbol=BTC%2FUSDT&limit=200" }));
    const first = await json<List<Fill> & { totals: Totals }>(await call("fills", { query: "?symbol=BTC%2FUSDT&limit=1" }));
    expect(first.totals).toEqual(all.totals);
    const second = await json<List<Fill> & { totals: Totals | null }>(await call("fills", { query: `?symbol=BTC%2FUSDT&limit=1&cursor=${encodeURIComponent(first.nextCursor!)}` }));
    expect(second.data).toHaveLength(1);
    expect(second.totals).toBeNull();
    expect(all.totals.fills).toBe(all.data.length);
    expect(all.totals.quantity).toEqual([{ asset: "BTC", total: sum(all.data.map((f) => f.quantity)).toFixed(), fills: all.data.length }]);
    expect(new D(all.totals.notional[0]!.total).eq(sum(all.data.map((f) => new D(f.price).times(f.quantity))))).toBe(true);
    expect(decimals(...all.data.flatMap((f) => [f.price, f.quantity, f.fee]))).toBe(true);
  });

  it("answers 400 with the field list: a status (fills have none), a side not allowed", async () => {
    await expect400(await call("fills", { query: "?status=filled&side=long" }), ["side", "status"].sort());
  });
});

describe("GET /api/v1/snapshots and /equity", () => {
  it("walks the snapshots newest first through ties on the time, with no gap and no repeat", async () => {
    const ids = await expectGapless("snapshots");
    expect(ids).toHaveLength(7);
    await expectGapless("snapshots", `connection=${secondConnectionId}`, 1);
    const page = await json<List<{ capturedAt: string; equity: string; connectionId: string }>>(await call("snapshots", { query: "?limit=3" }));
    const times = page.data.map((s) => s.capturedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(page.data.every((s) => decimals(s.equity))).toBe(true);
  });

  it("answers 400 for a day that is not one, and an empty list for the other workspace's connection", async () => {
    await expect400(await call("snapshots", { query: "?from=2026-02-30" }), ["from"]);
    expect((await json<List>(await call("snapshots", { query: `?connection=${w.other.connectionId}` }))).data).toEqual([]);
  });

  it("gives the equity series for a range; 400 naming range for one it does not know", async () => {
    const series = await json<{ data: { range: string; bucket: string; points: Array<{ equity: string | null }> } }>(await call("equity", { query: "?range=7d" }));
    expect(series.data).toMatchObject({ range: "7d", bucket: "1h" });
    expect(series.data.points.some((p) => p.equity !== null && decimals(p.equity))).toBe(true);
    await expect400(await call("equity", { query: "?range=1y" }), ["range"]);
  });
});

describe("GET /api/v1/cash-flows and /summary", () => {
  it("walks the cash flows one by one with no gap, values in decimal strings", async () => {
    const ids = await expectGapless("cash-flows", "", 1);
    expect(ids).toContain(w.personal.flowId);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const deposits = await json<List<{ kind: string; amount: string }>>(await call("cash-flows", { query: "?kind=deposit" }));
    expect(deposits.data.every((f) => f.kind === "deposit" && decimals(f.amount))).toBe(true);
    await expect400(await call("cash-flows", { query: "?kind=gift&counted=maybe" }), ["kind", "counted"]);
  });

  it("gives what the overview shows: equity and its components as decimal strings, each connection's state", async () => {
    const s = await json<{ data: { equity: string; spotValue: string; baseCurrency: string; connections: Array<{ id: string }> } }>(await call("summary"));
    expect(decimals(s.data.equity, s.data.spotValue)).toBe(true);
    expect(s.data.baseCurrency).toBe("USD");
    expect(s.data.connections.map((c) => c.id)).toEqual(expect.arrayContaining([w.personal.connectionId, secondConnectionId]));
  });
});

describe("GET and POST /api/v1/syncs", () => {
  it("walks the sync history with no gap, filtered by status", async () => {
    const ids = await expectGapless("syncs", "", 1);
    expect(ids).toEqual(expect.arrayContaining([w.personal.batchId, w.personal.failedBatchId]));
    expect(ids).not.toContain(w.other.batchId);
    expect(await walk("syncs", "status=failed", 5)).toEqual({ ids: [w.personal.failedBatchId], pages: 1 });
    await expect400(await call("syncs", { query: "?status=broken" }), ["status"]);
  });

  it("starts a sync of one connection for a member key (202, the batch to follow)", async () => {
    const memberKey = (await mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.owner, role: "member" })).key;
    const res = await call("syncs", { method: "POST", cred: { bearer: memberKey }, body: JSON.stringify({ connectionId: secondConnectionId }) });
    const body = await json<{ data: { ok: true; mode: string; batchIds: string[] } }>(res, 202);
    expect(body.data).toMatchObject({ ok: true, mode: "inline", connections: 1, batchIds: [expect.any(String)] });
  });

  it("answers 400 naming the body's field, 400 for a body that is not JSON, 404 for another workspace's connection", async () => {
    const memberKey = (await mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.owner, role: "member" })).key;
    const post = (body: string) => call("syncs", { method: "POST", cred: { bearer: memberKey }, body });
    await expect400(await post("{}"), ["connectionId"]);
    await expect400(await post(JSON.stringify({ connectionId: "demo" })), ["connectionId"]);
    await expect400(await post(JSON.stringify({ connectionId: secondConnectionId, all: true })), ["all"]);
    await expect400(await post("not json"), ["body"]);
    await expect404(await post(JSON.stringify({ connectionId: w.other.connectionId })));
  });
});

describe("keys on the v1 routes", () => {
  it("a revoked key: 401 in the v1 shape, with WWW-Authenticate", async () => {
    const made = await mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.owner, role: "viewer" });
    expect((await call("summary", { cred: { bearer: made.key } })).status).toBe(200);
    await w.auth.api.deleteApiKey({ body: { keyId: made.id }, headers: new Headers({ cookie: w.cookie.owner }) });
    const res = await call("summary", { cred: { bearer: made.key } });
    expect(await json<ErrorBody>(res, 401)).toEqual({ error: { code: "unauthorized", message: "This API key is not valid: it is unknown or has been revoked" } });
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="venuefolio"');
  });

  it("past the key's rate limit: 429 rate_limited with Retry-After", async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 21 && !limited; i++) {
      const res = await call("workspaces");
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get("retry-after")).toBe("1");
    expect(((await limited!.json()) as ErrorBody).error.code).toBe("rate_limited");
  });
});

describe("v1Handler", () => {
  it("answers 500 internal, sending nothing of it, when a handler's answer breaks its response schema", async () => {
    const broken = defineRoute({
      method: "GET",
      path: "/api/v1/broken",
      operationId: "broken",
      tag: "Test",
      summary: "a route whose answer is not what it declares",
      role: "viewer",
      response: { name: "Broken", schema: itemEnvelope(z.object({ equity: decimal })) },
      handle: async () => ({ data: { equity: "secret-ish 1e3" } }),
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await v1Handler(broken)(new Request("http://localhost/api/v1/broken", { headers: { authorization: `Bearer ${key}` } }));
    const body = await json<ErrorBody>(res, 500);
    expect(body).toEqual({ error: { code: "internal", message: "The server produced an invalid response" } });
    expect(error).toHaveBeenCalledWith(expect.stringContaining("broken: response failed its schema"));
    error.mockRestore();
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is public: the OpenAPI 3.1 document with no session or key", async () => {
    const { GET } = await ROUTES["openapi.json"]();
    const res = await GET();
    const doc = await json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/api/v1/orders/{id}");
  });
});

describe("GET /api/v1/quantity-changes", () => {
  beforeAll(async () => {
    // A connection synced just after each change of one amended order, then now: the venue's own
    // quantity change, recorded by the sync as QUANTITY_ADDED.
    const now = new Date();
    const replay = (await createConnection(w.handle.db, { ownerId: w.personal.id, provider: "demo", label: "Replay", config: { seed: "replay" } })).id;
    for (const at of [...demoReplayInstants("replay", now.getTime() - 3_600_000), now]) {
      await syncConnection(w.handle.db, { ownerId: w.personal.id, connectionId: replay, trigger: "manual", now: () => at, connector: demoAt(at, {}, "replay"), ...offline });
    }
  });

  it("lists one symbol's quantity changes across accounts in time order, each with its exact delta", async () => {
    type Change = { seq: number; occurredAt: string; type: string; quantityBefore: string; quantityAfter: string; delta: string; orderId: string };
    const symbols = ["BTC/USDT", "ETH/USDT", "SOL/USDT"];
    const found: Change[] = [];
    for (const symbol of symbols) found.push(...(await json<List<Change>>(await call("quantity-changes", { query: `?symbol=${encodeURIComponent(symbol)}` }))).data);
    expect(found.length).toBeGreaterThan(0);
    for (const c of found) {
      expect(c.type).toBe("QUANTITY_ADDED");
      expect(new D(c.quantityAfter).minus(c.quantityBefore).eq(c.delta)).toBe(true);
    }
  });

  it("walks a symbol's changes page by page, oldest first, with a sequence cursor", async () => {
    for (const symbol of ["BTC/USDT", "ETH/USDT", "SOL/USDT"]) {
      const q = `symbol=${encodeURIComponent(symbol)}`;
      const all = await json<List<{ seq: number; occurredAt: string }>>(await call("quantity-changes", { query: `?${q}&limit=200` }));
      const walked: number[] = [];
      let cursor: string | null = null;
      do {
        const page: List<{ seq: number }> = await json(await call("quantity-changes", { query: `?${q}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}` }));
        walked.push(...page.data.map((c) => c.seq));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(all.data.map((c) => c.seq));
      expect(all.data.map((c) => c.occurredAt)).toEqual([...all.data.map((c) => c.occurredAt)].sort());
    }
  });

  it("answers 400 naming symbol when it is missing, and cursor for one of another list", async () => {
    await expect400(await call("quantity-changes", { query: "" }), ["symbol"]);
    const orders = await json<List>(await call("orders", { query: "?limit=1" }));
    await expect400(await call("quantity-changes", { query: `?symbol=BTC%2FUSDT&cursor=${encodeURIComponent(orders.nextCursor!)}` }), ["cursor"]);
  });
});
