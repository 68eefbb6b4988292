import { expect, test } from "@playwright/test";
import { demoConnectionId } from "./demo-connection";

/**
 * /fills and the quantity changes by symbol on the demo venue: the market-making bots'
 * fills with the totals of the filtered set, narrowed by a filter in the URL; one symbol's
 * order amendments across the accounts, in time order.
 */

interface AssetTotal {
  asset: string | null;
  total: string;
  fills: number;
}
interface FillPage {
  rows: Array<{ symbol: string; orderId: string | null }>;
  totals: { fills: number; quantity: AssetTotal[]; notional: AssetTotal[]; fees: AssetTotal[] };
}
interface ChangePage {
  rows: Array<{ seq: number; occurredAt: string; venueOrderId: string }>;
  nextCursor: string | null;
}

const DEMO_SYMBOLS = ["BTC/USDT", "ETH/USDT", "SOL/USDT"];
const count = (n: number) => n.toLocaleString("en-US");

test("/fills lists the demo's fills with the totals of every fill, by asset, and links each fill's order", async ({ page }) => {
  const demo = await demoConnectionId(page.request);
  const api = (await (await page.request.get(`/api/fills?limit=25&connection=${demo}`)).json()) as FillPage;
  expect(api.totals.fills).toBeGreaterThan(api.rows.length);
  expect(api.totals.notional.map((t) => t.asset)).toEqual(["USDT"]);
  expect(api.totals.quantity.map((t) => t.asset).sort()).toEqual(["BTC", "ETH", "SOL"]);

  await page.goto(`/fills?connection=${demo}`);
  await expect(page).toHaveTitle("Fills · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Fills" })).toBeVisible();
  const table = page.getByTestId("data-table");
  await expect(table.getByText(/^(BTC|ETH|SOL)\/USDT$/).first()).toBeVisible();
  await expect(table.getByText(/^mm-(btc|eth|sol)$/).first()).toBeVisible();
  const totals = page.getByRole("region", { name: "Totals of the matching fills" });
  await expect(totals).toContainText(`over the ${count(api.totals.fills)} fills matching the filters`);
  await expect(totals).toContainText("USDT");
  await expect(totals).toContainText("BTC");
  await page.screenshot({ path: "e2e/screenshots/fills.png", fullPage: true });

  // A fill whose order is recorded opens that order.
  const orderLink = table.locator('a[href^="/orders/"]').first();
  const href = (await orderLink.getAttribute("href"))!;
  await orderLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`), { timeout: 30_000 });
  await expect(page).toHaveTitle("Order · Venuefolio");
});

test("filtering /fills by symbol narrows the rows and the totals; a filter not allowed names its field", async ({ page }) => {
  const all = (await (await page.request.get("/api/fills?limit=25")).json()) as FillPage;
  const eth = (await (await page.request.get("/api/fills?limit=25&symbol=ETH%2FUSDT")).json()) as FillPage;
  expect(eth.totals.fills).toBeGreaterThan(0);
  expect(eth.totals.fills).toBeLessThan(all.totals.fills);
  expect(eth.totals.quantity.map((t) => t.asset)).toEqual(["ETH"]);

  await page.goto("/fills");
  await page.getByLabel("Symbol").fill("ETH/USDT");
  await page.getByLabel("Symbol").press("Enter");
  await expect(page).toHaveURL(/symbol=ETH(%2F|\/)USDT/);
  const totals = page.getByRole("region", { name: "Totals of the matching fills" });
  await expect(totals).toContainText(`over the ${count(eth.totals.fills)} fills matching the filters`);
  const rows = page.getByTestId("data-table").locator("tbody tr");
  await expect(rows.first()).toContainText("ETH/USDT");
  for (const row of await rows.all()) {
    await expect(row).toContainText("ETH/USDT");
    await expect(row).not.toContainText("BTC/USDT");
  }

  // A symbol no fill has: the filtered empty state, with a way back.
  await page.goto("/fills?symbol=NONE%2FUSDT");
  await expect(page.getByText("No fills match these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).not.toHaveURL(/symbol=/);

  await page.goto("/fills?side=long");
  await expect(page.getByRole("alert").filter({ hasText: "These filters cannot be applied" })).toContainText("side:");
  const refused = await page.request.get("/api/fills?side=long");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { fields: string[] }).fields).toEqual(["side"]);
});

test("quantity changes of a demo symbol: reached from an order, listed in time order across the accounts", async ({ page }) => {
  // The demo's first start syncs before and after one order's amendment (lib/runtime/demo-seed.ts),
  // so at least one symbol has a recorded change. Take the demo symbol with the most.
  let chosen = { symbol: DEMO_SYMBOLS[0]!, rows: [] as ChangePage["rows"] };
  for (const symbol of DEMO_SYMBOLS) {
    const res = await page.request.get(`/api/orders/quantity-changes?symbol=${encodeURIComponent(symbol)}&limit=100`);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as ChangePage;
    if (body.rows.length > chosen.rows.length) chosen = { symbol, rows: body.rows };
  }
  expect(chosen.rows.length).toBeGreaterThan(0);
  const times = chosen.rows.map((r) => `${r.occurredAt}#${String(r.seq).padStart(20, "0")}`);
  expect(times).toEqual([...times].sort());

  // From an order of that symbol, to its quantity changes: the symbol travels encoded.
  const orders = (await (await page.request.get(`/api/orders?limit=25&symbol=${encodeURIComponent(chosen.symbol)}`)).json()) as { rows: Array<{ id: string }> };
  await page.goto(`/orders/${orders.rows[0]!.id}`);
  await page.getByRole("link", { name: `Every ${chosen.symbol} order amendment →` }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/quantity-changes\\?symbol=${encodeURIComponent(chosen.symbol)}`), { timeout: 30_000 });
  await expect(page).toHaveTitle("Quantity changes · Venuefolio");
  await expect(page.getByLabel("Symbol")).toHaveValue(chosen.symbol);

  const rows = page.getByTestId("data-table").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(chosen.rows.length, 50));
  for (const [i, r] of chosen.rows.slice(0, 50).entries()) await expect(rows.nth(i)).toContainText(r.venueOrderId);
  await expect(rows.first()).toContainText(/Quantity (added|removed)/);
  await expect(rows.first().getByRole("link", { name: "Sync run →" })).toHaveAttribute("href", /^\/syncs\/[0-9a-f-]{36}$/);
  await page.screenshot({ path: "e2e/screenshots/quantity-changes.png", fullPage: true });

  // Another symbol from the picker, and a missing symbol refused by the route, naming the field.
  await page.getByLabel("Symbol").selectOption("SOL/USDT");
  await page.getByRole("button", { name: "Show changes" }).click();
  await expect(page).toHaveURL(/symbol=SOL%2FUSDT/);
  const refused = await page.request.get("/api/orders/quantity-changes");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { fields: string[] }).fields).toEqual(["symbol"]);
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("/fills and the quantity changes fit the width; the tables scroll inside their cards", async ({ page }) => {
    for (const path of ["/fills", "/orders/quantity-changes?symbol=BTC%2FUSDT"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(overflow.scroll, path).toBeLessThanOrEqual(overflow.viewport);
    }
    await page.screenshot({ path: "e2e/screenshots/quantity-changes-390.png", fullPage: true });
  });
});
