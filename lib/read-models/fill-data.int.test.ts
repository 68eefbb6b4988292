import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { fills, orders } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { D, toDecimalString } from "@/lib/money/decimal";
import { syncConnection } from "@/lib/sync/sync-connection";
import { loadFillPage, loadFillTotals, parseFillFilters, type FillFilters } from "./fill-data";
import type { FillTotals, FillView } from "./fill-schemas";
import type { KeysetPageRequest } from "./keyset-page";

let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;
let connectionId: string;
const TZ = "Asia/Kolkata";
type Fill = typeof fills.$inferSelect;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "fills" } })).id;
  const theirs = await createConnection(h.db, { ownerId: otherOwnerId, provider: "demo", label: "Theirs", config: { seed: "theirs" } });
  for (const at of ["2026-11-20T10:00:00Z", "2026-11-20T14:00:00Z"]) {
    await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => new Date(at) });
  }
  await syncConnection(h.db, { ownerId: otherOwnerId, connectionId: theirs.id, trigger: "manual", now: () => new Date("2026-11-20T10:00:00Z") });
});
afterAll(async () => h?.close());

const request = (limit: number, cursor: string | null = null): KeysetPageRequest => ({ cursor, limit, sort: null, filters: {} });
const load = (filters: FillFilters, limit: number, cursor: string | null = null, owner = ownerId) =>
  loadFillPage(h.db, { ownerId: owner, timeZone: TZ, request: request(limit, cursor), filters });

/** Every page, following Next from the first. */
async function walk(filters: FillFilters, limit = 25, owner = ownerId): Promise<FillView[]> {
  const rows: FillView[] = [];
  let cursor: string | null = null;
  do {
    const page = await load(filters, limit, cursor, owner);
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

/** The workspace's fills, newest executed first, read plainly: what every listing is checked against. */
const allFills = (owner = ownerId) => h.db.select().from(fills).where(eq(fills.ownerId, owner)).orderBy(desc(fills.executedAt), desc(fills.id));

/** The totals computed here in decimal.js from plain rows, by the rule the page names. */
function expectedTotals(rows: Fill[]): FillTotals {
  const by = (key: (f: Fill) => string | null, value: (f: Fill) => InstanceType<typeof D>) => {
    const m = new Map<string | null, { total: InstanceType<typeof D>; fills: number }>();
    for (const f of rows) {
      const k = key(f);
      const cur = m.get(k) ?? { total: new D(0), fills: 0 };
      m.set(k, { total: cur.total.plus(value(f)), fills: cur.fills + 1 });
    }
    return [...m.entries()].map(([asset, v]) => ({ asset, total: toDecimalString(v.total), fills: v.fills })).sort((a, b) => String(a.asset).localeCompare(String(b.asset)));
  };
  return {
    fills: rows.length,
    quantity: by((f) => f.symbol.split("/")[0]!, (f) => new D(f.quantity)),
    notional: by((f) => f.symbol.split("/")[1]?.split(":")[0] || null, (f) => new D(f.price).times(f.quantity)),
    fees: by((f) => f.feeCurrency, (f) => new D(f.fee)),
  };
}
const sorted = (t: FillTotals): FillTotals => {
  const s = (a: FillTotals["fees"]) => [...a].sort((x, y) => String(x.asset).localeCompare(String(y.asset)));
  return { fills: t.fills, quantity: s(t.quantity), notional: s(t.notional), fees: s(t.fees) };
};

describe("the fills list", () => {
  it("walks every fill of the workspace newest executed first in pages of 25, each once, and back again from the last page", async () => {
    const expected = (await allFills()).map((f) => f.id);
    expect(expected.length).toBeGreaterThan(100);
    const rows = await walk({});
    expect(rows.map((r) => r.id)).toEqual(expected);

    let page = await load({}, 25);
    const forward: string[][] = [page.rows.map((r) => r.id)];
    while (page.nextCursor) {
      page = await load({}, 25, page.nextCursor);
      forward.push(page.rows.map((r) => r.id));
    }
    const backward: string[][] = [page.rows.map((r) => r.id)];
    while (page.prevCursor) {
      page = await load({}, 25, page.prevCursor);
      backward.unshift(page.rows.map((r) => r.id));
    }
    expect(backward).toEqual(forward);
  });

  it("lists only the workspace's own fills, and totals only them", async () => {
    const mine = new Set((await walk({})).map((r) => r.id));
    const theirs = (await walk({}, 50, otherOwnerId)).map((r) => r.id);
    expect(theirs.length).toBe((await allFills(otherOwnerId)).length);
    expect(theirs.length).toBeGreaterThan(0);
    for (const id of theirs) expect(mine.has(id)).toBe(false);
    const totals = await loadFillTotals(h.db, { ownerId: otherOwnerId, timeZone: TZ, filters: {} });
    expect(totals.fills).toBe(theirs.length);
  });

  it("shows each fill exactly: notional = price × quantity in decimals, its fee and asset, and links the order the workspace recorded", async () => {
    const [first] = (await load({}, 1)).rows;
    const [row] = await allFills();
    expect(first).toMatchObject({ id: row!.id, symbol: row!.symbol, side: row!.side, feeAsset: row!.feeCurrency, strategy: row!.strategy, venueOrderId: row!.venueOrderId });
    expect(toDecimalString(first!.price)).toBe(toDecimalString(row!.price));
    expect(first!.notional).toBe(toDecimalString(new D(row!.price).times(row!.quantity)));
    const [order] = await h.db.select().from(orders).where(eq(orders.venueOrderId, row!.venueOrderId));
    expect(first!.orderId).toBe(order!.id);
    expect(first!.strategy).toMatch(/^mm-(btc|eth|sol)$/);
  });

  const cases: Array<[string, () => Promise<FillFilters>, (f: Fill) => boolean]> = [
    ["connection", async () => ({ connection: connectionId }), () => true],
    ["account", async () => ({ account: (await allFills())[0]!.accountId }), () => true],
    ["symbol ETH/USDT", async () => ({ symbol: "ETH/USDT" }), (f) => f.symbol === "ETH/USDT"],
    ["side sell", async () => ({ side: "sell" }), (f) => f.side === "sell"],
    ["strategy mm-sol", async () => ({ strategy: "mm-sol" }), (f) => f.strategy === "mm-sol"],
    // 2026-11-16 and -17 in Asia/Kolkata: [2026-11-15T18:30Z, 2026-11-17T18:30Z).
    [
      "executed 2026-11-16 to 2026-11-17 (Kolkata days)",
      async () => ({ from: "2026-11-16", to: "2026-11-17" }),
      (f) => f.executedAt >= new Date("2026-11-15T18:30:00Z") && f.executedAt < new Date("2026-11-17T18:30:00Z"),
    ],
  ];
  it.each(cases)("filter %s: exactly the fills that match, in pages of 10, and the totals of all of them", async (name, filters, keep) => {
    const all = await allFills();
    const matching = all.filter(keep);
    expect(matching.length).toBeGreaterThan(0);
    if (!["connection", "account"].includes(name)) expect(matching.length).toBeLessThan(all.length);
    const f = await filters();
    expect((await walk(f, 10)).map((r) => r.id)).toEqual(matching.map((m) => m.id));
    const page = await load(f, 10);
    expect(sorted(page.totals!)).toEqual(expectedTotals(matching));
  });

  it("totals every fill, not the page: Σ quantity by base, Σ price × quantity by quote, Σ fee by fee asset, exactly", async () => {
    const all = await allFills();
    const page = await load({}, 25);
    expect(page.rows).toHaveLength(25);
    expect(page.totals!.fills).toBe(all.length);
    expect(sorted(page.totals!)).toEqual(expectedTotals(all));
    expect(page.totals!.quantity.map((t) => t.asset).sort()).toEqual(["BTC", "ETH", "SOL"]);
    expect(page.totals!.notional.map((t) => t.asset)).toEqual(["USDT"]);
    // The totals belong to the filtered set, not the page: only the first page sums them.
    const next = await load({}, 25, page.nextCursor);
    expect(next.rows).toHaveLength(25);
    expect(next.totals).toBeNull();
  });

  it("finds an order's fills by its venue order id, or by its client order id, exactly", async () => {
    const target = (await allFills()).find((f) => f.clientOrderId)!;
    const expected = (await allFills()).filter((f) => f.venueOrderId === target.venueOrderId && f.accountId === target.accountId).map((f) => f.id);
    expect((await walk({ find: target.venueOrderId })).map((r) => r.id)).toEqual(expected);
    expect((await walk({ find: target.clientOrderId! })).map((r) => r.id)).toEqual(expected);
    expect(await walk({ find: target.venueOrderId.slice(0, -1) })).toEqual([]);
    expect((await load({ find: "no-such-order" }, 25)).totals).toEqual({ fills: 0, quantity: [], notional: [], fees: [] });
  });

  it("refuses a filter value that is not allowed, naming the field; a status is no fill filter", () => {
    const fields = (q: string) => {
      const r = parseFillFilters(new URLSearchParams(q));
      return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    };
    expect(fields("side=long")).toEqual(["side"]);
    expect(fields("account=abc")).toEqual(["account"]);
    expect(fields("to=2026-02-30")).toEqual(["to"]);
    expect(fields("strategy=mm btc")).toEqual(["strategy"]);
    expect(fields("from=2026-11-20&to=2026-11-19")).toEqual(["to"]);
    expect(fields("side=buy&cursor=xyz&limit=25&sort=executedAt.desc")).toEqual([]);
    const parsed = parseFillFilters(new URLSearchParams("status=filled&symbol=BTC/USDT"));
    expect(parsed.success && parsed.data).toEqual({ symbol: "BTC/USDT" });
  });
});
