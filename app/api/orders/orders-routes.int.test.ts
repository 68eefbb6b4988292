// The orders routes as a browser calls them: a refused filter is a 400 naming the field;
// an order's raw payloads go to admins only. (Access across workspaces and roles is
// lib/access/entry-points.int.test.ts's.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAccessWorld, type AccessWorld } from "@/lib/access/test-support";
import { orderDetailSchema, orderPageSchema } from "@/lib/read-models/order-schemas";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let currentCookie = "";

let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => w?.handle.close());

async function list(query: string) {
  const { GET } = await import("./route");
  return GET(new Request(`http://localhost/api/orders${query}`, { headers: { cookie: currentCookie } }));
}
async function detail(id: string) {
  const { GET } = await import("./[id]/route");
  return GET(new Request(`http://localhost/api/orders/${id}`, { headers: { cookie: currentCookie } }), { params: Promise.resolve({ id }) });
}

describe("GET /api/orders", () => {
  it("answers 400 naming status for status=done, and side for side=long", async () => {
    currentCookie = w.cookie.viewer;
    const res = await list("?status=done");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fields: string[] };
    expect(body.fields).toEqual(["status"]);
    expect(body.error).toMatch(/^Invalid filter — status: /);
    expect(((await (await list("?side=long&from=2026-11-01")).json()) as { fields: string[] }).fields).toEqual(["side"]);
  });

  it("lists the world's 1 open BTC/USDT order for status=open, and none for status=filled", async () => {
    currentCookie = w.cookie.viewer;
    const open = orderPageSchema.parse(await (await list("?status=open&symbol=BTC%2FUSDT")).json());
    expect(open.rows.map((r) => r.id)).toEqual([w.personal.orderId]);
    expect(open.rows[0]).toMatchObject({ price: "50000", quantity: "0.1", filledQuantity: "0", strategy: "mm-test", averagePrice: null });
    expect(orderPageSchema.parse(await (await list("?status=filled")).json()).rows).toEqual([]);
  });
});

describe("GET /api/orders/:id", () => {
  it("gives the raw payload to an admin, pretty-printed with the signature redacted, and null to a viewer", async () => {
    currentCookie = w.cookie.viewer;
    const asViewer = orderDetailSchema.parse(await (await detail(w.personal.orderId)).json());
    expect(asViewer.order.id).toBe(w.personal.orderId);
    expect(asViewer.raw).toBeNull();
    expect(asViewer.events).toEqual([]);
    currentCookie = w.cookie.admin;
    const asAdmin = orderDetailSchema.parse(await (await detail(w.personal.orderId)).json());
    expect(asAdmin.raw).toContain('\n  "orderId": "access-order-1"');
    expect(asAdmin.raw).toContain("signature=[redacted]");
    expect(asAdmin.raw).not.toContain("0123456789abcdef");
  });

  it("answers 404 for a made-up id and for the other workspace's order", async () => {
    currentCookie = w.cookie.owner;
    expect((await detail("not-a-uuid")).status).toBe(404);
    expect((await detail(w.other.orderId)).status).toBe(404);
  });
});
