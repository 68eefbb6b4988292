import { expect, test } from "@playwright/test";

/**
 * /flows as the owner: a manual deposit added to an account of the demo connection (a bad
 * amount refused beside its field first), seen counted in the table and in net deposits,
 * then reversed with a note: marked reversed, with who and why, and net deposits back where
 * they were.
 */
test("a manual deposit is added to the demo's spot account, counted, then reversed with a note", async ({ page }) => {
  await page.goto("/flows");
  await expect(page).toHaveTitle("Flows · Venuefolio");
  await expect(page.getByRole("heading", { level: 1, name: "Flows" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Cash-flow sections" }).getByRole("link", { name: "Flows" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("Confirmed deposits and subscriptions minus withdrawals and redemptions, valued at the flow's time")).toBeVisible();
  const net = page.getByTestId("net-deposits");
  const netBefore = await net.textContent();

  // An amount no earlier run used, so its row is found alone.
  const amount = `${1000 + (Date.now() % 9000)}.25`;
  const shown = Number(amount).toLocaleString("en-US");

  await page.getByRole("button", { name: "Add a flow" }).click();
  const add = page.getByRole("form", { name: "Add a flow" });
  const accountValue = await add.locator("option", { hasText: "Demo spot" }).first().getAttribute("value");
  await add.getByLabel("Account").selectOption(accountValue!);
  await add.getByLabel("Kind").selectOption("deposit");
  const asset = await add.getByLabel("Asset").inputValue();
  await add.getByLabel("Amount").fill("0");
  await add.getByRole("button", { name: "Add the flow" }).click();
  await expect(add.getByText("Amount: must be more than 0")).toBeVisible();
  await expect(add.getByLabel("Amount")).toBeFocused();

  await add.getByLabel("Amount").fill(amount);
  await add.getByLabel("Note (optional)").fill("e2e: wire from the bank");
  await add.getByRole("button", { name: "Add the flow" }).click();
  await expect(page.getByText(`Added: Deposit of ${shown} ${asset}`).first()).toBeVisible();

  const table = page.getByTestId("data-table");
  const row = table.locator("tbody tr").filter({ hasText: `${shown} ${asset}` });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Demo exchange");
  await expect(row).toContainText("manual");
  await expect(row).toContainText("counted");
  await expect(row).toContainText("e2e: wire from the bank");
  await expect(net).not.toHaveText(netBefore!);
  await page.screenshot({ path: "e2e/screenshots/flows.png", fullPage: true });

  // Reverse it: a note is required, then the flow counts no more.
  await row.getByRole("button", { name: new RegExp(`^Reverse deposit ${shown.replace(/\./g, "\\.")} ${asset}`) }).click();
  const reverse = page.getByRole("form", { name: "Reverse a flow" });
  await reverse.getByRole("button", { name: "Reverse" }).click();
  await expect(reverse.getByText("Note: say why")).toBeVisible();
  await reverse.getByLabel("Note (why)").fill("e2e: entered by mistake");
  await reverse.getByRole("button", { name: "Reverse" }).click();
  await expect(page.getByText("Reversed: the flow counts no more").first()).toBeVisible();

  await expect(row).toContainText("reversed");
  await expect(row).toContainText("Reversed by Olivia Owner");
  await expect(row).toContainText("e2e: entered by mistake");
  await expect(row.getByRole("button", { name: /^Reverse / })).toHaveCount(0);
  await expect(net).toHaveText(netBefore!);

  // The filter lives in the URL: not-counted flows include it.
  await page.getByRole("combobox", { name: "Counts", exact: true }).selectOption("no");
  await expect(page).toHaveURL(/counted=no/);
  await expect(table.locator("tbody tr").filter({ hasText: `${shown} ${asset}` })).toHaveCount(1);
  await page.screenshot({ path: "e2e/screenshots/flows-reversed.png", fullPage: true });
});
