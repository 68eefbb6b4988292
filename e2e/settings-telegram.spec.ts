import { expect, test } from "@playwright/test";

// Settings → Telegram on an install without TELEGRAM_BOT_TOKEN: the owner (an admin) is
// refused a malformed bot token beside the field (nothing saved), saves a well-formed one
// (shown back only as its last four characters, never in the page), then makes a one-time
// linking code. The webhook cannot be set without TELEGRAM_WEBHOOK_SECRET, and says why.
// (The bot itself, over a fake Bot API: lib/telegram/bot.int.test.ts.)
const TOKEN = "123456789:AAE2eTelegramTokenForTheSettingsPage_x9Zq";

test("the owner saves a bot token and makes a linking code", async ({ page }) => {
  await page.goto("/settings/telegram");
  await expect(page).toHaveTitle("Telegram · Settings · Venuefolio");
  await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Telegram" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("No bot is set up yet")).toBeVisible();
  await expect(page.getByText("No bot token is set.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Set webhook" })).toBeDisabled();
  await expect(page.getByText("Set TELEGRAM_WEBHOOK_SECRET first")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/settings-telegram-no-bot.png", fullPage: true });

  // A malformed token: refused beside the field, nothing saved.
  const form = page.getByRole("form", { name: "Bot token" });
  // (A password field has no textbox role: found by its label inside the form of the same name.)
  const field = form.getByLabel("Bot token");
  await field.fill("not-a-token");
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(form.getByRole("alert")).toHaveText("Bot token: paste the token BotFather gave (123456789:AA…)");
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByText("No bot token is set.")).toBeVisible();

  await field.fill(TOKEN);
  await page.getByRole("button", { name: "Save token" }).click();
  await expect(page.getByText(`This workspace uses its own bot (token …${TOKEN.slice(-4)})`)).toBeVisible();
  expect(await page.content()).not.toContain(TOKEN.slice(0, 20));

  // Linking: a one-time code, valid for 10 minutes.
  await page.getByRole("button", { name: "Connect Telegram" }).click();
  await expect(page.getByText(/^\/start [A-Za-z0-9_-]{6,}$/)).toBeVisible();
  await expect(page.getByText("The code works once. Making a new one cancels this one.")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/settings-telegram.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Save token" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "e2e/screenshots/settings-telegram-390.png", fullPage: true });
});
