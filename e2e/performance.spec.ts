import { expect, test } from "@playwright/test";

interface SummaryBody {
  range: { id: string; fromDay: string | null; toDay: string };
  metrics: { state: string; returns: number; twr: number | null; sharpeRatio: number | null; riskFreeRate: string };
}

const pct = (fraction: number) => {
  const text = new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fraction);
  return fraction > 0 ? `+${text}` : text;
};
const ratio = (x: number) => new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);

/**
 * /performance on the demo: the metrics table names each method and its anchor in
 * docs/metrics.md; its TWR and Sharpe are GET /api/performance/summary's for the same range
 * (the engine's over the demo's daily NAV-per-unit returns), to the displayed precision;
 * changing the range changes the URL and the figures.
 */
test("/performance shows the metrics with their methods, and the range moves the URL and the values", async ({ page }) => {
  await page.goto("/performance?range=90d");
  await expect(page).toHaveTitle("Performance · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Performance" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Performance" })).toHaveAttribute("aria-current", "page");

  const table = page.getByTestId("metrics-table");
  for (const label of ["Time-weighted return", "Sharpe ratio", "Sortino ratio", "Max drawdown", "Calmar ratio", "Omega ratio", "Tail ratio", "Best day", "Positive days"]) {
    await expect(table.getByRole("rowheader", { name: new RegExp(label) })).toBeVisible();
  }
  await expect(page.getByTestId("metric-sharpeRatio")).toHaveAttribute("data-doc", /^docs\/metrics\.md#/);
  await expect(page.getByTestId("metric-sharpeRatio")).toContainText("Risk-free rate");
  await expect(page.getByTestId("metric-twr")).toContainText("deposits and withdrawals");

  const ninety = (await (await page.request.get("/api/performance/summary?range=90d")).json()) as SummaryBody;
  expect(ninety.metrics.state).toBe("ok");
  if (ninety.metrics.twr !== null) await expect(page.getByTestId("metric-twr")).toContainText(pct(ninety.metrics.twr));
  if (ninety.metrics.sharpeRatio !== null) await expect(page.getByTestId("metric-sharpeRatio")).toContainText(ratio(ninety.metrics.sharpeRatio));
  await expect(page.getByTestId("trade-stats")).toBeVisible();

  // The charts between them: cumulative return against bitcoin (the default benchmark), the drawdown, the monthly grid.
  await expect(page.getByText("Cumulative return (time-weighted)")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Drawdown (underwater)")).toBeVisible();
  await expect(page.getByRole("table", { name: /Monthly returns by year and month/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "Benchmark" }).getByRole("button", { name: "BTC" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("group", { name: "Benchmark" }).getByRole("button", { name: "None" }).click();
  await expect(page).toHaveURL(/benchmark=none/);
  const series = await page.request.get("/api/performance/series?from=2026-11-01&to=2026-11-30&benchmark=DOGE");
  expect(series.status()).toBe(400);
  await page.screenshot({ path: "e2e/screenshots/performance.png", fullPage: true });

  // The range link keeps the benchmark picked in place (it used to drop it).
  await page.getByRole("navigation", { name: "Range" }).getByRole("link", { name: "7D" }).click();
  await expect(page).toHaveURL(/\/performance\?range=7d&benchmark=none$/);
  const seven = (await (await page.request.get("/api/performance/summary?range=7d")).json()) as SummaryBody;
  expect(seven.metrics.returns).toBeLessThanOrEqual(7);
  expect(seven.metrics.returns).toBeLessThan(ninety.metrics.returns);
  await expect(page.getByTestId("range-note")).toContainText(`${seven.metrics.returns} daily returns`);
  if (seven.metrics.twr !== null) await expect(page.getByTestId("metric-twr")).toContainText(pct(seven.metrics.twr));
});

test("a bad range is refused naming its field, on the page and by the API (400)", async ({ page }) => {
  await page.goto("/performance?range=custom&from=2026-02-10");
  // Filtered by its title: Next's route announcer is an empty role="alert" too once the page has navigated.
  await expect(page.getByRole("alert").filter({ hasText: "This range cannot be shown" })).toContainText("to: a custom range needs its last day");
  const api = await page.request.get("/api/performance/summary?range=2w");
  expect(api.status()).toBe(400);
  expect(((await api.json()) as { fields: string[] }).fields).toEqual(["range"]);
});

test("the risk-free rate set in Settings (percent) is the rate Sharpe names and uses on /performance", async ({ page }) => {
  await page.goto("/settings");
  const rate = page.getByLabel("Risk-free rate (% a year)");
  await expect(rate).toHaveValue("0");
  await rate.fill("45");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Risk-free rate: a percentage a year from -5 to 25, such as 4.5")).toBeVisible();
  await expect(rate).toBeFocused();
  await rate.fill("4.5");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved: USD, UTC, risk-free rate 4.5 %/)).toBeVisible();

  const body = (await (await page.request.get("/api/performance/summary?range=90d")).json()) as SummaryBody;
  expect(body.metrics.riskFreeRate).toBe("0.045");
  await page.goto("/performance?range=90d");
  await expect(page.getByTestId("metric-sharpeRatio")).toContainText("Risk-free rate 4.5 % a year");
  if (body.metrics.sharpeRatio !== null) await expect(page.getByTestId("metric-sharpeRatio")).toContainText(ratio(body.metrics.sharpeRatio));

  // Back to 0 for the other specs.
  await page.goto("/settings");
  await page.getByLabel("Risk-free rate (% a year)").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/risk-free rate 0 %/)).toBeVisible();
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("/performance fits the width; its tables scroll inside their cards", async ({ page }) => {
    await page.goto("/performance");
    await expect(page.getByTestId("metrics-table")).toBeVisible();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
    await page.screenshot({ path: "e2e/screenshots/performance-390.png", fullPage: true });
  });
});
