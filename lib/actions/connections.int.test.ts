// The connection actions as the browser calls them, signed in with real sessions, against
// the fake Binance reached the way `next start` reaches it under Playwright
// (VENUE_BASE_URL_BINANCE): a trading key refused with its reason, a read-only key tested,
// saved and synced, then rejected by the venue (needs attention, with the venue's words,
// and an alert), rotated back, paused, resumed, re-scheduled and deleted.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { listAlerts } from "@/db/queries/alerts";
import { connections, fills, portfolioSnapshots } from "@/db/schema";
import { BINANCE_EXAMPLE_CREDENTIALS, binanceFixture, FakeBinance } from "@/lib/connectors/binance/fake-binance";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { loadConnectionDetail } from "@/lib/read-models/connection-detail";
import { loadConnectionRows } from "@/lib/read-models/connection-list";
import { addConnection, testNewConnection } from "./connection-add";
import { rotateConnectionCredentials } from "./connection-credentials";
import { deleteConnection } from "./connection-delete";
import { pauseConnection, resumeConnection, setSyncInterval } from "./connection-schedule";
import { resync } from "./resync";

vi.hoisted(() => {
  process.env.CREDENTIALS_KEY = Buffer.alloc(32, 9).toString("base64");
});
let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
const background: Promise<unknown>[] = [];
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (p: Promise<unknown>) => void background.push(p),
}));

let w: AccessWorld;
let fake: FakeBinance;
let connectionId = "";

beforeAll(async () => {
  w = await openAccessWorld();
  fake = await FakeBinance.start();
  process.env.VENUE_BASE_URL_BINANCE = fake.origin;
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await fake?.close();
  await w?.handle.close();
  delete process.env.VENUE_BASE_URL_BINANCE;
  delete process.env.CREDENTIALS_KEY;
});

const binance = (credentials: Record<string, string> = { ...BINANCE_EXAMPLE_CREDENTIALS }) => ({
  provider: "binance" as const,
  label: "Binance main",
  settings: { environment: "live" },
  credentials,
});
const rows = () => loadConnectionRows(w.handle.db, { ownerId: w.personal.id, now: new Date() });
const row = async () => (await rows()).find((r) => r.id === connectionId)!;
const settle = async () => {
  await Promise.all(background.splice(0));
  await waitForOpenBatches(w);
};
const ownConnections = () => w.handle.db.select().from(connections).where(eq(connections.ownerId, w.personal.id));

describe("adding a Binance connection from the browser", () => {
  it("refuses a key that can trade, saying why, and saves nothing", async () => {
    currentCookie = w.cookie.admin;
    fake.state.apiRestrictions = binanceFixture("api-restrictions-trading.json") as Record<string, unknown>;
    const before = (await ownConnections()).length;
    const tested = await testNewConnection(binance());
    const saved = await addConnection(binance());
    fake.state.apiRestrictions = binanceFixture("api-restrictions-read-only.json") as Record<string, unknown>;
    expect(tested.data).toMatchObject({ ok: false, kind: "permission" });
    const message = (tested.data as { message: string }).message;
    expect(message).toContain("This API key can trade and withdraw or transfer funds (spot_margin_trade, futures_trade, withdraw)");
    expect(message).toContain("tick only “Enable Reading”");
    expect(saved.data).toEqual(tested.data);
    expect(await ownConnections()).toHaveLength(before);
    // Nothing the browser gets back holds a credential.
    expect(JSON.stringify([tested, saved])).not.toContain(BINANCE_EXAMPLE_CREDENTIALS.secret);
  });

  it("a bad field is refused by the shared schema before any call, named, with nothing echoed", async () => {
    const calls = fake.requests.length;
    const res = await testNewConnection({ ...binance({ apiKey: "k", secret: "" }) });
    expect(res.validationErrors).toBeDefined();
    expect(JSON.stringify(res.validationErrors)).toContain("secret");
    const forged = await testNewConnection({ ...binance(), settings: { environment: "live", baseUrl: "http://169.254.169.254" } } as never);
    expect(forged.validationErrors).toBeDefined();
    expect(fake.requests.length).toBe(calls);
  });

  it("tests a read-only key: its accounts, permissions and what it holds", async () => {
    const res = await testNewConnection(binance());
    expect(res.data).toMatchObject({ ok: true, permissions: ["read"], previewError: null });
    const ok = res.data as { accounts: Array<{ name: string }>; found: { balances: number; positions: number } };
    expect(ok.accounts.map((a) => a.name)).toContain("Binance Spot");
    expect(ok.found.balances).toBeGreaterThan(0);
    expect(ok.found.positions).toBeGreaterThan(0);
  });

  it("saves it, starts the first sync, which then lists its accounts, with API use counted", async () => {
    const res = await addConnection(binance());
    expect(res.data).toMatchObject({ ok: true, label: "Binance main", firstSync: { mode: "inline", batchId: expect.any(String) } });
    connectionId = (res.data as { id: string }).id;
    await settle();
    const r = await row();
    expect(r).toMatchObject({ provider: "binance", providerName: "Binance", state: "healthy", reason: null, schedule: "Every 5 min" });
    expect(r.accounts).toBeGreaterThan(0);
    expect(r.apiCalls24h).toBeGreaterThan(0);
    expect(r.peakWeight24h).toMatchObject({ limit: expect.any(Number) });
    const detail = await loadConnectionDetail(w.handle.db, { ownerId: w.personal.id, connectionId, now: new Date() });
    expect(detail.accounts.map((a) => a.name)).toContain("Binance Spot");
    expect(detail.accounts.some((a) => a.balances.length > 0)).toBe(true);
    // One snapshot read from the venue; its past, reconstructed right after the first sync
    // from the fills it read and the fake's daily candles, sits before it, marked.
    expect(detail.snapshots.filter((s) => !s.reconstructed)).toHaveLength(1);
    const [observed] = detail.snapshots.filter((s) => !s.reconstructed);
    const rebuilt = detail.snapshots.filter((s) => s.reconstructed);
    expect(rebuilt.length).toBeGreaterThan(0);
    expect(rebuilt.every((s) => s.capturedAt < observed!.capturedAt)).toBe(true);
    expect(detail.settings).toEqual([
      { label: "Environment", value: "Live" },
      { label: "Allow a key that can trade or withdraw", value: "No" },
      { label: "History to read on the first sync (days)", value: "7" },
    ]);
    // A first sync reads 7 days of history in Binance's 24 h windows, through ccxt's own throttle.
  }, 120_000);
});

describe("when the venue later rejects the key", () => {
  it("a Resync puts the connection in needs attention with the venue's message, and an alert appears", async () => {
    currentCookie = w.cookie.member;
    const refusal = JSON.stringify({ code: -2015, msg: "Invalid API-key, IP, or permissions for action." });
    fake.injectFault({ kind: "status", status: 401, body: refusal }, {}, 1000);
    expect((await resync({ connectionId })).data).toMatchObject({ ok: true, mode: "inline" });
    await settle();
    fake.clearFaults();
    const r = await row();
    expect(r.state).toBe("needs_attention");
    expect(r.reason).toContain("Invalid API-key, IP, or permissions for action.");
    expect(r.nextRunAt).toBeNull();
    const alerts = (await listAlerts(w.handle.db, { ownerId: w.personal.id })).filter((a) => a.subject === connectionId);
    expect(alerts.find((a) => a.kind === "needs_attention")).toMatchObject({ severity: "critical", title: "Binance main needs attention" });
    expect(alerts.find((a) => a.kind === "needs_attention")!.message).toContain("Invalid API-key");
  }, 60_000);

  it("a rotation to a key the venue refuses keeps the old credentials; the right key swaps in and clears the flag", async () => {
    currentCookie = w.cookie.admin;
    const [before] = await w.handle.db.select().from(connections).where(eq(connections.id, connectionId));
    const wrong = await rotateConnectionCredentials({ connectionId, credentials: { apiKey: "another-key", secret: "another-secret" } });
    expect(wrong.data).toMatchObject({ ok: false, kind: "auth" });
    const missing = await rotateConnectionCredentials({ connectionId, credentials: { apiKey: "k" } });
    expect(missing.data).toMatchObject({ ok: false, field: "secret" });
    const [kept] = await w.handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(kept!.credentialsEncrypted).toBe(before!.credentialsEncrypted);

    const right = await rotateConnectionCredentials({ connectionId, credentials: { ...BINANCE_EXAMPLE_CREDENTIALS } });
    expect(right.data).toMatchObject({ ok: true });
    const [after] = await w.handle.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(after!.credentialsEncrypted).not.toBe(before!.credentialsEncrypted);
    expect(after).toMatchObject({ status: "active", statusSetByPolicyAt: null });
  });
});

describe("running it", () => {
  it("pause and resume: paused by a person, no next run; back on the schedule", async () => {
    expect((await pauseConnection({ connectionId })).data).toEqual({ ok: true });
    expect(await row()).toMatchObject({ state: "paused", reason: "Paused by a person: background syncs are off", nextRunAt: null });
    expect((await resumeConnection({ connectionId })).data).toEqual({ ok: true });
    expect((await row()).nextRunAt).not.toBeNull();
  });

  it("the interval within Binance's 1–5 minutes", async () => {
    expect((await setSyncInterval({ connectionId, seconds: 30 })).data).toEqual({ ok: false, field: "seconds", message: "Choose between 1 min and 5 min" });
    expect((await setSyncInterval({ connectionId, seconds: 60 })).data).toEqual({ ok: true, seconds: 60 });
    expect((await row()).schedule).toBe("Every 1 min");
  });

  it("a viewer is refused every change (403), and nothing changes", async () => {
    currentCookie = w.cookie.viewer;
    const refused = { status: 403, message: "This needs the admin role or higher; your role in Personal is viewer" };
    expect((await pauseConnection({ connectionId })).serverError).toEqual(refused);
    expect((await deleteConnection({ connectionId, confirmLabel: "Binance main" })).serverError).toEqual(refused);
    expect((await rotateConnectionCredentials({ connectionId, credentials: { apiKey: "a", secret: "b" } })).serverError).toEqual(refused);
    expect((await row()).state).not.toBe("paused");
  });

  it("delete, confirmed by the label: gone from the list, its history kept", async () => {
    currentCookie = w.cookie.admin;
    const history = async () => ({
      fills: (await w.handle.db.select().from(fills).where(eq(fills.ownerId, w.personal.id))).length,
      snapshots: (await w.handle.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId))).length,
    });
    const kept = await history();
    expect((await deleteConnection({ connectionId, confirmLabel: "Binance" })).data).toMatchObject({ ok: false, field: "confirmLabel" });
    expect((await deleteConnection({ connectionId, confirmLabel: "Binance main" })).data).toEqual({ ok: true, label: "Binance main", cancelledRuns: 0 });
    expect((await rows()).map((r) => r.id)).not.toContain(connectionId);
    expect(await history()).toEqual(kept);
    await expect(loadConnectionDetail(w.handle.db, { ownerId: w.personal.id, connectionId, now: new Date() })).rejects.toThrow("connection not found");
    expect((await pauseConnection({ connectionId })).serverError).toEqual({ status: 404, message: "connection not found" });
  });
});
