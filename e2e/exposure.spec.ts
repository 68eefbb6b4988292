import { expect, test } from "@playwright/test";

interface ExposureBody {
  underlyings: { underlying: string }[];
  concentration: { herfindahl: string; top5Weight: string; breaches: { asset: string; weight: string }[] };
  derivatives: { symbol: string; liquidationDistance: string | null }[];
}

const pct = (fraction: string) =>
  new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fraction as `${number}`);

/**
 * /exposure on the demo (spot plus a BTC and an ETH perpetual): the underlyings with long,
 * short and net; HHI and top 5 as GET /api/exposure computes them; the >50 % flag exactly when
 * the route reports a breach; each perpetual's distance to liquidation.
 */
test("/exposure shows the demo's underlyings, its concentration and each perpetual's distance to liquidation", async ({ page }) => {
  await page.goto("/exposure");
  await expect(page).toHaveTitle("Exposure · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Exposure" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exposure" })).toHaveAttribute("aria-current", "page");

  const api = await page.request.get("/api/exposure");
  expect(api.ok()).toBe(true);
  const body = (await api.json()) as ExposureBody;

  const underlyings = page.getByTestId("underlying-table");
  for (const name of ["BTC", "ETH"]) await expect(underlyings.locator("tbody tr").filter({ hasText: name })).toHaveCount(1);
  // Money headings carry the base currency ("Long (USD)"): matched by their start.
  for (const heading of ["Long (", "Short (", "Net (", "Gross (", "% of NAV", "Leverage"]) {
    await expect(underlyings.getByRole("columnheader", { name: heading })).toBeVisible();
  }
  await expect(underlyings.locator("tbody tr")).toHaveCount(body.underlyings.length);

  // Pinned: the page's HHI and top 5 are the engine's, to the displayed precision.
  const hhi = new Intl.NumberFormat("en-US", { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(body.concentration.herfindahl as `${number}`);
  await expect(page.getByTestId("figure-hhi")).toContainText(hhi);
  await expect(page.getByTestId("figure-top5")).toContainText(pct(body.concentration.top5Weight));

  const flag = page.getByTestId("concentration-flag");
  if (body.concentration.breaches.length > 0) {
    const top = body.concentration.breaches[0]!;
    await expect(flag).toHaveAttribute("role", "alert");
    await expect(flag).toContainText(`${top.asset} is ${pct(top.weight)}`);
  } else {
    await expect(flag).toHaveCount(0);
  }

  const derivatives = page.getByTestId("derivatives-table");
  await expect(derivatives.locator("tbody tr")).toHaveCount(2);
  for (const d of body.derivatives) {
    const row = derivatives.locator("tbody tr").filter({ hasText: d.symbol });
    await expect(row).toContainText("isolated");
    await expect(row).toContainText(d.liquidationDistance === null ? "venue did not report" : pct(d.liquidationDistance));
  }
  await expect(page.getByTestId("derivatives-methods")).toContainText("(mark − liquidation) ÷ mark");

  await page.screenshot({ path: "e2e/screenshots/exposure.png", fullPage: true });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("/exposure fits the width; its tables scroll inside their cards", async ({ page }) => {
    await page.goto("/exposure");
    await expect(page.getByTestId("underlying-table")).toBeVisible();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
    await page.screenshot({ path: "e2e/screenshots/exposure-390.png", fullPage: true });
  });
});
