import { expect, test } from "@playwright/test";
import { FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET, startFakeOneToken, type FakeOneToken } from "../lib/connectors/onetoken/testing/fake-onetoken";
import { FAKE_ONETOKEN_PORT } from "../playwright.config";

/**
 * /funds on the demo workspace, which has no 1Token connection: the empty state says how
 * funds appear and links the way to add one; a fund id that is not this workspace's (or not
 * an id) is the not-found page and a 404 from the API; a department filter that is not an id
 * is refused, naming the field. Then a second person, in a workspace of their own (so the
 * owner's pages stay as the other specs expect them), connects the fake 1Token tenant this
 * spec starts (the server sends 1Token requests to it: VENUE_BASE_URL_ONETOKEN in
 * playwright.config.ts) and sees its funds, NAV chart and trading accounts.
 */
let fake: FakeOneToken;

test.beforeAll(async () => {
  fake = await startFakeOneToken({ now: () => new Date(), port: FAKE_ONETOKEN_PORT });
});
test.afterAll(async () => {
  await fake?.close();
});

interface FundListBody {
  funds: Array<{ id: string; name: string; externalId: string; latest: { navPerUnit: string | null; snapshotId: string } | null }>;
}
const navText = (nav: string) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 8 }).format(nav as `${number}`);

const NOT_OURS = "7f8a1d52-0000-4000-8000-00000000f00d";

test("/funds with no 1Token connection: the empty state links to adding one; the API lists no fund", async ({ page }) => {
  const api = await page.request.get("/api/funds");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { funds: unknown[]; departments: unknown[]; department: string | null; methods: Record<string, string> };
  expect(body).toMatchObject({ funds: [], departments: [], department: null });
  expect(body.methods.navPerUnit).toContain("accum_nav");

  await page.goto("/funds");
  await expect(page).toHaveTitle("Funds · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Funds" })).toBeVisible();
  await expect(page.getByText("No funds yet")).toBeVisible();
  await expect(page.getByText("Connect a 1Token account to see its funds")).toBeVisible();
  const connect = page.getByRole("link", { name: /Connect a 1Token account/ });
  await expect(connect).toHaveAttribute("href", "/connections/new");
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.screenshot({ path: "e2e/screenshots/funds.png", fullPage: true });

  // The sidebar leads here.
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funds" }).click();
  await expect(page).toHaveURL(/\/funds$/);
});

test("a fund id that is not this workspace's, or not an id, is the not-found page and a 404; a bad department filter names its field", async ({ page }) => {
  for (const id of [NOT_OURS, "not-an-id"]) {
    await page.goto(`/funds/${id}`);
    await expect(page.getByText("No such fund in this workspace")).toBeVisible();
    expect((await page.request.get(`/api/funds/${id}`)).status()).toBe(404);
  }
  expect((await page.request.get(`/api/funds?department=${NOT_OURS}`)).status()).toBe(404);
  const refused = await page.request.get("/api/funds?department=desk");
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { fields: string[] }).fields).toEqual(["department"]);

  await page.goto("/funds?department=desk");
  await expect(page.getByRole("alert").filter({ hasText: "This filter cannot be applied" })).toContainText("department:");
  await page.goto(`/funds?department=${NOT_OURS}`);
  await expect(page.getByRole("alert").filter({ hasText: "This department is not in the workspace" })).toBeVisible();
  await page.getByRole("link", { name: "Show every fund" }).click();
  await expect(page).toHaveURL(/\/funds$/);
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("/funds fits the width", async ({ page }) => {
    await page.goto("/funds");
    await expect(page.getByRole("heading", { level: 1, name: "Funds" })).toBeVisible();
    await expect(page.getByText("No funds yet")).toBeVisible();
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
    await page.screenshot({ path: "e2e/screenshots/funds-390.png", fullPage: true });
  });
});

test("a 1Token tenant connected in another workspace: its funds with NAV, the fund's chart, snapshot id and accounts; the owner gets 404 for it", async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const signUp = await context.request.post("/api/auth/sign-up/email", {
    data: { email: `fund-manager-${Date.now()}@example.com`, password: "a long fund password", name: "Fund manager" },
    headers: { origin: baseURL! },
  });
  expect(signUp.status()).toBe(200);
  const theirs = await context.newPage();

  // Before any connection: the empty state, in their workspace too.
  await theirs.goto("/funds");
  await expect(theirs.getByText("No funds yet")).toBeVisible();

  // Connect the tenant (the form takes only 1Token's domains; the server sends the calls to the fake).
  await theirs.goto("/connections/new");
  await theirs.getByRole("button", { name: /^1Token/ }).click();
  await theirs.getByLabel("Name").fill("1Token e2e");
  await theirs.getByLabel("Tenant address").fill("https://e2e.1token.tech/api/v1");
  await theirs.getByLabel("API key", { exact: true }).fill(FAKE_ONETOKEN_KEY);
  await theirs.getByLabel("API secret").fill(FAKE_ONETOKEN_SECRET);
  await theirs.getByRole("button", { name: "Test", exact: true }).click();
  await expect(theirs.getByTestId("test-outcome")).toContainText("The key works (read)");
  await theirs.getByRole("button", { name: "Save and sync" }).click();
  await expect(theirs).toHaveURL(/\/connections\/[0-9a-f-]{36}$/, { timeout: 180_000 });

  // The list: both funds of the tenant, each with its last NAV per unit as the API gives it.
  const api = (await (await theirs.request.get("/api/funds")).json()) as FundListBody;
  expect(api.funds.map((f) => f.externalId).sort()).toEqual(["fund/h47z03", "fund/q3lm88"]);
  const alpha = api.funds.find((f) => f.externalId === "fund/h47z03")!;
  expect(alpha.latest?.navPerUnit).toMatch(/^1(\.\d+)?$/);
  await theirs.goto("/funds");
  const table = theirs.getByTestId("fund-table");
  const row = table.locator("tr", { has: theirs.getByRole("link", { name: alpha.name }) });
  await expect(row).toContainText("fund/h47z03");
  await expect(row).toContainText(navText(alpha.latest!.navPerUnit!));
  await expect(row).toContainText("%");
  await theirs.setViewportSize({ width: 1440, height: 1100 });
  await theirs.screenshot({ path: "e2e/screenshots/funds-list.png", fullPage: true });

  // The fund: figures with the last snapshot id, the NAV chart, its valuations and accounts.
  await row.getByRole("link", { name: alpha.name }).click();
  await expect(theirs).toHaveURL(new RegExp(`/funds/${alpha.id}$`));
  await expect(theirs).toHaveTitle("Fund · Venuefolio");
  await expect(theirs.getByTestId("fund-figures")).toContainText(alpha.latest!.snapshotId);
  await expect(theirs.getByTestId("nav-per-unit-chart").locator(".recharts-line-curve")).toHaveCount(1);
  expect(await theirs.getByTestId("fund-valuations").locator("tbody tr").count()).toBeGreaterThan(1);
  const accounts = theirs.getByTestId("fund-accounts");
  await expect(accounts).toContainText("AC_TG_07_BTC");
  await expect(accounts).toContainText("1token/tradeacc/bitmexprop/vsgm1h");
  await expect(accounts).toContainText("$1,523,904.12");
  await theirs.screenshot({ path: "e2e/screenshots/funds-detail.png", fullPage: true });

  // At 390 px neither page scrolls sideways.
  await theirs.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/funds", `/funds/${alpha.id}`]) {
    await theirs.goto(path);
    await expect(theirs.getByRole("heading", { level: 1, name: "Funds" })).toBeVisible();
    const overflow = await theirs.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll, path).toBeLessThanOrEqual(overflow.viewport);
  }
  await context.close();

  // The owner's workspace: that fund is not theirs.
  expect((await page.request.get(`/api/funds/${alpha.id}`)).status()).toBe(404);
  await page.goto(`/funds/${alpha.id}`);
  await expect(page.getByText("No such fund in this workspace")).toBeVisible();
});
