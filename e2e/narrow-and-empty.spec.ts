import { expect, test, type Page } from "@playwright/test";

/**
 * The list pages at 390 px (no page-wide horizontal scroll: tables scroll inside their own
 * region) and in a workspace with nothing in it (each says what it will hold and how to get
 * there). Screenshots of each go to e2e/screenshots/.
 */
const LIST_PAGES = [
  { path: "/orders", shot: "orders", title: "Orders" },
  { path: "/fills", shot: "fills", title: "Fills" },
  { path: "/flows", shot: "flows", title: "Flows" },
  { path: "/flows/transfers", shot: "flows-transfers", title: "Transfers" },
  { path: "/syncs", shot: "syncs", title: "Syncs" },
  { path: "/alerts", shot: "alerts", title: "Alerts" },
];

async function noPageScroll(page: Page) {
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
}

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const p of LIST_PAGES) {
    test(`${p.path}: the list loads (rows or its empty state) and the page does not scroll sideways`, async ({ page }) => {
      await page.goto(p.path);
      await expect(page).toHaveTitle(`${p.title} · Venuefolio`);
      await expect(page.getByRole("group", { name: "Filters" }).first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("skeleton-row")).toHaveCount(0, { timeout: 30_000 });
      await noPageScroll(page);
      await page.screenshot({ path: `e2e/screenshots/${p.shot}-390.png`, fullPage: true });
    });
  }

  test("an order's page: timeline and fills fit the width", async ({ page }) => {
    const res = await page.request.get("/api/orders?status=filled&limit=25");
    const { rows } = (await res.json()) as { rows: Array<{ id: string }> };
    await page.goto(`/orders/${rows[0]!.id}`);
    await expect(page.getByRole("list", { name: "Order events" })).toBeVisible({ timeout: 30_000 });
    await noPageScroll(page);
    await page.screenshot({ path: "e2e/screenshots/order-detail-390.png", fullPage: true });
  });

  test("/performance: each metric's value sits beside its name, inside the screen", async ({ page }) => {
    await page.goto("/performance?range=90d");
    const row = page.getByTestId("metric-sharpeRatio");
    await expect(row).toBeVisible({ timeout: 30_000 });
    const value = await row.getByRole("cell").first().boundingBox();
    expect(value).not.toBeNull();
    expect(value!.x + value!.width).toBeLessThanOrEqual(390);
    await noPageScroll(page);
    await page.screenshot({ path: "e2e/screenshots/performance-390.png", fullPage: true });
  });
});

test("a workspace with nothing in it: each list says what it will hold and links to adding a connection", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signUp = await context.request.post("/api/auth/sign-up/email", {
    data: { email: "empty@example.com", password: "an empty workspace password", name: "Empty" },
    headers: { origin: baseURL! },
  });
  expect(signUp.status()).toBe(200);
  const page = await context.newPage();
  for (const p of [
    { path: "/orders", title: "No orders yet", shot: "orders-empty" },
    { path: "/flows", title: "No flows yet", shot: "flows-empty" },
    { path: "/fills", title: "Connect a venue to see fills", shot: "fills-empty" },
    { path: "/strategies", title: "Connect a venue with tagged orders to see strategies", shot: "strategies-empty" },
  ]) {
    await page.goto(p.path);
    await expect(page.getByText(p.title)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("link", { name: "Add a connection" }).first()).toHaveAttribute("href", "/connections/new");
    await page.screenshot({ path: `e2e/screenshots/${p.shot}.png`, fullPage: true });
  }
  await context.close();
});
