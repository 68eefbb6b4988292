import { expect, test } from "@playwright/test";

// The JSON API v1 on the production build: its OpenAPI document is public, a request with
// no session is refused in the v1 error shape, and the signed-in session reads the demo's
// orders page by page, then one order with its events.
test("openapi.json is public; /api/v1 refuses no session in its shape and pages the demo's orders", async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const doc = await anonymous.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const body = (await doc.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(body.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/api/v1/orders", "/api/v1/orders/{id}", "/api/v1/syncs"]));
  const refused = await anonymous.get("/api/v1/summary");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: { code: "unauthorized", message: "Sign in first: this needs a session" } });
  await anonymous.dispose();

  const first = await page.request.get("/api/v1/orders?limit=5");
  expect(first.status()).toBe(200);
  const one = (await first.json()) as { data: Array<{ id: string; price: string | null }>; nextCursor: string | null };
  expect(one.data).toHaveLength(5);
  expect(one.nextCursor).not.toBeNull();
  const second = (await (await page.request.get(`/api/v1/orders?limit=5&cursor=${encodeURIComponent(one.nextCursor!)}`)).json()) as { data: Array<{ id: string }> };
  expect(second.data.length).toBeGreaterThan(0);
  expect(second.data.some((o) => one.data.some((p) => p.id === o.id))).toBe(false);

  const detail = (await (await page.request.get(`/api/v1/orders/${one.data[0]!.id}`)).json()) as { data: { order: { id: string }; events: unknown[] } };
  expect(detail.data.order.id).toBe(one.data[0]!.id);
  expect(detail.data.events.length).toBeGreaterThan(0);

  const bad = await page.request.get("/api/v1/orders?status=done");
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toEqual(["status"]);
});
