import { expect, test } from "@playwright/test";

// Settings → Workspace as the owner: the form shows the Personal workspace's USD and UTC,
// says what a change of currency would do (not saved here: other specs expect "$"), and a
// change of time zone is saved, shown, and put back.
test("the owner sees the workspace form with USD and UTC, reads what a change would do, and changes the time zone and back", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveTitle(/Workspace · Settings/);
  const currency = page.getByLabel("Base currency");
  const zone = page.getByLabel("Time zone");
  await expect(currency).toHaveValue("USD");
  await expect(zone).toHaveValue("UTC");
  await expect(page.getByText("Your role", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save" })).toBeDisabled();
  await page.screenshot({ path: "e2e/screenshots/settings-workspace.png", fullPage: true });

  // Choosing EUR says what would happen before anything is saved; undo puts it back.
  await currency.selectOption("EUR");
  const notice = page.getByTestId("settings-change-notice");
  await expect(notice).toContainText(/History valued in USD \(since .+\) is kept but is not shown while the base currency is EUR/);
  await expect(notice).toContainText("Saving resyncs every connection");
  await page.getByRole("button", { name: "Undo changes" }).click();
  await expect(currency).toHaveValue("USD");
  await expect(notice).toHaveCount(0);

  // A zone that is not in the list is refused beside the field, and what was typed stays.
  await zone.fill("Mars/Olympus_Mons");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Time zone: choose an IANA zone from the list, such as Europe/London or UTC")).toBeVisible();
  await expect(zone).toHaveValue("Mars/Olympus_Mons");
  await expect(zone).toBeFocused();

  // Asia/Kolkata: the notice names the rebuild; saving keeps it across a reload.
  await zone.fill("Asia/Kolkata");
  await expect(page.getByText("UTC+05:30 now.")).toBeVisible();
  await expect(notice).toContainText("Daily and weekly chart buckets will start at midnight in Asia/Kolkata");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved: USD, Asia\/Kolkata/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");

  // The overview still shows dollars, its chart drawn from the rebuilt buckets.
  await page.goto("/");
  await expect(page.getByTestId("equity-value")).toHaveText(/^\$\d{1,3}(,\d{3})+\.\d{2}$/);
  await expect(page.getByTestId("equity-chart")).toBeVisible();

  // Back to UTC for the other specs.
  await page.goto("/settings");
  await page.getByLabel("Time zone").fill("UTC");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved: USD, UTC/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
  await expect(page.getByLabel("Base currency")).toHaveValue("USD");
});
