import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/**
 * /flows/transfers as the owner: the demo has one connection, so nothing is matched; the
 * page says what a match means and how one is found (the window), in the flows tabs, and
 * its JSON route answers the same empty page.
 */

test("transfers between connections: what a match means, the window, an empty list, the tabs", async ({ page }) => {
  await page.goto("/flows/transfers");
  await expect(page).toHaveTitle("Transfers · Venuefolio");
  const tabs = page.getByRole("navigation", { name: "Cash-flow sections" });
  await expect(tabs.getByRole("link", { name: "Transfers" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Flows" })).toHaveAttribute("href", "/flows");
  await expect(page.getByText("not counted as a deposit or withdrawal of the workspace")).toBeVisible();
  await expect(page.getByText("No transfers between your connections matched yet")).toBeVisible();
  await expect(page.getByText(/by the same asset and amount within 10 minutes before to 6 hours after the withdrawal/)).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/transfers.png", fullPage: true });

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const res = await page.request.get("/api/cash-flows/transfers");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ rows: [], nextCursor: null, prevCursor: null });
});
