import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { parseCsv } from "../lib/exports/csv";

interface PreviewBody {
  portfolio: string;
  targets: Array<{ asset: string; weight: string; band: string }>;
  rows: Array<{ asset: string; currentWeight: string | null; targetWeight: string | null }>;
  legs: Array<{ asset: string; side: string; quantity: string; value: string; fee: string }>;
  previewOnly: true;
}

const NOT_OURS = "7f8a1d52-0000-4000-8000-00000000f00d";

/**
 * /rebalance on the demo workspace: the form starts from the saved targets (or today's
 * weights); a set that does not sum to 100 % and a negative weight are refused beside the
 * form and save nothing; a valid 50 / 50 set is saved, the table shows it as the target,
 * suggested trades per venue appear with their fees, and the plan downloads as CSV with the
 * API's exact decimals. Another workspace's connection is a 404.
 */
test("/rebalance: refuse a bad sum and a negative weight, save targets, see the trades, download the plan", async ({ page }) => {
  await page.goto("/rebalance");
  await expect(page).toHaveTitle("Rebalance · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Rebalance" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Rebalance" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Current against target")).toBeVisible();

  const before = (await (await page.request.get("/api/rebalance")).json()) as PreviewBody;
  expect(before.previewOnly).toBe(true);
  const form = page.getByRole("form", { name: "Target weights" });
  const weights = form.locator('input[name$=".weight"]');
  const rows = await weights.count();
  expect(rows).toBeGreaterThanOrEqual(2);

  // A sum of 100 + 5: refused, on the form, and nothing saved.
  const first = await weights.nth(0).inputValue();
  await weights.nth(0).fill(String(Number(first) + 5));
  await form.getByRole("button", { name: "Save targets" }).click();
  await expect(form.getByRole("alert")).toContainText(/Target weights sum to [\d.]+ %; they must sum to 100 % \(± 0\.01 %\)/);
  expect(((await (await page.request.get("/api/rebalance")).json()) as PreviewBody).targets).toEqual(before.targets);

  // A negative weight: refused on its own field.
  await weights.nth(0).fill("-10");
  await form.getByRole("button", { name: "Save targets" }).click();
  await expect(form.getByRole("alert")).toHaveText("Target weight must not be negative");
  await expect(weights.nth(0)).toBeFocused();
  expect(((await (await page.request.get("/api/rebalance")).json()) as PreviewBody).targets).toEqual(before.targets);

  // 50 / 50 on the first two assets, 0 on the rest: saved.
  for (let i = 0; i < rows; i++) await weights.nth(i).fill(i < 2 ? "50" : "0");
  await expect(page.getByTestId("targets-sum")).toContainText("Sum of targets: 100 %");
  await form.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText(`Saved ${rows} target weights`)).toBeVisible();

  const after = (await (await page.request.get("/api/rebalance")).json()) as PreviewBody;
  const [a, b] = after.targets.filter((t) => t.weight === "0.5").map((t) => t.asset);
  expect(a && b).toBeTruthy();
  await expect(page.getByTestId(`target-${a}`)).toHaveText("50.00%");
  await expect(page.getByTestId(`target-${b}`)).toHaveText("50.00%");

  // Suggested trades per venue, with their fees, and the plan as CSV with the API's exact decimals.
  await expect(page.getByRole("heading", { name: "Suggested trades" })).toBeVisible();
  const legRows = page.getByTestId("legs-table").locator("tbody tr");
  await expect(legRows).toHaveCount(after.legs.length);
  expect(after.legs.length).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the plan (CSV)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^rebalance-plan-all-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(header!.slice(0, 8)).toEqual(["portfolio", "asset", "side", "venue", "account", "quantity", "price", "value"]);
  // The demo's prices move with each sync, so the legs are compared by what they trade; the amounts are exact decimals, never display-rounded.
  expect(records.map((r) => `${r[1]}:${r[2]}`).sort()).toEqual(after.legs.map((l) => `${l.asset}:${l.side}`).sort());
  for (const r of records) for (const v of [r[5], r[6], r[7], r[10]]) expect(v).toMatch(/^\d+(\.\d+)?$/);

  expect((await page.request.get(`/api/rebalance?portfolio=connection:${NOT_OURS}`)).status()).toBe(404);
  expect((await page.request.get("/api/rebalance?portfolio=desk")).status()).toBe(400);

  // 390 px: the tables scroll inside their cards, the page never sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.screenshot({ path: "e2e/screenshots/rebalance.png", fullPage: true });
});

test("/rebalance in a workspace with nothing in it: connect a venue to see weights against targets", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signUp = await context.request.post("/api/auth/sign-up/email", {
    data: { email: "empty-rebalance@example.com", password: "an empty rebalance password", name: "Empty rebalance" },
    headers: { origin: baseURL! },
  });
  expect(signUp.status()).toBe(200);
  const page = await context.newPage();
  await page.goto("/rebalance");
  await expect(page.getByText("Connect a venue to see current weights against your target weights")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: "Add a connection" }).first()).toHaveAttribute("href", "/connections/new");
  await context.close();
});
