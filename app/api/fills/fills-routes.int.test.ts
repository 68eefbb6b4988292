// GET /api/fills and GET /api/orders/quantity-changes as a browser calls them: a refused
// filter is a 400 naming the field, as GET /api/orders answers it. (Access across workspaces
// and roles is lib/access/entry-points.int.test.ts's; the lists' contents are the read models'.)
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAccessWorld, type AccessWorld } from "@/lib/access/test-support";
import { fillPageSchema } from "@/lib/read-models/fill-schemas";
import { quantityChangePageSchema } from "@/lib/read-models/quantity-change-schemas";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => w?.handle.close());

async function fills(query: string) {
  const { GET } = await import("./route");
  return GET(new Request(`http://localhost/api/fills${query}`, { headers: { cookie: w.cookie.viewer } }));
}
async function changes(query: string) {
  const { GET } = await import("../orders/quantity-changes/route");
  return GET(new Request(`http://localhost/api/orders/quantity-changes${query}`, { headers: { cookie: w.cookie.viewer } }));
}
const refusal = async (res: Response) => {
  expect(res.status).toBe(400);
  return (await res.json()) as { error: string; fields: string[] };
};

describe("GET /api/fills", () => {
  it("answers 400 naming side for side=long, and account for a made-up account id", async () => {
    const body = await refusal(await fills("?side=long"));
    expect(body.fields).toEqual(["side"]);
    expect(body.error).toMatch(/^Invalid filter — side: /);
    expect((await refusal(await fills("?account=abc&from=2026-11-01"))).fields).toEqual(["account"]);
  });

  it("answers a page and the filtered set's totals, a status in the query being no fill filter", async () => {
    const res = await fills("?symbol=BTC%2FUSDT&status=open");
    expect(res.status).toBe(200);
    const page = fillPageSchema.parse(await res.json());
    expect(page.rows).toEqual([]);
    expect(page.totals).toEqual({ fills: 0, quantity: [], notional: [], fees: [] });
  });
});

describe("GET /api/orders/quantity-changes", () => {
  it("answers 400 naming symbol when it is missing or in no symbol's format", async () => {
    expect((await refusal(await changes(""))).fields).toEqual(["symbol"]);
    const body = await refusal(await changes("?symbol=%3Cb%3E"));
    expect(body.fields).toEqual(["symbol"]);
    expect(body.error).toMatch(/^Invalid filter — symbol: /);
  });

  it("answers a symbol with no changes as an empty page", async () => {
    const res = await changes("?symbol=BTC%2FUSDT%3AUSDT&limit=25");
    expect(res.status).toBe(200);
    expect(quantityChangePageSchema.parse(await res.json())).toEqual({ rows: [], nextCursor: null, prevCursor: null });
  });
});
