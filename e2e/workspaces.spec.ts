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

// The owner invites from Settings and hands over the link; the viewer signs up through it.
test("the owner invites a viewer, who sees the dashboard with no Resync button; a forged Resync gets 403", async ({ page, baseURL, browser }) => {
  await page.goto("/settings/members");
  await expect(page.getByTestId("member-table")).toContainText("owner@example.com");
  const invite = page.getByRole("form", { name: "Invite someone" });
  await invite.getByLabel("Email").fill("viewer@example.com");
  await invite.getByLabel("Role").selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = page.getByTestId("invitation-link");
  await expect(link).toContainText("/sign-up?invitation=");
  const url = (await link.textContent())!;
  await expect(page.getByRole("list", { name: "Open invitations" })).toContainText("viewer@example.com");
  await page.screenshot({ path: "e2e/screenshots/settings.png", fullPage: true });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewerPage = await context.newPage();
  await viewerPage.goto(url);
  await expect(viewerPage.getByText("You are invited to Personal as viewer")).toBeVisible();
  await expect(viewerPage.getByLabel("Email")).toHaveValue("viewer@example.com");
  await viewerPage.getByLabel("Name").fill("Vera Viewer");
  await viewerPage.getByLabel("Password").fill("viewer long password");
  await viewerPage.getByRole("button", { name: "Create account and join" }).click();
  await expect(viewerPage.getByTestId("equity-value")).toHaveText(/^\$\d{1,3}(,\d{3})+\.\d{2}$/);
  await expect(viewerPage.getByTestId("last-sync")).toBeVisible();
  await expect(viewerPage.getByRole("button", { name: "Resync" })).toHaveCount(0);

  const forged = await context.request.post("/api/sync", { data: {}, headers: { origin: baseURL! } });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ error: "This needs the member role or higher; your role in Personal is viewer" });
  await viewerPage.screenshot({ path: "e2e/screenshots/dashboard-viewer.png", fullPage: true });

  // The viewer may read Settings but not invite.
  await viewerPage.goto("/settings/members");
  await expect(viewerPage.getByText("Admins and owners invite people. Your role here is viewer.")).toBeVisible();
  await context.close();

  // Inviting someone already in the workspace is refused with the reason, and the form keeps the address.
  await page.reload();
  await expect(page.getByTestId("member-table")).toContainText("viewer@example.com");
  await page.getByLabel("Email").fill("viewer@example.com");
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.locator('p[role="alert"]')).toHaveText("User is already a member of this workspace");
  await expect(page.getByLabel("Email")).toHaveValue("viewer@example.com");
});
