import { expect, test as setup } from "@playwright/test";
import { OWNER_STATE } from "../playwright.config";

// First run, as a new user meets it: "/" leads to "Create the owner account", one form,
// and the owner lands on the living demo dashboard. Every other spec starts from here.
setup("the owner signs up on a fresh install and lands on the demo dashboard", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-up/);
  await expect(page.getByRole("heading", { name: "Create the owner account" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/sign-up.png", fullPage: true });

  // A short password is refused in the form, and nothing is sent.
  await page.getByLabel("Name").fill("Olivia Owner");
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create the owner account" }).click();
  await expect(page.getByText("At least 10 characters")).toBeVisible();

  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create the owner account" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("equity-value")).toHaveText(/^\$\d{1,3}(,\d{3})+\.\d{2}$/);
  await expect(page.getByRole("button", { name: "Resync" })).toBeVisible();
  await page.context().storageState({ path: OWNER_STATE });
});
