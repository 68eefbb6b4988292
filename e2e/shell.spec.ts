import { expect, test, type Page } from "@playwright/test";
import { SHELL_NAV } from "../components/shell/nav-items";

/**
 * The app shell: the sidebar reaches every built page, the layout holds at a phone's width
 * without sideways scrolling, and dark mode follows the system. The nav list comes from the
 * same module the sidebar renders, so a new page is checked here as soon as it is built.
 */

/** Waits for the dashboard's data, so widths are measured with the tables in place. */
async function waitForDashboard(page: Page) {
  await expect(page.getByTestId("equity-value")).toBeVisible();
  await expect(page.getByTestId("positions-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("allocation-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("equity-chart").locator(".recharts-surface")).toBeVisible();
}

test("the sidebar reaches every built page, and marks the current one", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveCount(SHELL_NAV.length);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();

  for (const item of SHELL_NAV) {
    await nav.getByRole("link", { name: item.label }).click();
    await expect(page).toHaveURL(item.href);
    await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
    await expect(nav.getByRole("link", { name: item.label })).toHaveAttribute("aria-current", "page");
    // A section's sub-page may prefix its own name ("Members · Settings · Venuefolio").
    await expect(page).toHaveTitle(new RegExp(`(^| · )${item.label} · Venuefolio$`));
  }
  // One workspace: its name and no switcher; the signed-in owner's menu offers sign-out.
  await expect(page.getByTestId("workspace-name")).toHaveText(/Personal/);
  await expect(page.getByRole("button", { name: /workspace/i })).toHaveCount(0);
  // Back on the Overview, where the address appears only in the account menu (Settings lists it too).
  await nav.getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL("/");
  await page.getByRole("button", { name: /account/i }).click();
  await expect(page.getByText("owner@example.com")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("no horizontal page scroll; the menu button opens the drawer, which closes on Escape and on navigation", async ({ page }) => {
    await page.goto("/");
    await waitForDashboard(page);
    const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.viewport);

    // The desktop sidebar is hidden; the tables scroll inside their cards.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    const positions = page.getByRole("region", { name: "Open positions, scrollable" });
    expect(await positions.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

    await page.screenshot({ path: "e2e/screenshots/overview-390.png", fullPage: true });

    const menu = page.getByRole("button", { name: "Open menu" });
    const drawer = page.getByRole("dialog", { name: "Menu" });
    await menu.click();
    await expect(drawer).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await expect(menu).toBeFocused();

    await menu.click();
    await expect(drawer).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/overview-390-drawer.png" });
    const first = SHELL_NAV[0]!;
    await drawer.getByRole("link", { name: first.label }).click();
    await expect(drawer).toBeHidden();
    await expect(page).toHaveURL(first.href);
    await expect(page.getByRole("heading", { level: 1, name: first.label })).toBeVisible();
  });
});

test("dark mode follows the system: dark page, light text, dark cards", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await waitForDashboard(page);

  const colours = await page.evaluate(() => {
    const rgb = (el: Element, prop: "backgroundColor" | "color") =>
      getComputedStyle(el)[prop].match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
    const card = document.querySelector("[data-testid=equity-value]")!.closest("section")!;
    return { body: rgb(document.body, "backgroundColor"), text: rgb(document.body, "color"), card: rgb(card, "backgroundColor") };
  });
  // Relative luminance on a 0–255 scale is enough to tell dark from light.
  const lum = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  expect(lum(colours.body)).toBeLessThan(30);
  expect(lum(colours.card)).toBeLessThan(50);
  expect(lum(colours.text)).toBeGreaterThan(200);

  await page.screenshot({ path: "e2e/screenshots/overview-dark.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/screenshots/overview-dark-390.png", fullPage: true });
});
