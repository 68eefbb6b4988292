import { expect, test } from "@playwright/test";
import { demoConnectionId } from "./demo-connection";

interface StrategiesBody {
  strategies: Array<{ strategy: string; untagged: boolean; fills: { count: number; href: string } }>;
  accounts: Array<{ connectionId: string; reconciliation: { reconciledAt: string } | null; lines: Array<{ symbol: string; residualQuantity: string; heldAt: string }> }>;
}

const NOT_OURS = "7f8a1d52-0000-4000-8000-00000000f00d";

/**
 * /strategies on the demo workspace, whose bots tag their orders mm-btc, mm-eth and mm-sol:
 * the three strategies and "untagged" are listed with their fills linked; Run now reconciles
 * the demo at once (the owner is above a member) and moves the time of the last
 * reconciliation; the reconciliation table then shows the demo's residual rows, named in
 * words. Another workspace's connection is a 404 from the API.
 */
test("/strategies lists the demo's strategies; Run now reconciles and the residual rows are marked", async ({ page }) => {
  await page.goto("/strategies");
  await expect(page).toHaveTitle("Strategies · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Strategies" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Strategies" })).toHaveAttribute("aria-current", "page");

  const table = page.getByTestId("strategy-table");
  for (const name of ["mm-btc", "mm-eth", "mm-sol", "untagged"]) await expect(table.locator(`tr[data-strategy="${name}"]`)).toHaveCount(1);
  await expect(table.locator('tr[data-strategy="mm-btc"]').getByRole("link")).toHaveAttribute("href", "/fills?strategy=mm-btc");

  // Run now: the time of the last reconciliation moves (or appears, before the first hourly run).
  const last = page.getByTestId("last-reconciliation").first();
  const times = last.locator("time");
  const before = (await times.count()) > 0 ? await times.first().getAttribute("datetime") : null;
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByText(/Reconciled \d+ connections? \(\d+ rows\)/).first()).toBeVisible();
  await expect(async () => {
    const after = await times.first().getAttribute("datetime", { timeout: 1_000 });
    expect(after).not.toBeNull();
    expect(after).not.toBe(before);
  }).toPass({ timeout: 10_000 });

  // The demo's own strategies (a deleted connection's tagged fills stay in the workspace).
  const api = await page.request.get(`/api/strategies?connection=${await demoConnectionId(page.request)}`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as StrategiesBody;
  expect(body.strategies.map((s) => s.strategy)).toEqual(["mm-btc", "mm-eth", "mm-sol", "untagged"]);
  expect(body.accounts[0]!.reconciliation).not.toBeNull();
  const residuals = body.accounts[0]!.lines.filter((l) => !/^-?0(\.0+)?$/.test(l.residualQuantity));
  expect(residuals.length).toBeGreaterThan(0);

  const reconciliation = page.getByTestId("reconciliation-table").first();
  const residualRows = reconciliation.locator('tbody tr[data-residual="true"]');
  await expect(residualRows).toHaveCount(residuals.length);
  await expect(residualRows.first()).toContainText("residual");
  const venueOnly = reconciliation.locator('tbody tr[data-held="venue-only"]');
  await expect(venueOnly).toHaveCount(body.accounts[0]!.lines.filter((x) => x.heldAt === "venue-only").length);
  for (const row of await venueOnly.all()) await expect(row).toContainText("venue only");

  expect((await page.request.get(`/api/strategies?connection=${NOT_OURS}`)).status()).toBe(404);
  expect((await page.request.get("/api/strategies?connection=desk")).status()).toBe(400);

  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.screenshot({ path: "e2e/screenshots/strategies.png", fullPage: true });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("/strategies fits the width: the tables scroll inside their cards", async ({ page }) => {
    await page.goto("/strategies");
    await expect(page.getByRole("heading", { level: 1, name: "Strategies" })).toBeVisible();
    await expect(page.getByTestId("strategy-table")).toBeVisible();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
    await page.screenshot({ path: "e2e/screenshots/strategies-390.png", fullPage: true });
  });
});
