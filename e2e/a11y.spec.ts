import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { SHELL_NAV } from "../components/shell/nav-items";
import { SETTINGS_TABS } from "../app/(app)/settings/_tabs/settings-tab-list";

/**
 * axe on every built page, in the light and the dark scheme (contrast differs): no serious
 * or critical violation. The page list comes from the sidebar and the settings tabs, so a
 * new page is checked as soon as it is built. Sign-in and sign-up are checked signed out.
 */
const PAGES = [...new Set<string>([...SHELL_NAV.map((n) => n.href), ...SETTINGS_TABS.map((t) => t.href)])];

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

for (const scheme of ["light", "dark"] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });

    for (const path of PAGES) {
      test(`${path} has no serious or critical axe violation`, async ({ page }) => {
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Let data-driven parts (tables, charts) render before they are checked.
        await page.waitForLoadState("networkidle");
        expect(await seriousViolations(page)).toEqual([]);
      });
    }

    test("sign-in and sign-up have no serious or critical axe violation", async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, storageState: { cookies: [], origins: [] } });
      const page = await context.newPage();
      for (const path of ["/sign-in", "/sign-up"]) {
        await page.goto(path);
        await expect(page.getByRole("button").first()).toBeVisible();
        expect(await seriousViolations(page), path).toEqual([]);
      }
      await context.close();
    });
  });
}
