import { expect, test } from "@playwright/test";

/**
 * /orders and /orders/[id] on the demo venue: the market-making bots' orders listed and
 * filtered in the URL, and one order's audit trail (its events in the chain's order, each
 * marked verified in words, its fills).
 */

interface OrderDetail {
  order: { id: string; status: string };
  events: Array<{ type: string; statusAfter: string; verified: boolean }>;
}

test("/orders lists the demo's market-making orders, filters by symbol and status in the URL", async ({ page }) => {
  await page.goto("/orders");
  await expect(page).toHaveTitle("Orders · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  const table = page.getByTestId("data-table");
  // The first page holds the newest orders, of whichever of the bots' symbols traded last.
  await expect(table.getByText(/^(BTC|ETH|SOL)\/USDT$/).first()).toBeVisible();
  await expect(table.getByText(/^mm-(btc|eth|sol)$/).first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/orders.png", fullPage: true });

  await page.getByLabel("Symbol").fill("ETH/USDT");
  await page.getByLabel("Symbol").press("Enter");
  await expect(page).toHaveURL(/symbol=ETH(%2F|\/)USDT/);
  await page.getByLabel("Status").selectOption("filled");
  await expect(page).toHaveURL(/status=filled/);
  const rows = table.locator("tbody tr");
  await expect(rows.first()).toContainText("ETH/USDT");
  for (const row of await rows.all()) {
    await expect(row).toContainText("ETH/USDT");
    await expect(row).toContainText("filled");
    await expect(row).not.toContainText("BTC/USDT");
  }

  // A status the orders table never stores: the page says which filter is wrong.
  await page.goto("/orders?status=done");
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toContainText("status:");
  expect((await page.request.get("/api/orders?status=done")).status()).toBe(400);
});

test("an order's timeline: placed, then a quantity change, then filled or cancelled, each hash marked verified; its fills", async ({ page }) => {
  // The demo's first start syncs at each change of one recent amended order (lib/runtime/demo-seed.ts):
  // its quantity change is listed by symbol, and its timeline runs placed → amended → done.
  let orderId: string | null = null;
  for (const symbol of ["BTC/USDT", "ETH/USDT", "SOL/USDT"]) {
    const res = await page.request.get(`/api/orders/quantity-changes?symbol=${encodeURIComponent(symbol)}`);
    expect(res.status()).toBe(200);
    const { rows } = (await res.json()) as { rows: Array<{ orderId: string }> };
    orderId ??= rows[0]?.orderId ?? null;
  }
  expect(orderId).not.toBeNull();
  const richest = (await (await page.request.get(`/api/orders/${orderId}`)).json()) as OrderDetail;
  const chosen = richest!;
  const types = chosen.events.map((e) => e.type);
  expect(types[0]).toBe("ORDER_PLACED");
  expect(types).toContain("QUANTITY_ADDED");
  expect(types.indexOf("QUANTITY_ADDED")).toBeGreaterThan(0);
  expect(["filled", "cancelled"]).toContain(chosen.events[chosen.events.length - 1]!.statusAfter);
  expect(chosen.events.every((e) => e.verified)).toBe(true);

  // Each row links to its order's page.
  await page.goto("/orders");
  const firstLink = page.getByTestId("data-table").locator('a[href^="/orders/"]').first();
  const href = (await firstLink.getAttribute("href"))!;
  await firstLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`), { timeout: 30_000 });
  await page.goto(`/orders/${chosen.order.id}`);
  await expect(page).toHaveTitle("Order · Venuefolio");
  const timeline = page.getByRole("list", { name: "Order events" });
  const entries = timeline.locator(":scope > li");
  await expect(entries).toHaveCount(chosen.events.length);
  await expect(entries.first()).toContainText("Placed");
  await expect(entries.nth(types.indexOf("QUANTITY_ADDED"))).toContainText("Quantity added");
  await expect(entries.last()).toContainText(chosen.events[chosen.events.length - 1]!.statusAfter);
  await expect(timeline.getByText("✓ verified")).toHaveCount(chosen.events.length);
  await expect(timeline.getByText("✗ not verified")).toHaveCount(0);
  await expect(page.getByText("Chain verified through this order's last event.")).toBeVisible();
  await expect(timeline.getByRole("link", { name: "Sync run →" }).first()).toHaveAttribute("href", /^\/syncs\/[0-9a-f-]{36}$/);
  // The owner is an admin: raw payloads are there, collapsed.
  await expect(page.getByText(/^Raw (order|event|fill) payload/).first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/order-detail.png", fullPage: true });
});
