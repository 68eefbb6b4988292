import { expect, test } from "@playwright/test";

// Workspaces do not see each other: a second person (ALLOW_SIGNUP=on in the e2e server)
// gets 404 for the owner's connection, exactly as for one that does not exist.
test("someone in another workspace gets 404 for the first workspace's connection; no session gets 401", async ({ page, playwright, baseURL }) => {
  const mine = await page.request.get("/api/connections");
  expect(mine.status()).toBe(200);
  const { connections } = (await mine.json()) as { connections: Array<{ id: string; provider: string; label: string; status: string }> };
  expect(connections.map((c) => [c.provider, c.label, c.status])).toEqual([["demo", "Demo exchange", "active"]]);
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

test("a page without a session redirects to sign-in and comes back after it; signing out ends the session", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("equity-value")).toBeVisible();

  // Signing out ends this session (only this one: the other specs' session stays valid).
  await page.getByRole("button", { name: /account/i }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await context.close();
});

// Until the members page lands, the invitation is made through better-auth's own route, as
// the settings page will; the viewer then signs up with the invited address and accepts it.
test("an invited viewer sees the dashboard with no Resync button, and a forged Resync gets 403", async ({ page, baseURL, browser }) => {
  const workspaces = (await (await page.request.get("/api/auth/organization/list")).json()) as Array<{ id: string; slug: string }>;
  const personal = workspaces.find((w) => w.slug === "personal")!;
  const invite = await page.request.post("/api/auth/organization/invite-member", {
    data: { email: "viewer@example.com", role: "viewer", organizationId: personal.id },
    headers: { origin: baseURL! },
  });
  expect(invite.status()).toBe(200);
  const invitationId = ((await invite.json()) as { id: string }).id;

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = context.request;
  expect(
    (await viewer.post("/api/auth/sign-up/email", { data: { email: "viewer@example.com", password: "viewer long password", name: "Vera Viewer" }, headers: { origin: baseURL! } })).status(),
  ).toBe(200);
  expect((await viewer.post("/api/auth/organization/accept-invitation", { data: { invitationId }, headers: { origin: baseURL! } })).status()).toBe(200);

  const viewerPage = await context.newPage();
  await viewerPage.goto("/");
  await expect(viewerPage.getByTestId("equity-value")).toHaveText(/^\$\d{1,3}(,\d{3})+\.\d{2}$/);
  await expect(viewerPage.getByTestId("last-sync")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Resync" })).toHaveCount(0);

  const forged = await viewer.post("/api/sync", { data: {}, headers: { origin: baseURL! } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ error: "This needs the member role or higher; your role in Personal is viewer" });
  await viewerPage.screenshot({ path: "e2e/screenshots/dashboard-viewer.png", fullPage: true });
  await context.close();
});
