// Settings → Telegram through the action guard: a person's one-time code, unlinking (one's
// own, an admin any; another workspace's is not found), the workspace's sealed bot token,
// and setWebhook with the secret, against the fake Telegram server over real HTTP.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { findLink, upsertLink } from "@/db/queries/telegram";
import { telegramBots } from "@/db/schema";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { FakeTelegram } from "@/lib/telegram/testing/fake-telegram";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie, host: "folio.example.com" } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

const TOKEN = "555555555:AASettingsActionToken_abcdefghijklm";
const SECRET = "settings-webhook-secret-0123456789";
let w: AccessWorld;
let fake: FakeTelegram;

const actions = () => import("./telegram");
async function as<T>(cookie: string, run: (a: Awaited<ReturnType<typeof actions>>) => Promise<T>): Promise<T> {
  currentCookie = cookie;
  return run(await actions());
}

beforeAll(async () => {
  fake = await new FakeTelegram([TOKEN]).start();
  // Read once by lib/env, on first use: set before anything reads it.
  process.env.TELEGRAM_WEBHOOK_SECRET = SECRET;
  process.env.TELEGRAM_API_ROOT = fake.apiRoot;
  process.env.BETTER_AUTH_URL = "https://folio.example.com";
  w = await openAccessWorld();
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
  await fake?.close();
});

describe("Settings → Telegram actions", () => {
  it("a viewer gets a one-time code valid for 10 minutes", async () => {
    const t0 = Date.now();
    const res = await as(w.cookie.viewer, (a) => a.createTelegramLinkCode({}));
    expect(res.data?.code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);
    const ttl = Date.parse(res.data!.expiresAt) - t0;
    expect(ttl).toBeGreaterThan(9.9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000 + 5_000);
  });

  it("unlink: another workspace's link is not found; a viewer cannot unlink a member's chat; the member can", async () => {
    const theirs = await upsertLink(w.handle.db, { ownerId: w.other.id, userId: w.userId.outsider, botKey: "env", chatId: "300", chatTitle: "Outsider" });
    const mine = await upsertLink(w.handle.db, { ownerId: w.personal.id, userId: w.userId.member, botKey: "env", chatId: "301", chatTitle: "Member" });
    expect((await as(w.cookie.owner, (a) => a.unlinkTelegramChat({ linkId: theirs.id }))).serverError).toEqual({ status: 404, message: "link not found" });
    expect((await as(w.cookie.viewer, (a) => a.unlinkTelegramChat({ linkId: mine.id }))).serverError).toEqual({
      status: 403,
      message: "Only the person who linked this chat, or an admin, can unlink it",
    });
    expect((await as(w.cookie.member, (a) => a.unlinkTelegramChat({ linkId: mine.id }))).data).toEqual({ linkId: mine.id });
    expect(await findLink(w.handle.db, { botKey: "env", chatId: "301" })).toBeNull();
    expect(await findLink(w.handle.db, { botKey: "env", chatId: "300" })).not.toBeNull();
  });

  it("a bot token that is not BotFather's shape is refused naming the field; a good one is sealed, only its last 4 characters come back", async () => {
    const bad = await as(w.cookie.admin, (a) => a.saveTelegramBotToken({ token: "not a token" }));
    expect(JSON.stringify(bad.validationErrors)).toContain("Bot token: paste the token BotFather gave");
    expect(await w.handle.db.select().from(telegramBots).where(eq(telegramBots.ownerId, w.personal.id))).toEqual([]);

    const ok = await as(w.cookie.admin, (a) => a.saveTelegramBotToken({ token: TOKEN }));
    expect(ok.data).toEqual({ hint: TOKEN.slice(-4) });
    const [row] = await w.handle.db.select().from(telegramBots).where(eq(telegramBots.ownerId, w.personal.id));
    expect(row!.tokenSealed).not.toContain(TOKEN.split(":")[1]);
    expect(row!.tokenSealed).toMatch(/^v1\./);
  });

  it("setTelegramWebhook calls setWebhook with /api/telegram?bot=<workspace> and the secret", async () => {
    const res = await as(w.cookie.admin, (a) => a.setTelegramWebhook({}));
    expect(res.serverError).toBeUndefined();
    const url = `https://folio.example.com/api/telegram?bot=${w.personal.id}`;
    expect(res.data).toEqual({ url });
    const [call] = fake.callsOf("setWebhook");
    expect(call?.token).toBe(TOKEN);
    expect(call?.payload).toMatchObject({ url, secret_token: SECRET });
  });
});
