import { expect, test } from "@playwright/test";

test("the dashboard shows the demo equity and its chart, and Resync moves the last-sync time", async ({ page }) => {
  await page.goto("/");
  const equity = page.getByTestId("equity-value");
  await expect(equity).toHaveText(/^\$\d{1,3}(,\d{3})+\.\d{2}$/);
  await expect(page.getByText("Demo", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("equity-chart").locator(".recharts-surface")).toBeVisible();
  await expect(page.getByTestId("equity-chart").locator(".recharts-area-curve")).toHaveCount(1);
  await expect(page.getByTestId("positions-table").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("allocation-table").locator("tbody tr")).toHaveCount(7);

  const lastSync = page.getByTestId("last-sync");
  const before = await lastSync.getAttribute("datetime");
  expect(before).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  await page.getByRole("button", { name: "Resync" }).click();
  await expect(page.getByRole("button", { name: "Resync" })).toBeEnabled();
  await expect(lastSync).not.toHaveAttribute("datetime", before!);
  expect(Date.parse((await lastSync.getAttribute("datetime"))!)).toBeGreaterThan(Date.parse(before!));

  // Ranges re-read the series; the chart survives the switch.
  await page.getByRole("button", { name: "7D" }).click();
  await expect(page.getByRole("button", { name: "7D" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("equity-chart").locator(".recharts-area-curve")).toHaveCount(1);

  await page.screenshot({ path: "e2e/screenshots/dashboard.png", fullPage: true });
});

test("the chart switches between equity and NAV per unit, the choice kept in the URL; the performance card names its methods", async ({ page }) => {
  await page.goto("/");
  const chart = page.getByTestId("equity-chart");
  await expect(chart).toHaveAttribute("data-metric", "equity");

  const nav = page.getByRole("button", { name: "NAV per unit" });
  await nav.click();
  await expect(nav).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/[?&]chart=nav/);
  await expect(chart).toHaveAttribute("data-metric", "nav");
  // NAV per unit starts at 1.0000: each value-axis tick shows four decimals (read tick by
  // tick: the chart's text runs the ticks and the "reconstructed" mark's label together).
  const ticks = chart.locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks.filter({ hasText: /^\d+\.\d{4}$/ }).first()).toBeVisible();
  // Every tick is a date (the time axis) or a four-decimal NAV: none is money any more.
  expect((await ticks.allTextContents()).filter((t) => !/^\d+\.\d{4}$/.test(t)).every((t) => /[A-Za-z]/.test(t) && !t.includes("$"))).toBe(true);

  await page.reload();
  await expect(page.getByRole("button", { name: "NAV per unit" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Equity", exact: true }).click();
  await expect(page).not.toHaveURL(/chart=/);
  await expect(page.getByTestId("equity-chart")).toHaveAttribute("data-metric", "equity");

  await expect(page.getByTestId("performance-table").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("performance-methods")).toContainText("Flow-adjusted: Δequity − net flows (deposits − withdrawals, and the equity of a connection added or deleted in the period); TWR from NAV per unit; MWR = XIRR");
  await expect(page.getByTestId("day-change")).toHaveText(/in 24 h/);
});

test("the metrics bar labels equity, the four periods' PnL, exposure, leverage, margin and the largest asset, each naming its method", async ({ page }) => {
  await page.goto("/");
  const bar = page.getByTestId("metrics-bar");
  await expect(bar).toBeVisible();
  for (const label of ["Equity", "Day PnL", "Week PnL", "Month PnL", "YTD PnL", "Gross exposure", "Net exposure", "Leverage", "Margin debt", "Futures wallet", "Margin used / available", "Largest asset"]) {
    await expect(bar.getByText(label, { exact: true })).toBeVisible();
  }
  // The bar's equity is the equity card's.
  await expect(page.getByTestId("metric-equity")).toContainText((await page.getByTestId("equity-value").textContent())!);
  // A period: a signed amount, or a dash with its reason (history shorter than the period); the tooltip names the method and its anchor.
  await expect(page.getByTestId("metric-pnl-week").locator("dd")).toHaveText(/^([+-]?\$[\d,]+\.\d{2}|—)/);
  await expect(page.getByTestId("metric-pnl-week")).toHaveAttribute("title", /Flow-adjusted PnL: equity now − equity at the last snapshot before the period − net flows/);
  await expect(page.getByTestId("metric-pnl-week")).toHaveAttribute("title", /docs\/metrics\.md#period-pnl-to-date/);
  await expect(page.getByTestId("metric-leverage")).toHaveAttribute("title", /Leverage: gross exposure ÷ equity/);
  await expect(page.getByTestId("metric-leverage").locator("dd")).toHaveText(/^[\d.,]+×$/);
  await expect(page.getByTestId("metric-margin-used")).toContainText("not published by any connected venue");
  await expect(page.getByTestId("metric-top-asset").locator("dd")).toHaveText(/^[A-Z0-9]+ \d+\.\d{2}%/);
});
