import { expect, test } from "@playwright/test";

/**
 * /funds on the demo workspace, which has no 1Token connection: the empty state says how
 * funds appear and links the way to add one; a fund id that is not this workspace's (or not
 * an id) is the not-found page and a 404 from the API; a department filter that is not an id
 * is refused, naming the field. A 1Token fund with its NAV chart is covered on the database
 * (lib/read-models/fund-data.int.test.ts) and in the components' tests: the e2e server has
 * no way to reach a fake 1Token (its tenant address must be a 1Token domain).
 */

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
