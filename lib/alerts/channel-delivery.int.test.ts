import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { latestDeliveries, listChannels, updateChannel } from "@/db/queries/notification-channels";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { alertDeliveries, alerts, notificationChannels } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { withTestCredentialsKey } from "@/lib/connectors/http/test-support";
import { addChannel, ChannelInputError, replaceChannelUrl, rotateSigningSecret } from "./channels/manage-channels";
import { raiseAlert } from "./notify";
import { sendTestNotification } from "./send-test";

withTestCredentialsKey();

/**
 * A receiver as the README tells one to write it: recompute HMAC-SHA256 over
 * `${timestamp}.${raw body}` with the channel's secret, compare in constant time, and refuse
 * a timestamp more than five minutes from its own clock. Written here from the README, not
 * with lib/alerts' own verifier, so the test checks the documented scheme.
 */
function verifyAsReceiver(secret: string, req: http.IncomingMessage, raw: string): string | null {
  const timestamp = req.headers["x-venuefolio-timestamp"];
  const signature = req.headers["x-venuefolio-signature"];
  if (typeof timestamp !== "string" || typeof signature !== "string") return "missing headers";
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return "stale";
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${raw}`).digest("hex")}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b) ? null : "bad signature";
}

async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  raw: string;
  verdict: string | null;
}

let h: DbHandle;
let ownerId: string;
let server: http.Server;
let base: string;
let secretForVerifying = "";
let answer = 200;
const received: Received[] = [];

const failure = (subject: string, at: string) => ({
  ownerId,
  kind: "sync_failure" as const,
  subject,
  severity: "warning" as const,
  title: "Sync failed: Binance main",
  message: "binance GET /api/v3/account: 401 invalid key",
  at: new Date(at),
});

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const verdict = req.url?.startsWith("/signed") ? verifyAsReceiver(secretForVerifying, req, raw) : null;
      received.push({ path: req.url ?? "", headers: req.headers, raw, verdict });
      if (req.url === "/redirect") res.writeHead(302, { location: "http://127.0.0.1:1/elsewhere" }).end();
      else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end(), 7_000);
      else res.writeHead(verdict ? 401 : answer).end("receiver's own text, never shown");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await h?.close();
});
beforeEach(async () => {
  received.length = 0;
  answer = 200;
  await h.db.delete(alertDeliveries);
  await h.db.delete(notificationChannels);
});

describe("notification channels", () => {
  it("A webhook channel delivers a signed alert that a fake receiver verifies", async () => {
    const { channel, signingSecret } = await addChannel(h.db, {
      ownerId,
      createdBy: null,
      kind: "webhook",
      name: "Ops receiver",
      url: `${base}/signed/hook`,
      alertKinds: ["sync_failure", "needs_attention"],
    });
    expect(signingSecret).toMatch(/^vfsec_/);
    secretForVerifying = signingSecret!;

    const r = await raiseAlert(h.db, failure("conn-signed", "2026-11-20T10:00:00Z"));
    expect(r).toMatchObject({ isNew: true, delivered: true });
    expect(received).toHaveLength(1);
    const [hit] = received;
    expect(hit!.verdict).toBeNull();
    expect(hit!.headers["x-venuefolio-event"]).toBe("alert");
    expect(hit!.headers["x-venuefolio-delivery"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(hit!.raw)).toMatchObject({ type: "venuefolio.alert", workspaceId: ownerId, kind: "sync_failure", subject: "conn-signed" });

    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, r.alert.id));
    expect(row).toMatchObject({ notifyStatus: "delivered", deliveredAt: new Date("2026-11-20T10:00:00Z") });
    expect((await latestDeliveries(h.db, { ownerId })).get(channel.id)).toMatchObject({ ok: true, httpStatus: 200, error: null, alertId: r.alert.id });

    // The same secret, rotated: the receiver still holding the old one refuses the next delivery.
    await rotateSigningSecret(h.db, { ownerId, channelId: channel.id, at: new Date() });
    const again = await raiseAlert(h.db, failure("conn-signed-2", "2026-11-20T10:05:00Z"));
    expect(again.delivered).toBe(false);
    expect(received[1]!.verdict).toBe("bad signature");
    expect((await latestDeliveries(h.db, { ownerId })).get(channel.id)).toMatchObject({ ok: false, httpStatus: 401, error: "receiver answered 401" });
  });

  it("a Slack channel gets {text}; only channels taking the alert's kind, and only enabled ones, are sent to", async () => {
    const slack = await addChannel(h.db, { ownerId, createdBy: null, kind: "slack", name: "Slack #ops", url: `${base}/slack/T000/B000/abcd1234`, alertKinds: ["sync_failure"] });
    expect(slack.signingSecret).toBeNull();
    expect(slack.channel.target).toBe(`${base}/…1234`);
    await addChannel(h.db, { ownerId, createdBy: null, kind: "webhook", name: "Risk only", url: `${base}/risk`, alertKinds: ["concentration"] });
    const off = await addChannel(h.db, { ownerId, createdBy: null, kind: "webhook", name: "Off", url: `${base}/off`, alertKinds: ["sync_failure"] });
    await updateChannel(h.db, { ownerId, channelId: off.channel.id, enabled: false });

    await raiseAlert(h.db, failure("conn-slack", "2026-11-20T11:00:00Z"));
    expect(received.map((r) => r.path)).toEqual(["/slack/T000/B000/abcd1234"]);
    expect(JSON.parse(received[0]!.raw)).toEqual({ text: "[WARNING] Sync failed: Binance main: binance GET /api/v3/account: 401 invalid key" });
    expect(received[0]!.headers["x-venuefolio-signature"]).toBeUndefined();
  });

  it("the environment's webhook is a default channel beside the workspace's: both get the alert, each attempt recorded", async () => {
    await addChannel(h.db, { ownerId, createdBy: null, kind: "slack", name: "Slack", url: `${base}/slack/x`, alertKinds: ["sync_failure"] });
    const r = await raiseAlert(h.db, failure("conn-env", "2026-11-20T12:00:00Z"), { url: `${base}/env`, format: "json" });
    expect(r.delivered).toBe(true);
    expect(received.map((x) => x.path).sort()).toEqual(["/env", "/slack/x"]);
    expect((await latestDeliveries(h.db, { ownerId })).get("")).toMatchObject({ ok: true, httpStatus: 200 });
  });

  it("a failing, redirecting or silent receiver is a recorded failure that never throws nor shows the address", async () => {
    answer = 500;
    const down = await addChannel(h.db, { ownerId, createdBy: null, kind: "slack", name: "Down", url: `${base}/slack/SECRETPATHTOKEN`, alertKinds: ["sync_failure"] });
    const moved = await addChannel(h.db, { ownerId, createdBy: null, kind: "webhook", name: "Moved", url: `${base}/redirect`, alertKinds: ["sync_failure"] });
    const r = await raiseAlert(h.db, failure("conn-down", "2026-11-20T13:00:00Z"));
    expect(r.delivered).toBe(false);
    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, r.alert.id));
    expect(row).toMatchObject({ notifyStatus: "failed", deliveredAt: null });
    const last = await latestDeliveries(h.db, { ownerId });
    expect(last.get(down.channel.id)).toMatchObject({ ok: false, httpStatus: 500, error: "receiver answered 500" });
    expect(last.get(moved.channel.id)).toMatchObject({ ok: false, httpStatus: 302, error: "receiver answered 302; redirects are not followed" });
    expect(received.filter((x) => x.path === "/elsewhere")).toHaveLength(0);

    // Nobody listens on a port just freed: the error names the cause, never the token in the path.
    await replaceChannelUrl(h.db, { ownerId, channelId: down.channel.id, url: `http://127.0.0.1:${await closedPort()}/slack/SECRETPATHTOKEN`, at: new Date() });
    const test = await sendTestNotification(h.db, { ownerId, workspaceName: "Personal", target: { channelId: down.channel.id }, envWebhook: undefined });
    expect(test).toMatchObject({ ok: false, httpStatus: null });
    expect(test.error).toMatch(/ECONNREFUSED/);
    expect(JSON.stringify(await h.db.select().from(alertDeliveries))).not.toContain("SECRETPATHTOKEN");
    expect(JSON.stringify(await listChannels(h.db, { ownerId }))).not.toContain("SECRETPATHTOKEN");
  });

  it("a receiver that does not answer in time is cut off at the timeout, and the others are not held by it", async () => {
    const { channel } = await addChannel(h.db, { ownerId, createdBy: null, kind: "webhook", name: "Slow", url: `${base}/slow`, alertKinds: ["sync_failure"] });
    const t0 = performance.now();
    const r = await raiseAlert(h.db, failure("conn-slow", "2026-11-20T14:00:00Z"), { url: `${base}/fast`, format: "json", timeoutMs: 1_000 });
    expect(performance.now() - t0).toBeLessThan(6_500);
    expect(r.delivered).toBe(true);
    const [row] = await h.db.select().from(alerts).where(eq(alerts.id, r.alert.id));
    expect(row!.notifyStatus).toBe("partial");
    const slow = (await latestDeliveries(h.db, { ownerId })).get(channel.id);
    expect(slow).toMatchObject({ ok: false, httpStatus: null, error: "no answer within 5 s" });
  }, 15_000);

  it("Send test posts a signed test message, even to a disabled channel, and records it as the last delivery", async () => {
    const { channel, signingSecret } = await addChannel(h.db, { ownerId, createdBy: null, kind: "webhook", name: "T", url: `${base}/signed/test`, alertKinds: [] });
    secretForVerifying = signingSecret!;
    await updateChannel(h.db, { ownerId, channelId: channel.id, enabled: false });
    const r = await sendTestNotification(h.db, { ownerId, workspaceName: "Personal", target: { channelId: channel.id }, envWebhook: undefined });
    expect(r).toMatchObject({ ok: true, httpStatus: 200, error: null });
    expect(received[0]!.verdict).toBeNull();
    expect(received[0]!.headers["x-venuefolio-event"]).toBe("test");
    expect(JSON.parse(received[0]!.raw)).toMatchObject({ type: "venuefolio.test", workspaceId: ownerId });
    expect((await latestDeliveries(h.db, { ownerId })).get(channel.id)).toMatchObject({ ok: true, alertId: null });
  });

  it("refuses an address that is not https (http only to localhost), naming the field", async () => {
    await expect(addChannel(h.db, { ownerId, createdBy: null, kind: "slack", name: "x", url: "http://hooks.example.com/x", alertKinds: [] })).rejects.toThrow(
      new ChannelInputError("Slack webhook URL: must use https:// (plain http is allowed only to localhost)"),
    );
    const { channel } = await addChannel(h.db, { ownerId, createdBy: null, kind: "slack", name: "x", url: `${base}/slack/y`, alertKinds: [] });
    await expect(rotateSigningSecret(h.db, { ownerId, channelId: channel.id, at: new Date() })).rejects.toThrow(ChannelInputError);
  });
});
