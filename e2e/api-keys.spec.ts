import { expect, test } from "@playwright/test";

// The owner makes an API key in Settings, a script with no cookies uses it, the owner
// revokes it and the script is refused. Keys open the JSON API only, never the pages.
test("the owner creates an API key, a script without cookies reads with it, and revoking it ends that", async ({ page, playwright, browser, baseURL }) => {
  await page.goto("/settings/api-keys");
  await expect(page).toHaveTitle("API keys · Settings · Venuefolio");
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "API keys" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expect(page.getByTestId("api-key-example")).toHaveText(`curl -H "Authorization: Bearer vf_…" ${baseURL}/api/v1/summary`);
  await expect(page.getByTestId("openapi-link")).toHaveAttribute("href", "/api/v1/openapi.json");

  // A nameless key is refused beside the field, which gets focus; nothing is made.
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name, such as the script that will use it")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();

  await page.getByLabel("Name").fill("e2e script");
  await page.getByLabel("Role").selectOption("viewer");
  await page.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await page.getByRole("button", { name: "Create key" }).click();
  const shown = page.getByTestId("new-api-key");
  await expect(shown).toHaveText(/^vf_[A-Za-z]{64}$/);
  const key = (await shown.textContent())!;
  await expect(page.getByText("Copy this key now: it will not be shown again.")).toBeVisible();
  const table = page.getByTestId("api-key-table");
  const row = table.getByRole("row", { name: /e2e script/ });
  await expect(row).toContainText(key.slice(0, 10));
  await expect(row).toContainText("viewer");
  await expect(row).toContainText("never");
  await expect(table).not.toContainText(key);
  await page.screenshot({ path: "e2e/screenshots/settings-api-keys.png", fullPage: true });

  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const authorization = `Bearer ${key}`;
  const read = await script.get("/api/connections", { headers: { authorization } });
  expect(read.status()).toBe(200);
  const { connections } = (await read.json()) as { connections: Array<{ provider: string; label: string; status: string }> };
  expect(connections.map((c) => [c.provider, c.label, c.status])).toEqual([["demo", "Demo exchange", "active"]]);
  const resync = await script.post("/api/sync", { data: {}, headers: { authorization } });
  expect(resync.status()).toBe(403);
  expect(await resync.json()).toEqual({ error: "This needs the member role or higher; this API key's role in Personal is viewer" });

  // Pages take the session cookie only: with just the key, a page sends the browser to sign in.
  const keyOnly = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { authorization } });
  const keyPage = await keyOnly.newPage();
  await keyPage.goto("/settings/api-keys");
  await expect(keyPage).toHaveURL(/\/sign-in\?next=/);
  await keyOnly.close();

  // The key's use shows on the page; the new key itself is gone after a reload.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(row.locator("td").nth(4)).not.toHaveText("never");

  await page.getByRole("button", { name: "Revoke e2e script" }).click();
  await expect(page.getByText("Anything using this key gets 401 from its next request.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByText('Key "e2e script" revoked')).toBeVisible();
  await expect(page.getByText("No API keys yet")).toBeVisible();

  const refused = await script.get("/api/connections", { headers: { authorization } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "This API key is not valid: it is unknown or has been revoked" });
  await script.dispose();
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the API keys page does not scroll sideways; its table scrolls inside its card", async ({ page }) => {
    await page.goto("/settings/api-keys");
    await page.getByLabel("Name").fill("phone");
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toBeVisible();
    await expect(page.getByTestId("api-key-table")).toContainText("phone");
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);
    await page.screenshot({ path: "e2e/screenshots/settings-api-keys-390.png", fullPage: true });
    await page.getByRole("button", { name: "Revoke phone" }).click();
    await page.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByText("No API keys yet")).toBeVisible();
  });
});
