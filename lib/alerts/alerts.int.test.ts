import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { acknowledgeAlert, listAlerts, resolveAlerts } from "@/db/queries/alerts";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { deliverAlert, raiseAlert, type WebhookConfig } from "./notify";

let h: DbHandle;
let ownerId: string;
let server: http.Server;
let url: string;
const received: Array<{ path: string; body: unknown }> = [];
let status = 200;

const failure = (at: string, message = "binance GET /api/v3/account: 401 invalid key") => ({
  ownerId,
  kind: "sync_failure" as const,
  subject: "conn-1",
  severity: "warning" as const,
  title: "Sync failed: Binance main",
  message,
  at: new Date(at),
});

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString()));
    req.on("end", () => {
      received.push({ path: req.url ?? "", body: JSON.parse(data) as unknown });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await h?.close();
});

describe("alerts", () => {
  it("a failure repeating three times is one alert with 3 occurrences, delivered once", async () => {
    const hook: WebhookConfig = { url: `${url}/hook`, format: "json" };
    const first = await raiseAlert(h.db, failure("2026-11-20T10:00:00Z"), hook);
    const second = await raiseAlert(h.db, failure("2026-11-20T10:05:00Z"), hook);
    const third = await raiseAlert(h.db, failure("2026-11-20T10:10:00Z"), hook);
    expect([first.isNew, second.isNew, third.isNew]).toEqual([true, false, false]);
    expect([first.delivered, second.delivered]).toEqual([true, false]);
    const open = await listAlerts(h.db, { ownerId });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ occurrences: 3, lastSeenAt: new Date("2026-11-20T10:10:00Z"), deliveredAt: new Date("2026-11-20T10:00:00Z") });
    expect(received).toHaveLength(1);
    expect(received[0]).toEqual({
      path: "/hook",
      body: expect.objectContaining({ type: "venuefolio.alert", kind: "sync_failure", severity: "warning", occurrences: 1 }),
    });
  });

  it("acknowledging keeps it open and counting; resolving lets the next failure open a new one", async () => {
    const [open] = await listAlerts(h.db, { ownerId });
    const acked = await acknowledgeAlert(h.db, { ownerId, alertId: open!.id, at: new Date("2026-11-20T10:11:00Z") });
    expect(acked.acknowledgedAt).toEqual(new Date("2026-11-20T10:11:00Z"));
    expect((await raiseAlert(h.db, failure("2026-11-20T10:15:00Z"))).isNew).toBe(false);
    expect(await resolveAlerts(h.db, { ownerId, kind: "sync_failure", subject: "conn-1", at: new Date("2026-11-20T10:20:00Z") })).toBe(1);
    expect(await listAlerts(h.db, { ownerId })).toHaveLength(0);
    expect((await raiseAlert(h.db, failure("2026-11-20T11:00:00Z"))).isNew).toBe(true);
    expect(await listAlerts(h.db, { ownerId, includeResolved: true })).toHaveLength(2);
  });

  it("another owner cannot acknowledge it", async () => {
    const stranger = await createWorkspace(h.db, { name: "S", slug: "s" });
    const [open] = await listAlerts(h.db, { ownerId });
    await expect(acknowledgeAlert(h.db, { ownerId: stranger.id, alertId: open!.id, at: new Date() })).rejects.toThrow("alert not found");
  });

  it("Slack and Telegram formats, with secrets redacted from the text", async () => {
    received.length = 0;
    const leaky = { ...failure("2026-11-20T12:00:00Z", "GET /api/v3/account?timestamp=1&signature=deadbeefcafe failed"), subject: "conn-2" };
    await raiseAlert(h.db, leaky, { url: `${url}/slack`, format: "slack" });
    await raiseAlert(h.db, { ...leaky, subject: "conn-3" }, { url: `${url}/bot123:secret/sendMessage`, format: "telegram", telegramChatId: "42" });
    expect(received[0]!.body).toEqual({
      text: "[WARNING] Sync failed: Binance main: GET /api/v3/account?timestamp=1&signature=[redacted] failed",
    });
    expect(received[1]).toMatchObject({ path: "/bot123:secret/sendMessage", body: { chat_id: "42", disable_web_page_preview: true } });
  });

  it("a failing webhook never fails the caller, and its error never shows the URL's token", async () => {
    status = 500;
    const r = await raiseAlert(h.db, { ...failure("2026-11-20T13:00:00Z"), subject: "conn-4" }, { url: `${url}/x`, format: "json" });
    expect(r).toMatchObject({ isNew: true, delivered: false });
    status = 200;
    const token = "http://127.0.0.1:1/bot999:AAsecretTOKENvalue/sendMessage";
    const refused = await raiseAlert(h.db, { ...failure("2026-11-20T13:00:00Z"), subject: "conn-5" }, { url: token, format: "json", timeoutMs: 2000 });
    expect(refused.delivered).toBe(false);
    const [row] = (await listAlerts(h.db, { ownerId })).filter((a) => a.subject === "conn-5");
    expect(row!.deliveredAt).toBeNull();
    const sent = await deliverAlert(row!, { url: token, format: "json", timeoutMs: 2000 });
    expect(sent.ok).toBe(false);
    expect(JSON.stringify(sent)).not.toContain("AAsecretTOKENvalue");
  });
});
