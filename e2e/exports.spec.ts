import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../lib/exports/csv";
import { EXPORT_COLUMNS } from "../lib/exports/export-columns";

/**
 * Exports on the demo venue: /orders' download form saves the orders as CSV for the page's
 * range (the last 30 days by default), which parses back with the documented header and
 * holds the newest listed order exactly as GET /api/orders has it; with a symbol filter in
 * the URL, the order events' NDJSON holds only that symbol.
 */

interface ListedOrder {
  id: string;
  symbol: string;
  side: string;
  status: string;
  quantity: string;
  filledQuantity: string;
  price: string | null;
}

test("/orders: Download CSV saves the orders, which parse back to the table's rows", async ({ page }) => {
  await page.goto("/orders");
  const table = page.getByTestId("data-table");
  const firstLink = table.locator('a[href^="/orders/"]').first();
  await expect(firstLink).toBeVisible();
  const firstId = (await firstLink.getAttribute("href"))!.replace("/orders/", "");
  const firstRow = table.locator("tbody tr").first();

  await page.getByText("Download CSV or NDJSON").click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Orders · CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^venuefolio-orders-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header).toEqual([...EXPORT_COLUMNS.orders]);
  expect(records.length).toBeGreaterThan(0);
  const rows = records.map((r) => Object.fromEntries(header!.map((k, i) => [k, r[i]!])));

  // The newest listed order is in the file, its exact decimals as the API gives them, and as the table shows it.
  const row = rows.find((r) => r.id === firstId);
  expect(row).toBeDefined();
  const listed = ((await (await page.request.get("/api/orders?limit=25")).json()) as { rows: ListedOrder[] }).rows.find((o) => o.id === firstId)!;
  expect([row!.symbol, row!.side, row!.status, row!.quantity, row!.filled_quantity, row!.price]).toEqual([
    listed.symbol,
    listed.side,
    listed.status,
    listed.quantity,
    listed.filledQuantity,
    listed.price ?? "",
  ]);
  await expect(firstRow).toContainText(row!.symbol!);
  await expect(firstRow).toContainText(row!.side!);
  expect(row!.placed_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  // Oldest first, every row once.
  expect(rows.map((r) => r.placed_at)).toEqual([...rows.map((r) => r.placed_at!)].sort());
  expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
});

test("/orders?symbol=ETH/USDT: the order events' NDJSON holds that symbol's events only", async ({ page }) => {
  await page.goto("/orders?symbol=ETH%2FUSDT");
  await page.getByText("Download CSV or NDJSON").click();
  await expect(page.getByText("With this page's filters: symbol ETH/USDT.")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Order events · NDJSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^venuefolio-order-events-.*\.ndjson$/);
  const lines = (await readFile((await download.path())!, "utf8"))
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, string | null>);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((l) => l.symbol === "ETH/USDT" && !("error" in l))).toBe(true);
  expect(Object.keys(lines[0]!)).toEqual([...EXPORT_COLUMNS["order-events"]]);
  // A range over the limit is refused, naming the field and the limit.
  const refused = await page.request.get("/api/exports/order-events?from=2025-01-01&to=2026-06-01");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { fields: string[] }).fields).toEqual(["to"]);
});
