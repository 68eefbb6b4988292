import { expect, test } from "@playwright/test";

// The people parts of Settings as the owner meets them: Profile (name, password) and
// Ownership. The Personal workspace is never deleted here (every other spec uses it); a
// deletion is tried by someone who signs up with a workspace of their own.

test("the owner renames themselves on Profile; a wrong current password is refused on that field, keeping what was typed", async ({ page }) => {
  await page.goto("/settings/profile");
  await expect(page.getByRole("link", { name: "Profile" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("profile-email")).toHaveText("owner@example.com");
  await expect(page.getByText("sends no mail")).toBeVisible();

  const name = page.getByLabel("Display name");
  await name.fill("");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Enter a name")).toBeVisible();
  await expect(name).toBeFocused();

  await name.fill("Olivia O. Owner");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved")).toBeVisible();
  await expect(page.getByRole("button", { name: "Account: Olivia O. Owner" })).toBeVisible();

  await page.getByLabel("Current password", { exact: true }).fill("not the password at all");
  await page.getByLabel("New password", { exact: true }).fill("another long passphrase");
  await page.getByLabel("Repeat the new password").fill("another long passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password")).toBeVisible();
  await expect(page.getByLabel("Current password", { exact: true })).toBeFocused();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("another long passphrase");
  await page.screenshot({ path: "e2e/screenshots/settings-profile.png", fullPage: true });

  // Back to the name the other specs know.
  await name.fill("Olivia Owner");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("button", { name: "Account: Olivia Owner" })).toBeVisible();
});

test("the Ownership tab shows the owner, and deleting asks for the workspace's name first", async ({ page }) => {
  await page.goto("/settings");
  await page.getByRole("link", { name: "Ownership" }).click();
  await expect(page).toHaveURL("/settings/ownership");
  await expect(page.getByTestId("owner-list")).toContainText("owner@example.com");
  await expect(page.getByRole("heading", { name: "Transfer ownership" })).toBeVisible();

  const confirm = page.getByLabel("Type Personal to confirm");
  await confirm.fill("personal");
  await page.getByRole("button", { name: "Delete this workspace" }).click();
  await expect(page.getByText("Type the name exactly as shown: Personal")).toBeVisible();
  await expect(confirm).toHaveValue("personal");
  await page.screenshot({ path: "e2e/screenshots/settings-ownership.png", fullPage: true });

  await page.reload();
  await expect(page.getByTestId("workspace-name")).toHaveText(/Personal/);
});

test("someone deletes their only workspace and lands on a page that says what happened and what to do", async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-up");
  await page.getByLabel("Name", { exact: true }).fill("Dana Deleter");
  await page.getByLabel("Email", { exact: true }).fill("dana@example.com");
  await page.getByLabel("Password", { exact: true }).fill("dana's long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByTestId("workspace-name")).toHaveText(/Dana Deleter's workspace/);

  await page.goto("/settings/ownership");
  await page.getByLabel("Type Dana Deleter's workspace to confirm").fill("Dana Deleter's workspace");
  await page.getByRole("button", { name: "Delete this workspace" }).click();
  await expect(page).toHaveURL("/no-workspace");
  await expect(page.getByRole("heading", { level: 1, name: "You are not in any workspace" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("You are signed in as dana@example.com");
  await page.screenshot({ path: "e2e/screenshots/no-workspace.png", fullPage: true });

  // Every page sends them here, and signing out still works without a workspace.
  await page.goto("/settings");
  await expect(page).toHaveURL("/no-workspace");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
