// GET /api/exports/[dataset] as a browser calls it: the attachment's headers and rows, the
// other workspace's order never in it, and every refusal a 400 naming its field (the range
// limit stated). Access across roles and keys is lib/access/entry-points.int.test.ts's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openAccessWorld, type AccessWorld } from "@/lib/access/test-support";
import { parseCsv } from "@/lib/exports/csv";
import { EXPORT_MAX_DAYS } from "@/lib/exports/export-options";

vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => w?.handle.close());

async function get(dataset: string, query: string, cookie = w.cookie.viewer) {
  const { GET } = await import("./route");
  return GET(new Request(`http://localhost/api/exports/${dataset}?${query}`, { headers: { cookie } }), { params: Promise.resolve({ dataset }) });
}

/** The world's rows are written now: a range of the days around today. */
function around(): { from: string; to: string } {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(Date.now() - 2 * 86_400_000), to: day(Date.now() + 2 * 86_400_000) };
}

describe("GET /api/exports/[dataset]", () => {
  it("streams the workspace's orders as a CSV attachment, never cached, without the other workspace's order", async () => {
    const { from, to } = around();
    const res = await get("orders", `format=csv&from=${from}&to=${to}&symbol=BTC%2FUSDT`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="venuefolio-orders-${from}_${to}.csv"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const [header, ...rows] = parseCsv(await res.text());
    const id = header!.indexOf("id");
    expect(rows.map((r) => r[id])).toEqual([w.personal.orderId]);
    expect(rows[0]![header!.indexOf("strategy")]).toBe("mm-test");
    expect(rows[0]![header!.indexOf("price")]).toBe("50000");
  });

  it("streams cash flows as NDJSON, one object per line", async () => {
    const { from, to } = around();
    const res = await get("cash-flows", `format=ndjson&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-ndjson");
    const lines = (await res.text()).trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(lines.map((l) => l.id)).toContain(w.personal.flowId);
    expect(lines.map((l) => l.id)).not.toContain(w.other.flowId);
  });

  it.each([
    ["trades", "from=2026-11-01&to=2026-11-02", "dataset"],
    ["orders", "format=xml&from=2026-11-01&to=2026-11-02", "format"],
    ["orders", "to=2026-11-02", "from"],
    ["orders", "from=2026-11-03&to=2026-11-02", "to"],
    ["orders", "from=2026-11-01&to=2026-11-02&status=done", "status"],
  ])("answers 400 for /%s?%s naming %s", async (dataset, query, field) => {
    const res = await get(dataset, query);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fields: string[] };
    expect(body.fields).toEqual([field]);
    expect(body.error.startsWith(`${field}: `)).toBe(true);
  });

  it(`answers 400 for a range over ${EXPORT_MAX_DAYS} days, stating the limit`, async () => {
    const res = await get("order-events", "from=2025-01-01&to=2026-01-02");
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: `to: the range covers more than ${EXPORT_MAX_DAYS} days (the limit of one export); split it`, fields: ["to"] });
  });
});
