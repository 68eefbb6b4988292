// Issue 16, "Tests": the bot against a fake Telegram Bot API over real HTTP (grammY's
// apiRoot), on the demo portfolio. Updates come in through the webhook handler, exactly as
// POST /api/telegram receives them.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Bot } from "grammy";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listChannels } from "@/db/queries/notification-channels";
import { findLink } from "@/db/queries/telegram";
import { addMember, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { telegramLinkCodes, users, workspaceMembers, type WorkspaceRole } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createLinkCode } from "@/lib/actions/telegram-link-codes";
import { raiseAlert } from "@/lib/alerts/notify";
import { loadHoldings } from "@/lib/read-models/dashboard-data";
import { loadMetricsBar } from "@/lib/read-models/metrics-bar-data";
import { ensureDemoPortfolio } from "@/lib/runtime/demo-seed";
import { createTelegramBot } from "./bot";
import { CALLBACK_TTL_MS } from "./callback-data";
import type { TelegramConfig } from "./config";
import { escapeMarkdownV2 } from "./markdown";
import { formatAmount, formatPercent } from "./numbers";
import type { RebalancePreviewer, RebalanceScope } from "./rebalance-port";
import { FakeTelegram } from "./testing/fake-telegram";
import { callbackUpdate, textUpdate, type TestChat } from "./testing/updates";
import { TEXT } from "./texts";
import { handleTelegramWebhook } from "./webhook";

const NOW = new Date("2026-11-20T10:30:00Z");
const TOKEN = "123456789:AAHfakeTokenForTests_abcdefghijklmnop";
const SECRET = "webhook-secret-for-tests-0123456789";

let h: DbHandle;
let ownerId: string;
let fake: FakeTelegram;
let cfg: TelegramConfig;
let bot: Bot;
let now = NOW;
const logs: string[] = [];
const resyncs: string[] = [];
const rebalanceCalls: Array<{ kind: "preview" | "plan"; scope: RebalanceScope }> = [];
const person: Record<"member" | "viewer", { id: string; chat: TestChat }> = {
  member: { id: "", chat: { id: 1001, firstName: "Mia" } },
  viewer: { id: "", chat: { id: 1002, firstName: "Vic" } },
};

/** The port lib/rebalance implements, in-test: fixed figures, every call recorded. */
const rebalance: RebalancePreviewer = {
  async preview(scope) {
    rebalanceCalls.push({ kind: "preview", scope });
    return { ok: true, lines: [{ asset: "BTC", currentWeight: "0.62", targetWeight: "0.5", deltaValue: "-12000.5" }] };
  },
  async plan(scope) {
    rebalanceCalls.push({ kind: "plan", scope });
    return { ok: true, quotedAt: NOW, orders: [{ side: "sell", symbol: "BTC/USDT", quantity: "0.125", quotePrice: "96000.1", valueBase: "12000.01", venue: "demo" }] };
  },
};

async function post(update: unknown, secret: string | null = SECRET, body?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== null) headers["x-telegram-bot-api-secret-token"] = secret;
  const request = new Request("http://localhost/api/telegram", { method: "POST", headers, body: body ?? JSON.stringify(update) });
  return handleTelegramWebhook(request, { db: h.db, cfg, botFor: async () => bot, log: { warn: (l) => logs.push(l), error: (l) => logs.push(l) } });
}

const sentTo = (chat: TestChat) => fake.calls.filter((c) => c.payload.chat_id === chat.id || c.payload.chat_id === String(chat.id));
const textsTo = (chat: TestChat) => sentTo(chat).filter((c) => c.method === "sendMessage").map((c) => String(c.payload.text));

async function addPerson(name: string, role: WorkspaceRole): Promise<string> {
  const [u] = await h.db.insert(users).values({ email: `${name}@example.com`, name }).returning({ id: users.id });
  await addMember(h.db, { workspaceId: ownerId, userId: u!.id, role });
  return u!.id;
}

async function link(who: "member" | "viewer"): Promise<void> {
  const { code } = await createLinkCode(h.db, { ownerId, userId: person[who].id, now });
  expect((await post(textUpdate(person[who].chat, `/start ${code}`))).status).toBe(200);
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  await ensureDemoPortfolio(h.db, { ownerId, now: () => NOW });
  person.member.id = await addPerson("mia", "member");
  person.viewer.id = await addPerson("vic", "viewer");
  fake = await new FakeTelegram([TOKEN]).start();
  cfg = { apiRoot: fake.apiRoot, envToken: TOKEN, webhookSecret: SECRET, mode: "webhook", callbackKey: randomBytes(32) };
  bot = createTelegramBot({
    db: h.db,
    cfg,
    botKey: "env",
    token: TOKEN,
    rebalance,
    now: () => now,
    log: { warn: (l) => logs.push(l), error: (l) => logs.push(l) },
    // The per-chat pace is real, its waiting instant (api-limits.test.ts times it).
    clock: { now: () => Date.now(), sleep: async () => {} },
    resync: async (id) => {
      resyncs.push(id);
      return { ok: true, mode: "queued", syncedAt: null, connections: 1, batchIds: [] };
    },
  });
  await bot.init();
}, 180_000);
afterAll(async () => {
  await fake?.close();
  await h?.close();
});
beforeEach(() => {
  fake.clear();
  now = NOW;
});

describe("POST /api/telegram (webhook handler)", () => {
  it("refuses a wrong or missing secret with 401 before reading the body", async () => {
    const wrong = await post(textUpdate(person.member.chat, "/help"), "not-the-secret-0000000000");
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: "X-Telegram-Bot-Api-Secret-Token: missing or wrong" });
    expect((await post(textUpdate(person.member.chat, "/help"), null)).status).toBe(401);
    expect(fake.calls).toHaveLength(0);
  });

  it("answers a bad update body 400 naming what is wrong, never 500", async () => {
    const notJson = await post(null, SECRET, "{not json");
    expect([notJson.status, await notJson.json()]).toEqual([400, { error: "body: not JSON" }]);
    for (const body of ["[]", "{}", '{"update_id":"x"}', '{"update_id":-1}', "null"]) {
      const res = await post(null, SECRET, body);
      expect(res.status, body).toBe(400);
    }
    expect(fake.calls).toHaveLength(0);
  });
});

describe("linking", () => {
  it("an unlinked chat gets a short explanation and no data", async () => {
    const stranger = { id: 4242, firstName: "Sam" };
    await post(textUpdate(stranger, "/portfolio"));
    expect(textsTo(stranger)).toEqual([TEXT.unlinked]);
  });

  it("an expired code is refused and links nothing; a fresh code links the chat once", async () => {
    const chat = person.member.chat;
    const { code } = await createLinkCode(h.db, { ownerId, userId: person.member.id, now: new Date(NOW.getTime() - 11 * 60_000) });
    await post(textUpdate(chat, `/start ${code}`));
    expect(textsTo(chat)).toEqual([TEXT.codeExpired]);
    expect(await findLink(h.db, { botKey: "env", chatId: String(chat.id) })).toBeNull();

    const fresh = await createLinkCode(h.db, { ownerId, userId: person.member.id, now });
    expect(fresh.expiresAt.getTime() - now.getTime()).toBe(10 * 60_000);
    // Only the hash is stored.
    const stored = await h.db.select().from(telegramLinkCodes).where(eq(telegramLinkCodes.userId, person.member.id));
    expect(stored.some((r) => r.codeHash.includes(fresh.code))).toBe(false);
    await post(textUpdate(chat, `/start ${fresh.code}`));
    expect(textsTo(chat)[1]).toMatch(/^Linked ✅ This chat now shows the workspace "Personal" with your role \(member\)/);
    expect(await findLink(h.db, { botKey: "env", chatId: String(chat.id) })).toMatchObject({ ownerId, userId: person.member.id, chatTitle: "Mia" });

    // Used once: another chat cannot reuse it.
    const other = { id: 5151, firstName: "Eve" };
    await post(textUpdate(other, `/start ${fresh.code}`));
    expect(textsTo(other)).toEqual([TEXT.codeUsed]);
  });

  it("/unlink removes the link; the chat then gets no data", async () => {
    const chat = { id: 6161, firstName: "Mia again" };
    const { code } = await createLinkCode(h.db, { ownerId, userId: person.member.id, now });
    await post(textUpdate(chat, `/start ${code}`));
    await post(textUpdate(chat, "/unlink"));
    await post(textUpdate(chat, "/portfolio"));
    expect(textsTo(chat).slice(1)).toEqual([TEXT.unlinked_done, TEXT.unlinked]);
  });
});

describe("/portfolio and its buttons", () => {
  beforeAll(async () => {
    await link("member");
    await link("viewer");
  });

  it("shows the demo's equity, flow-adjusted day, top 5 holdings with weights, exposure, leverage and sync age, in valid MarkdownV2", async () => {
    await post(textUpdate(person.member.chat, "/portfolio"));
    const [call] = sentTo(person.member.chat);
    expect(call?.payload.parse_mode).toBe("MarkdownV2");
    const text = String(call!.payload.text);
    // The same read models as the overview: the chat never disagrees with the dashboard.
    const metrics = await loadMetricsBar(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone: "UTC" });
    const holdings = await loadHoldings(h.db, { ownerId, baseCurrency: "USD" });
    const day = metrics.periods.find((p) => p.id === "day")!;
    expect(text).toContain(`Equity: *${escapeMarkdownV2(`${formatAmount(metrics.equity!)} USD`)}*`);
    expect(text).toContain(escapeMarkdownV2(`Today: ${formatAmount(day.pnl!, 2, { signed: true })} USD (${formatPercent(day.pct!, 2, { signed: true })}), flow-adjusted`));
    const top = holdings.allocation.slice(0, 5);
    expect(top).toHaveLength(5);
    top.forEach((a, i) => expect(text).toContain(escapeMarkdownV2(`${i + 1}. ${a.asset} ${formatPercent(a.weight!, 1)} · ${formatAmount(a.value)} USD`)));
    expect(text).not.toContain(escapeMarkdownV2(`6. ${holdings.allocation[5]?.asset ?? "none"}`));
    expect(text).toContain(escapeMarkdownV2(`Exposure: gross ${formatAmount(metrics.exposure.gross!)} · net ${formatAmount(metrics.exposure.net!)} USD`));
    expect(text).toContain(escapeMarkdownV2(`Leverage: ${formatAmount(metrics.exposure.leverage!)}x`));
    expect(text).toContain(escapeMarkdownV2("Last sync: "));
    expect(text.includes("⚠️")).toBe(metrics.topAsset?.flagged === true);
    const keyboard = (call!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    expect(keyboard.flat().map((b) => b.text)).toEqual(["Report 📈", "Rebalance 🔄"]);
  });

  async function buttons(chat: TestChat): Promise<Record<string, string>> {
    fake.clear();
    await post(textUpdate(chat, "/portfolio"));
    const kb = (sentTo(chat)[0]!.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    fake.clear();
    return Object.fromEntries(kb.map((b) => [b.text, b.callback_data]));
  }

  it("Report 📈: TWR, max drawdown and Sharpe for 7D, 30D and YTD, best and worst asset, and the equity chart as a PNG", async () => {
    const data = (await buttons(person.member.chat))["Report 📈"]!;
    await post(callbackUpdate(person.member.chat, data));
    expect(fake.callsOf("answerCallbackQuery")).toHaveLength(1);
    const [report] = textsTo(person.member.chat);
    for (const label of ["7D", "30D", "YTD"]) expect(report).toMatch(new RegExp(`\\*${label}\\* TWR [+\\\\-]*\\d.*max drawdown .*Sharpe `));
    expect(report).toContain("30D best asset:");
    expect(report).toContain("30D worst asset:");
    const [photo] = fake.callsOf("sendPhoto");
    expect(photo?.file?.subarray(1, 4).toString()).toBe("PNG");
    expect(photo?.payload.chat_id).toBe(String(person.member.chat.id));
  });

  it("Rebalance 🔄 shows the preview with a Confirm button; Confirm shows the dry-run plan with quotes; nothing else is called", async () => {
    rebalanceCalls.length = 0;
    const data = (await buttons(person.member.chat))["Rebalance 🔄"]!;
    await post(callbackUpdate(person.member.chat, data));
    const preview = sentTo(person.member.chat).find((c) => c.method === "sendMessage")!;
    expect(String(preview.payload.text)).toContain(escapeMarkdownV2("BTC: 62.0% → 50.0% (-12,000.50 USD)"));
    const confirm = (preview.payload.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard.flat();
    expect(confirm.map((b) => b.text)).toEqual(["Confirm: dry-run plan"]);
    fake.clear();
    await post(callbackUpdate(person.member.chat, confirm[0]!.callback_data));
    const [plan] = textsTo(person.member.chat);
    expect(plan).toContain("*Dry\\-run plan \\(nothing is executed\\)*");
    expect(plan).toContain(escapeMarkdownV2("SELL 0.125 BTC/USDT @ 96000.1 on demo ≈ 12,000.01 USD"));
    expect(rebalanceCalls.map((c) => [c.kind, c.scope.ownerId, c.scope.baseCurrency])).toEqual([
      ["preview", ownerId, "USD"],
      ["plan", ownerId, "USD"],
    ]);
  });

  it("an expired callback gets a polite answer and changes nothing", async () => {
    rebalanceCalls.length = 0;
    const data = (await buttons(person.member.chat))["Rebalance 🔄"]!;
    now = new Date(NOW.getTime() + CALLBACK_TTL_MS + 60_000);
    await post(callbackUpdate(person.member.chat, data, now));
    expect(fake.callsOf("answerCallbackQuery").map((c) => c.payload.text)).toEqual([TEXT.callbackExpired]);
    expect(fake.callsOf("sendMessage")).toHaveLength(0);
    expect(rebalanceCalls).toHaveLength(0);
  });

  it("a foreign callback (another chat's button, or forged) gets a polite answer and changes nothing", async () => {
    rebalanceCalls.length = 0;
    const membersButton = (await buttons(person.member.chat))["Rebalance 🔄"]!;
    await post(callbackUpdate(person.viewer.chat, membersButton));
    await post(callbackUpdate(person.viewer.chat, "rb:zzzzzz:forged"));
    expect(fake.callsOf("answerCallbackQuery").map((c) => c.payload.text)).toEqual([TEXT.callbackForeign, TEXT.callbackForeign]);
    expect(fake.callsOf("sendMessage")).toHaveLength(0);
    expect(rebalanceCalls).toHaveLength(0);
  });
});

describe("/sync, /alerts, /help and membership", () => {
  it("a viewer is refused /sync with the reason; a member's /sync runs the Resync", async () => {
    resyncs.length = 0;
    await post(textUpdate(person.viewer.chat, "/sync"));
    expect(textsTo(person.viewer.chat)).toEqual([`Refused: a resync needs the member role or above, and you are a viewer in "Personal". Ask an admin to change your role.`]);
    expect(resyncs).toEqual([]);
    await post(textUpdate(person.member.chat, "/sync"));
    expect(resyncs).toEqual([ownerId]);
    expect(textsTo(person.member.chat)).toEqual(["Resync queued for 1 connection. /portfolio shows the figures once it is done."]);
  });

  it("/alerts on delivers a new alert to the linked chat through a notification channel; /alerts off stops it", async () => {
    const chat = person.member.chat;
    await post(textUpdate(chat, "/alerts on"));
    const channels = (await listChannels(h.db, { ownerId })).filter((c) => c.kind === "telegram");
    expect(channels).toHaveLength(1);
    // The token is in the sealed URL only, never in what a page shows.
    expect(JSON.stringify(channels)).not.toContain(TOKEN);
    fake.clear();
    const at = new Date();
    const raised = await raiseAlert(h.db, { ownerId, kind: "drawdown", subject: "portfolio", severity: "warning", title: "Drawdown 12%", message: "NAV is 12% below its peak", at });
    expect(raised.delivered).toBe(true);
    const [delivery] = fake.callsOf("sendMessage");
    expect(delivery?.token).toBe(TOKEN);
    expect(delivery?.payload).toMatchObject({ chat_id: String(chat.id), text: "[WARNING] Drawdown 12%: NAV is 12% below its peak" });

    await post(textUpdate(chat, "/alerts off"));
    expect((await listChannels(h.db, { ownerId })).filter((c) => c.kind === "telegram")).toHaveLength(0);
    fake.clear();
    await raiseAlert(h.db, { ownerId, kind: "concentration", subject: "ETH", severity: "warning", title: "Concentration", message: "ETH above the limit", at });
    expect(fake.callsOf("sendMessage")).toHaveLength(0);
  });

  it("relinking a chat with a new code ends the earlier link's alert channel", async () => {
    const chat = { id: 8181, firstName: "Mia on a phone" };
    const first = await createLinkCode(h.db, { ownerId, userId: person.member.id, now });
    await post(textUpdate(chat, `/start ${first.code}`));
    await post(textUpdate(chat, "/alerts on"));
    expect((await listChannels(h.db, { ownerId })).filter((c) => c.kind === "telegram")).toHaveLength(1);
    const second = await createLinkCode(h.db, { ownerId, userId: person.viewer.id, now });
    await post(textUpdate(chat, `/start ${second.code}`));
    expect((await listChannels(h.db, { ownerId })).filter((c) => c.kind === "telegram")).toHaveLength(0);
    expect(await findLink(h.db, { botKey: "env", chatId: String(chat.id) })).toMatchObject({ userId: person.viewer.id, alertsOn: false });
  });

  it("/help lists the commands", async () => {
    await post(textUpdate(person.viewer.chat, "/help"));
    expect(textsTo(person.viewer.chat)).toEqual([TEXT.help]);
  });

  it("a removed member's chat gets nothing: membership is checked on every update", async () => {
    const id = await addPerson("rita", "member");
    const chat = { id: 7171, firstName: "Rita" };
    const { code } = await createLinkCode(h.db, { ownerId, userId: id, now });
    await post(textUpdate(chat, `/start ${code}`));
    await h.db.delete(workspaceMembers).where(and(eq(workspaceMembers.userId, id), eq(workspaceMembers.organizationId, ownerId)));
    fake.clear();
    await post(textUpdate(chat, "/portfolio"));
    expect(textsTo(chat)).toEqual([TEXT.removed]);
  });
});

describe("failures", () => {
  it("a 429 is retried after retry_after and the message still arrives", async () => {
    fake.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    await post(textUpdate(person.viewer.chat, "/help"));
    expect(fake.callsOf("sendMessage")).toHaveLength(2);
    expect(textsTo(person.viewer.chat)).toEqual([TEXT.help, TEXT.help]);
  });

  it("a failing call is logged without the token, even when Telegram's answer echoes it", async () => {
    logs.length = 0;
    fake.failNext("sendMessage", { error_code: 400, description: `Bad Request: bot${TOKEN} cannot send to this chat` });
    const res = await post(textUpdate(person.viewer.chat, "/help"));
    expect(res.status).toBe(200);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join("\n")).toContain("[redacted]");
    expect(logs.join("\n")).not.toContain(TOKEN);
    expect(logs.join("\n")).not.toContain(TOKEN.split(":")[1]);
  });
});
