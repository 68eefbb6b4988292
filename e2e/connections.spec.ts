import { expect, test } from "@playwright/test";
import { BINANCE_EXAMPLE_CREDENTIALS, binanceFixture, FakeBinance } from "../lib/connectors/binance/fake-binance";
import { FAKE_BINANCE_PORT } from "../playwright.config";

/**
 * A venue connected from the browser, end to end, against the fake Binance this spec
 * starts (the server sends every Binance request to it: VENUE_BASE_URL_BINANCE in
 * playwright.config.ts). The fake speaks Binance's shapes and checks its signatures with
 * Binance's published example key pair. Add → Test (a trading key refused, then a
 * read-only one) → Save → the first sync followed → the accounts listed → pause, resume,
 * delete.
 */
let fake: FakeBinance;

const DAY = 86_400_000;

/**
 * A year of daily candles per USDT market, closing every day at the fake's ticker price, so
 * the history reconstructed after the first sync values every coin it holds (the klines the
 * reconstruction asks for, up to yesterday).
 */
function flatDailyKlines(prices: Array<Record<string, unknown>>): Record<string, unknown[][]> {
  const today = Math.floor(Date.now() / DAY) * DAY;
  const out: Record<string, unknown[][]> = {};
  for (const t of prices) {
    const symbol = String(t.symbol);
    if (!symbol.endsWith("USDT")) continue;
    const c = String(t.price);
    out[symbol] = Array.from({ length: 366 }, (_, i) => {
      const open = today - (365 - i) * DAY;
      return [open, c, c, c, c, "1.0", open + DAY - 1, c, 10, "0.5", c, "0"];
    });
  }
  return out;
}

/**
 * A year of trading before the fixture's own trades: a BTC/USDT buy every 30 days from 360
 * days back, ids below the fixture's (Binance's ids rise with time). The first sync is asked
 * to read 365 days, so the reconstructed past starts a year back.
 */
function aYearOfTrades(fixtureTrades: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const model = fixtureTrades.find((t) => t.symbol === "BTCUSDT")!;
  return Array.from({ length: 11 }, (_, k) => {
    const price = (40_000 + k * 1_000).toFixed(8);
    return {
      ...model,
      id: 3_000_000 + k,
      orderId: 20_000 + k,
      price,
      qty: "0.00100000",
      // price × 0.001 BTC, written exactly (no float near money).
      quoteQty: `${40 + k}.00000000`,
      commission: "0.00000100",
      commissionAsset: "BTC",
      time: Date.now() - (360 - k * 30) * DAY,
      isBuyer: true,
    };
  });
}

test.beforeAll(async () => {
  fake = await FakeBinance.start({ port: FAKE_BINANCE_PORT });
  fake.state.klines = flatDailyKlines(fake.state.prices);
  fake.state.trades.spot = [...aYearOfTrades(fake.state.trades.spot), ...fake.state.trades.spot];
});
test.afterAll(async () => {
  await fake?.close();
});

const LABEL = "Binance e2e";

test("add a Binance connection, test it, save it, watch the first sync, see its accounts; pause, resume, delete", async ({ page }) => {
  test.setTimeout(240_000);

  // The list, with the demo connection and the way to add one.
  await page.goto("/connections");
  await expect(page).toHaveTitle("Connections · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
  const table = page.getByTestId("data-table");
  await expect(table.getByRole("link", { name: "Demo exchange" })).toBeVisible();
  await page.getByRole("link", { name: "Add connection" }).click();
  await expect(page).toHaveURL(/\/connections\/new$/);

  // Choose the venue; its fields come from its schemas, with where to make a read-only key.
  await page.getByRole("button", { name: /^Binance/ }).click();
  await expect(page.getByRole("complementary", { name: "How to get Binance keys" })).toContainText("tick only “Enable Reading”");
  await page.getByLabel("Name").fill(LABEL);
  await expect(page.getByLabel("Environment")).toHaveValue("live");
  await expect(page.getByLabel("History to read on the first sync (days)")).toHaveValue("7");
  await page.getByLabel("History to read on the first sync (days)").fill("365");
  const apiKey = page.getByLabel("API key", { exact: true });
  const secret = page.getByLabel("Secret key");
  await expect(apiKey).toHaveAttribute("type", "password");
  await expect(secret).toHaveAttribute("type", "password");
  await expect(page.getByRole("button", { name: "Save and sync" })).toBeDisabled();

  // A missing field is named beside it, and gets focus; nothing is sent.
  await apiKey.fill(BINANCE_EXAMPLE_CREDENTIALS.apiKey);
  await page.getByRole("button", { name: "Test", exact: true }).click();
  await expect(secret).toBeFocused();
  await expect(page.getByText("is required")).toBeVisible();
  await secret.fill(BINANCE_EXAMPLE_CREDENTIALS.secret);

  // A key that can trade is refused, with the reason; nothing is saved.
  fake.state.apiRestrictions = binanceFixture("api-restrictions-trading.json") as Record<string, unknown>;
  await page.getByRole("button", { name: "Test", exact: true }).click();
  const refusal = page.getByRole("alert").filter({ hasText: "This key is refused" });
  await expect(refusal).toContainText("This API key can trade");
  await expect(page.getByRole("button", { name: "Save and sync" })).toBeDisabled();

  // A read-only key passes, and shows what it found.
  fake.state.apiRestrictions = binanceFixture("api-restrictions-read-only.json") as Record<string, unknown>;
  await page.getByRole("button", { name: "Test", exact: true }).click();
  const outcome = page.getByTestId("test-outcome");
  await expect(outcome).toContainText("The key works (read)");
  await expect(outcome).toContainText("Binance Spot");
  await expect(outcome).toContainText(/\d+ balances?, \d+ positions?/);
  expect(page.url()).not.toContain(BINANCE_EXAMPLE_CREDENTIALS.secret);
  await page.screenshot({ path: "e2e/screenshots/connection-new.png", fullPage: true });

  // Save: the first sync starts and is followed until it ends, then the connection's page.
  await page.getByRole("button", { name: "Save and sync" }).click();
  const progress = page.getByTestId("run-progress");
  await expect(progress).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Sync progress" })).toBeVisible();
  await expect(page).toHaveURL(/\/connections\/[0-9a-f-]{36}$/, { timeout: 180_000 });
  const connectionUrl = page.url();

  // The connection: healthy, its accounts listed with their holdings, a snapshot.
  await expect(page.getByTestId("connection-state")).toContainText("healthy");
  const accounts = page.getByTestId("accounts-table");
  await expect(accounts).toContainText("Binance Spot");
  await expect(accounts).toContainText("spot");
  const snapshotRows = page.getByTestId("snapshots-table").locator("tbody tr");
  await expect(snapshotRows.filter({ hasNotText: "reconstructed" })).toHaveCount(1);
  await expect(page.getByText("saved, encrypted")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(BINANCE_EXAMPLE_CREDENTIALS.secret);
  // Its past follows the first sync, in the background: reconstructed from the fills it read
  // and the venue's daily candles, each such snapshot marked, all before the one read.
  await expect(async () => {
    await page.reload();
    await expect(snapshotRows.filter({ hasText: "reconstructed" }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  await expect(snapshotRows.first()).not.toContainText("reconstructed");
  // What the reconstruction rests on: its days (a year of them: the first sync read 365 days of
  // fills, the oldest 360 days back), and each change the fills and flows do not explain (the
  // fake holds coins its trades never bought), listed, never hidden.
  const history = page.getByTestId("history-status");
  await expect(history).toContainText(/\d+ day\(s\) reconstructed before the first measured snapshot, \d+ \w+ \d{4} to \d+ \w+ \d{4}/);
  const reconstructedDays = Number(/(\d+) day\(s\) reconstructed/.exec((await history.textContent()) ?? "")![1]);
  expect(reconstructedDays).toBeGreaterThanOrEqual(355);
  const residualRows = history.getByTestId("residuals-table").locator("tbody tr");
  await expect(residualRows.first()).toContainText("held before the history");
  // Every coin has a daily close (the fake's candles): each residual is valued, none unpriced.
  await expect(residualRows.filter({ hasText: "unpriced" })).toHaveCount(0);
  await expect(snapshotRows.filter({ hasText: "reconstructed" }).first()).not.toContainText("BTC");
  await page.screenshot({ path: "e2e/screenshots/connection-detail.png", fullPage: true });
  // At 390 px the page fits the width: the residuals table scrolls inside its card.
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(history.getByTestId("residuals-table")).toBeVisible();
  const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
  expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
  await page.screenshot({ path: "e2e/screenshots/connection-detail-390.png", fullPage: true });
  await page.setViewportSize(wide);

  // The overview's equity chart, all of it: it starts a year back, and says where the
  // reconstructed past ends and measured snapshots begin (the dashed line's mark).
  const series = (await (await page.request.get("/api/dashboard/equity?range=all")).json()) as { points: Array<{ at: string }>; reconstructedUntil: string | null };
  expect(Date.parse(series.points[0]!.at)).toBeLessThanOrEqual(Date.now() - 350 * DAY);
  expect(series.reconstructedUntil).not.toBeNull();
  await page.goto("/");
  await page.getByRole("group", { name: "Chart range" }).getByRole("button", { name: "All" }).click();
  await expect(page.getByTestId("equity-chart")).toBeVisible();
  await expect(page.getByText(/the history is reconstructed from fills, deposits, withdrawals and daily closes/)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/dashboard-year-of-history.png", fullPage: true });
  await page.goto(connectionUrl);

  // Pause: no next run; Resume: back on the schedule.
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByTestId("connection-state")).toContainText("paused");
  await expect(page.getByTestId("next-run")).toContainText("Paused");
  await page.getByRole("button", { name: "Resume", exact: true }).click();
  await expect(page.getByTestId("connection-state")).toContainText("healthy");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();

  // The list shows it beside the demo, with its accounts and API use.
  await page.goto("/connections");
  const row = page.getByTestId("data-table").locator("tr", { has: page.getByRole("link", { name: LABEL }) });
  await expect(row).toContainText("healthy");
  await expect(row).toContainText(/\d+ calls/);
  await page.screenshot({ path: "e2e/screenshots/connections.png", fullPage: true });

  // Delete: the consequences said plainly, confirmed by typing the label.
  await page.goto(connectionUrl);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ${LABEL}?` });
  await expect(dialog).toContainText("Its history stays, read-only");
  const confirm = dialog.getByRole("button", { name: `Delete ${LABEL}` });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(`Type ${LABEL} to confirm`).fill(LABEL);
  await confirm.click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByTestId("data-table").getByRole("link", { name: "Demo exchange" })).toBeVisible();
  await expect(page.getByTestId("data-table").getByRole("link", { name: LABEL })).toHaveCount(0);

  // Gone for good: its page is a 404 now, like another workspace's.
  await page.goto(connectionUrl);
  await expect(page.getByText("No such connection in this workspace")).toBeVisible();
});

test("a connection id that is not this workspace's, or not an id at all, is the not-found page", async ({ page }) => {
  await page.goto("/connections/7f8a1d52-0000-4000-8000-000000000001");
  await expect(page.getByText("No such connection in this workspace")).toBeVisible();
  await page.goto("/connections/not-an-id");
  await expect(page.getByText("No such connection in this workspace")).toBeVisible();
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the list and the wizard fit the width; the table scrolls inside its card", async ({ page }) => {
    for (const path of ["/connections", "/connections/new"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: "Connections" })).toBeVisible();
      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
    }
  });
});
