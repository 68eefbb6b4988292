import { expect, test } from "@playwright/test";

// Workspaces do not see each other: a second person (ALLOW_SIGNUP=on in the e2e server)
// gets 404 for the owner's connection, exactly as for one that does not exist.
test("someone in another workspace gets 404 for the first workspace's connection; no session gets 401", async ({ page, playwright, baseURL }) => {
  const mine = await page.request.get("/api/connections");
  expect(mine.status()).toBe(200);
  const { connections } = (await mine.json()) as { connections: Array<{ id: string; provider: string; label: string; status: string }> };
  expect(connections.map((c) => [c.provider, c.label, c.status])).toEqual([["demo", "Demo", "active"]]);
  const demoId = connections[0]!.id;
  expect((await page.request.get(`/api/connections/${demoId}`)).status()).toBe(200);

  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const refused = await anonymous.get(`/api/connections/${demoId}`);
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: "Sign in first: this needs a session" });

  const signUp = await anonymous.post("/api/auth/sign-up/email", {
    data: { email: "stranger@example.com", password: "another long password", name: "Stranger" },
    headers: { origin: baseURL! },
  });
  expect(signUp.status()).toBe(200);
  const theirs = await anonymous.get(`/api/connections/${demoId}`);
  expect(theirs.status()).toBe(404);
  expect(await (await anonymous.get("/api/connections")).json()).toEqual({ connections: [] });
  await anonymous.dispose();
});

test("a page without a session redirects to sign-in and comes back after it", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("equity-value")).toBeVisible();
  await context.close();
});
