import { expect, test } from "@playwright/test";

interface ExposureBody {
  totals: { gross: string } | null;
  portfolio?: { key: string; label: string; partialConnections: string[] };
}

const GROUP = "E2E futures desk";

/**
 * The portfolio selector on the demo: a manual group of one account (the demo's USDT-M
 * futures account) is created from the selector's group manager, selected, and /exposure shows
 * its label and its own gross exposure (not the workspace's), the same figure GET
 * /api/exposure?portfolio= answers. The selection follows a nav link to /performance, where
 * the metrics table gives way to the note that roll-ups are not split. The group is deleted at
 * the end, so the other specs find the workspace as before.
 */
test("a manual group is created, selected, and changes /exposure's gross exposure", async ({ page }) => {
  await page.goto("/exposure");
  const selector = page.getByTestId("portfolio-selector");
  const select = selector.getByLabel("Portfolio", { exact: true });
  await expect(select).toHaveValue("all");
  const allGross = (await page.getByTestId("figure-gross").textContent())?.trim();
  const whole = (await (await page.request.get("/api/exposure")).json()) as ExposureBody;

  await selector.getByRole("button", { name: "Manage portfolio groups" }).click();
  const dialog = page.getByRole("dialog", { name: "Portfolio groups" });
  await dialog.getByRole("button", { name: "New group" }).click();
  // Refused with nothing ticked: the message names the field, nothing is saved.
  await dialog.getByLabel("Name").fill(GROUP);
  await dialog.getByRole("button", { name: "Create and select" }).click();
  await expect(dialog.getByRole("alert")).toContainText("accountIds: pick at least one account");
  await dialog.getByRole("checkbox", { name: /Demo USDT-M futures/ }).first().check();
  await dialog.getByRole("button", { name: "Create and select" }).click();
  await expect(dialog).toBeHidden();

  // The selector writes the key as is (nuqs leaves ":" unescaped); links may escape it.
  await expect(page).toHaveURL(/[?&]portfolio=portfolio(%3A|:)[0-9a-f-]{36}/);
  await expect(page.getByTestId("portfolio-label")).toHaveText(GROUP);
  await expect(select.locator("option:checked")).toHaveText(GROUP);
  const key = decodeURIComponent(new URL(page.url()).searchParams.get("portfolio")!);
  const selected = (await (await page.request.get(`/api/exposure?portfolio=${encodeURIComponent(key)}`)).json()) as ExposureBody;
  expect(selected.portfolio).toMatchObject({ key, label: GROUP });
  expect(selected.totals!.gross).not.toBe(whole.totals!.gross);
  await expect(page.getByTestId("figure-gross")).not.toHaveText(allGross ?? "");
  // The demo connection has two more accounts: equity is per connection, so the page says why it is not shown.
  await expect(page.getByTestId("portfolio-note")).toContainText("Equity, weights and leverage are not shown");

  // The selection follows the nav link; /performance measures the group's whole connections (none here: the demo
  // connection is only part-selected), shows its trade statistics and names what it left out.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Performance" }).click();
  await expect(page).toHaveURL(new RegExp(`/performance\\?portfolio=portfolio(%3A|:)${key.split(":")[1]}`));
  await expect(page.getByTestId("portfolio-label")).toHaveText(GROUP);
  await expect(page.getByTestId("portfolio-note")).toContainText("leave out");
  await expect(page.getByText("No daily close yet")).toBeVisible();

  // At 390 px the selector fits without a sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(select).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Back to the whole workspace, then the group is deleted.
  await page.setViewportSize({ width: 1280, height: 900 });
  await select.selectOption("all");
  await expect(page).not.toHaveURL(/portfolio=/);
  page.once("dialog", (d) => void d.accept());
  await selector.getByRole("button", { name: "Manage portfolio groups" }).click();
  await page.getByRole("dialog", { name: "Portfolio groups" }).getByRole("button", { name: `Delete ${GROUP}` }).click();
  await expect(select.locator("option", { hasText: GROUP })).toHaveCount(0);
});

/**
 * The overview for one connection: the equity chart, the metrics bar's periods and the
 * performance card are the connection's, measured on its daily closes (today from its latest
 * snapshot), and each says so; the equity series export stays the workspace's.
 */
test("the overview of one connection shows its own performance card and says how it is measured", async ({ page }) => {
  const { connections } = (await (await page.request.get("/api/connections")).json()) as { connections: Array<{ id: string; provider: string; label: string }> };
  const demo = connections.find((c) => c.provider === "demo")!;
  const key = `connection:${demo.id}`;
  const perf = (await (await page.request.get(`/api/performance?portfolio=${encodeURIComponent(key)}`)).json()) as { portfolio: { label: string }; periods: unknown[] };
  expect(perf.portfolio.label).toBe(demo.label);
  expect(perf.periods).toHaveLength(4);

  await page.goto(`/?portfolio=${encodeURIComponent(key)}`);
  await expect(page.getByTestId("portfolio-label")).toHaveText(demo.label);
  await expect(page.getByTestId("portfolio-note")).toContainText("The equity chart, period PnL and the performance card are measured on its end-of-day closes");
  // The chart is the connection's daily closes: drawn once it has two days, else it says so.
  await expect(page.getByText(new RegExp(`${demo.label}(: one point a local day|'s chart has one point a day)`))).toBeVisible();
  await expect(page.getByTestId("performance-table").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("performance-methods")).toContainText(`For ${demo.label}: one point a day, the end-of-day closes of its whole connections`);
  await page.screenshot({ path: "e2e/screenshots/overview-one-connection.png", fullPage: true });
  // At 390 px: no sideways scroll; the card's table scrolls inside its own region.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("performance-table")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "e2e/screenshots/overview-one-connection-390.png", fullPage: true });
});
