// What the sync, alert and channel actions do for someone allowed to use them, through the
// real action client (session cookie, role, workspace scope). Their refusals (401, 403,
// 404) are in lib/access/entry-points.int.test.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listActiveMutes } from "@/db/queries/alert-mutes";
import { getAlertThresholds } from "@/db/queries/alert-thresholds";
import { listChannels } from "@/db/queries/notification-channels";
import { alerts, notificationChannels, syncBatches } from "@/db/schema";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { verifySignature } from "@/lib/alerts/channels/signature";
import { withTestCredentialsKey } from "@/lib/connectors/http/test-support";
import { acknowledgeAlert, checkRisksNow, muteAlerts, saveRiskThresholds, unacknowledgeAlert, unmuteAlerts } from "./alerts";
import { createChannel, deleteChannel, replaceChannelAddress, rotateChannelSecret, sendChannelTest, updateChannel } from "./channels";
import { retrySync } from "./syncs";

withTestCredentialsKey();

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
let server: http.Server;
let base: string;
const received: Array<{ headers: http.IncomingHttpHeaders; raw: string }> = [];

beforeAll(async () => {
  w = await openAccessWorld();
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, raw });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await new Promise((r) => server.close(r));
  await w?.handle.close();
});

describe("retrySync", () => {
  it("starts a new sync of the failed run's connection, answered with its batch id", async () => {
    currentCookie = w.cookie.member;
    const answer = await retrySync({ batchId: w.personal.failedBatchId });
    expect(answer.data).toMatchObject({ ok: true, mode: "inline", connections: 1, batchIds: [expect.any(String)] });
    const newId = answer.data?.ok ? answer.data.batchIds[0]! : "";
    expect(newId).not.toBe(w.personal.failedBatchId);
    const [row] = await w.handle.db.select().from(syncBatches).where(eq(syncBatches.id, newId));
    expect(row).toMatchObject({ connectionId: w.personal.connectionId, trigger: "manual" });
    await waitForOpenBatches(w);
  });

  it("refuses a run that did not fail (409, saying why)", async () => {
    currentCookie = w.cookie.member;
    const [ok] = await w.handle.db.select().from(syncBatches).where(eq(syncBatches.status, "succeeded"));
    const answer = await retrySync({ batchId: ok!.id });
    expect(answer.serverError).toEqual({ status: 409, message: "Only a failed run can be retried; this one is succeeded" });
  });
});

describe("alert actions", () => {
  it("acknowledge, then take it back", async () => {
    currentCookie = w.cookie.member;
    const acked = await acknowledgeAlert({ alertId: w.personal.alertId });
    expect(acked.data).toMatchObject({ alertId: w.personal.alertId, acknowledgedAt: expect.any(String) });
    expect((await unacknowledgeAlert({ alertId: w.personal.alertId })).data).toEqual({ alertId: w.personal.alertId });
    const [row] = await w.handle.db.select().from(alerts).where(eq(alerts.id, w.personal.alertId));
    expect(row!.acknowledgedAt).toBeNull();
  });

  it("mutes a rule for a preset or a custom period and lists it; a bad custom end is refused naming the field; unmute ends it", async () => {
    currentCookie = w.cookie.member;
    const hour = await muteAlerts({ kind: "sync_failure", connectionId: w.personal.connectionId, period: "1h" });
    expect(new Date(hour.data!.until).getTime() - Date.now()).toBeGreaterThan(3_590_000);
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const custom = await muteAlerts({ kind: "snapshot_gap", connectionId: null, period: "custom", until });
    expect(custom.data!.until).toBe(until);

    const past = await muteAlerts({ kind: "snapshot_gap", connectionId: null, period: "custom", until: "2020-01-01T00:00:00Z" });
    expect(past.validationErrors).toMatchObject({ until: { _errors: ["End: must be in the future"] } });
    const wrongKind = await muteAlerts({ kind: "drawdown", connectionId: w.personal.connectionId, period: "1d" });
    expect(JSON.stringify(wrongKind.validationErrors)).toContain("Connection: only sync failures");

    const active = await listActiveMutes(w.handle.db, { ownerId: w.personal.id, at: new Date() });
    expect(active.map((m) => m.mute.kind).sort()).toEqual(["drawdown", "snapshot_gap", "sync_failure"]);
    expect((await unmuteAlerts({ muteId: hour.data!.muteId })).data).toEqual({ muteId: hour.data!.muteId });
    expect(await listActiveMutes(w.handle.db, { ownerId: w.personal.id, at: new Date() })).toHaveLength(2);
  });

  it("an admin sets the risk limits as percentages; a member runs the checks now", async () => {
    currentCookie = w.cookie.admin;
    expect((await saveRiskThresholds({ concentrationPct: "12.5", drawdownPct: "20" })).data).toEqual({ concentration: "0.125", drawdown: "0.2" });
    expect(await getAlertThresholds(w.handle.db, { ownerId: w.personal.id })).toMatchObject({ concentration: "0.125", drawdown: "0.2" });
    const bad = await saveRiskThresholds({ concentrationPct: "150", drawdownPct: "x" });
    expect(JSON.stringify(bad.validationErrors)).toContain("Concentration limit: more than 0 and at most 100");
    expect(JSON.stringify(bad.validationErrors)).toContain("Drawdown limit: a percentage such as 50 or 12.5");

    // The demo portfolio synced by the retry above holds more than 12.5 % in some asset.
    currentCookie = w.cookie.member;
    const checked = await checkRisksNow({});
    expect(checked.data!.raised).toBeGreaterThan(0);
    const raised = await w.handle.db.select().from(alerts).where(eq(alerts.kind, "concentration"));
    expect(raised.filter((a) => a.ownerId === w.personal.id).length).toBe(checked.data!.raised);
  });
});

describe("channel actions", () => {
  it("creates a webhook channel whose secret is answered once and stored only sealed; Send test reaches a receiver that verifies it", async () => {
    currentCookie = w.cookie.admin;
    const created = await createChannel({ kind: "webhook", name: "Receiver", url: `${base}/hook`, alertKinds: ["sync_failure", "drawdown"] });
    const secret = created.data!.signingSecret!;
    expect(secret).toMatch(/^vfsec_/);
    expect(created.data!.channel).toMatchObject({ kind: "webhook", name: "Receiver", target: `${base}/…hook`, enabled: true });
    const [stored] = await w.handle.db.select().from(notificationChannels).where(eq(notificationChannels.id, created.data!.channel.id));
    expect(stored!.secretsSealed).not.toContain(secret);
    expect(JSON.stringify(await listChannels(w.handle.db, { ownerId: w.personal.id }))).not.toContain(secret);

    const test = await sendChannelTest({ channelId: created.data!.channel.id });
    expect(test.data).toMatchObject({ ok: true, httpStatus: 204, error: null });
    const hit = received.at(-1)!;
    expect(
      verifySignature({
        secret,
        body: hit.raw,
        timestamp: hit.headers["x-venuefolio-timestamp"] as string,
        signature: hit.headers["x-venuefolio-signature"] as string,
        now: new Date(),
      }),
    ).toEqual({ ok: true });

    const rotated = await rotateChannelSecret({ channelId: created.data!.channel.id });
    expect(rotated.data!.signingSecret).not.toBe(secret);
  });

  it("refuses a plain-http address to another host, naming the field, and keeps nothing", async () => {
    currentCookie = w.cookie.admin;
    const before = (await listChannels(w.handle.db, { ownerId: w.personal.id })).length;
    const refused = await createChannel({ kind: "slack", name: "Slack", url: "http://hooks.example.com/x", alertKinds: ["sync_failure"] });
    expect(JSON.stringify(refused.validationErrors)).toContain("URL: must use https:// (plain http is allowed only to localhost)");
    expect(await listChannels(w.handle.db, { ownerId: w.personal.id })).toHaveLength(before);
  });

  it("updates, re-points, refuses rotating a Slack channel's secret (409), and deletes", async () => {
    currentCookie = w.cookie.admin;
    const slack = await createChannel({ kind: "slack", name: "Slack", url: `${base}/slack/AAAA`, alertKinds: ["sync_failure"] });
    const id = slack.data!.channel.id;
    expect((await updateChannel({ channelId: id, name: "Slack #ops", alertKinds: ["needs_attention"], enabled: false })).data).toMatchObject({
      name: "Slack #ops",
      alertKinds: ["needs_attention"],
      enabled: false,
    });
    expect((await replaceChannelAddress({ channelId: id, url: `${base}/slack/BBBB` })).data).toMatchObject({ target: `${base}/…BBBB` });
    expect((await rotateChannelSecret({ channelId: id })).serverError).toEqual({ status: 409, message: "A Slack channel has no signing secret: replace its URL instead" });
    expect((await deleteChannel({ channelId: id })).data).toEqual({ channelId: id });
    expect((await listChannels(w.handle.db, { ownerId: w.personal.id })).some((c) => c.id === id)).toBe(false);
  });

  it("Send test to the environment's webhook is 'not found' when none is configured", async () => {
    currentCookie = w.cookie.admin;
    expect((await sendChannelTest({ channelId: "environment" })).serverError).toEqual({ status: 404, message: "channel not found" });
  });
});
