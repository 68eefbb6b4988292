// Every way in is guarded: this test finds every route handler under app/ and every server
// action under lib/actions, and each must be in the table below. A route added without a
// table entry fails here; a route in the table is called with no session (401), across
// workspaces (404) and, where it needs more than a viewer, with too low a role (403); each
// GET route is called the same ways with an API key (Authorization: Bearer) instead.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WorkspaceRole } from "@/db/schema";
import { mintApiKey, openAccessWorld, type AccessWorld } from "./test-support";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

type World = AccessWorld;
interface RouteCase {
  /** null: public on purpose (the reason is the value of `why`). */
  role: WorkspaceRole | null;
  /** The method the role checks use (GET by default) and its JSON body. */
  method?: "POST";
  body?: (w: World) => unknown;
  why?: string;
  /** URL path params for a resource of the other workspace (404) and of the viewer's own (200). */
  params?: (w: World) => { mine: Record<string, string>; theirs: Record<string, string> };
  /** Another method of the same file that needs its own role, with a body naming each workspace's resource. */
  also?: { method: "POST"; role: WorkspaceRole; ok: number; body: (w: World) => { mine: unknown; theirs: unknown } };
  /** A query string the route needs to answer 200 (its required input). */
  query?: string;
  /** Path params naming no workspace's resource (an export's dataset) and the query the 200 needs. */
  fixed?: { params: Record<string, string>; query: string };
}

const ROUTES: Record<string, RouteCase> = {
  "api/health/route.ts": { role: null, why: "liveness for load balancers; says only whether the database is open" },
  "api/auth/[...all]/route.ts": { role: null, why: "better-auth's own sign-in/up routes, each checked by better-auth" },
  "api/inngest/route.ts": { role: null, why: "Inngest's endpoint, authenticated by Inngest's signing key" },
  "api/telegram/route.ts": {
    role: null,
    why: "Telegram's webhook, authenticated by X-Telegram-Bot-Api-Secret-Token against TELEGRAM_WEBHOOK_SECRET (401 otherwise; lib/telegram/bot.int.test.ts); a chat acts with the role of the person who linked it",
  },
  "api/dashboard/summary/route.ts": { role: "viewer" },
  "api/dashboard/holdings/route.ts": { role: "viewer" },
  "api/dashboard/equity/route.ts": { role: "viewer" },
  "api/dashboard/metrics/route.ts": { role: "viewer" },
  "api/performance/route.ts": { role: "viewer" },
  "api/performance/summary/route.ts": { role: "viewer", query: "?range=30d" },
  // A bad range or benchmark is a 400 naming the field (lib/read-models/performance-series-schemas.test.ts).
  "api/performance/series/route.ts": { role: "viewer", query: "?from=2026-11-01&to=2026-11-30&benchmark=BTC" },
  "api/exposure/route.ts": { role: "viewer" },
  // Another workspace's department in ?department= is a 404 too (lib/read-models/fund-data.int.test.ts).
  "api/funds/route.ts": { role: "viewer" },
  "api/funds/[id]/route.ts": {
    role: "viewer",
    params: (w) => ({ mine: { id: w.personal.fundId }, theirs: { id: w.other.fundId } }),
  },
  // Another workspace's connection in ?connection= is a 404 too (lib/read-models/strategy-data.int.test.ts).
  "api/strategies/route.ts": { role: "viewer" },
  // Another workspace's connection in ?portfolio=connection:<id> is a 404 too (lib/rebalance/rebalance.int.test.ts).
  "api/rebalance/route.ts": { role: "viewer" },
  "api/rebalance/plan.csv/route.ts": { role: "viewer" },
  "api/connections/route.ts": { role: "viewer" },
  "api/connections/table/route.ts": { role: "viewer" },
  "api/connections/[id]/route.ts": {
    role: "viewer",
    params: (w) => ({ mine: { id: w.personal.connectionId }, theirs: { id: w.other.connectionId } }),
  },
  "api/sync/route.ts": { role: "member", method: "POST", body: (w) => ({ connectionId: w.personal.connectionId }) },
  "api/sync/batches/[id]/route.ts": {
    role: "viewer",
    params: (w) => ({ mine: { id: w.personal.batchId }, theirs: { id: w.other.batchId } }),
  },
  "api/syncs/route.ts": { role: "viewer" },
  "api/alerts/route.ts": { role: "viewer" },
  "api/cash-flows/route.ts": { role: "viewer" },
  "api/cash-flows/transfers/route.ts": { role: "viewer" },
  "api/orders/route.ts": { role: "viewer" },
  "api/fills/route.ts": { role: "viewer" },
  // Names a symbol, not a resource: another workspace's events of it are simply not listed (lib/read-models/quantity-change-data.int.test.ts).
  "api/orders/quantity-changes/route.ts": { role: "viewer", query: "?symbol=BTC%2FUSDT" },
  "api/orders/[id]/route.ts": {
    role: "viewer",
    params: (w) => ({ mine: { id: w.personal.orderId }, theirs: { id: w.other.orderId } }),
  },
  // The dataset names no workspace's resource: a workspace only ever exports its own rows (lib/exports/exports.int.test.ts).
  "api/exports/[dataset]/route.ts": { role: "viewer", fixed: { params: { dataset: "orders" }, query: "?from=2026-11-01&to=2026-11-30" } },
  "api/sync/raw-responses/[id]/route.ts": {
    role: "admin",
    params: (w) => ({ mine: { id: w.personal.rawResponseId }, theirs: { id: w.other.rawResponseId } }),
  },
  // The versioned JSON API (lib/api-v1): the same guard, its own error shape (see refusal below).
  "api/v1/openapi.json/route.ts": { role: null, why: "the OpenAPI document: describes the API, holds no data" },
  "api/v1/workspaces/route.ts": { role: "viewer" },
  "api/v1/connections/route.ts": { role: "viewer" },
  "api/v1/connections/[id]/route.ts": {
    role: "viewer",
    params: (w) => ({ mine: { id: w.personal.connectionId }, theirs: { id: w.other.connectionId } }),
  },
  "api/v1/holdings/route.ts": { role: "viewer" },
  "api/v1/positions/route.ts": { role: "viewer" },
  "api/v1/orders/route.ts": { role: "viewer" },
  "api/v1/orders/[id]/route.ts": {
    role: "viewer",
    params: (w) => ({ mine: { id: w.personal.orderId }, theirs: { id: w.other.orderId } }),
  },
  "api/v1/fills/route.ts": { role: "viewer" },
  // Names a symbol, not a resource: another workspace's events of it are simply not listed.
  "api/v1/quantity-changes/route.ts": { role: "viewer", query: "?symbol=BTC%2FUSDT" },
  "api/v1/snapshots/route.ts": { role: "viewer" },
  "api/v1/equity/route.ts": { role: "viewer" },
  "api/v1/cash-flows/route.ts": { role: "viewer" },
  "api/v1/summary/route.ts": { role: "viewer" },
  // GET is the viewer's; POST (start a sync) the member's (`also`).
  "api/v1/syncs/route.ts": {
    role: "viewer",
    also: {
      method: "POST",
      role: "member",
      ok: 202,
      body: (w) => ({ mine: { connectionId: w.personal.connectionId }, theirs: { connectionId: w.other.connectionId } }),
    },
  },
};

/** A refusal's body: v1 routes say it as `{ error: { code, message } }`, the app's own routes as `{ error }`. */
const V1_CODES: Record<number, string> = { 401: "unauthorized", 403: "forbidden", 404: "not_found" };
function refusal(file: string, status: 401 | 403 | 404, message: string): unknown {
  return file.startsWith("api/v1/") ? { error: { code: V1_CODES[status], message } } : { error: message };
}

interface ActionCase {
  role: WorkspaceRole;
  /** `theirs`: the same input naming the other workspace's resource (404); absent when the action names none. */
  input: (w: World) => { mine: unknown; theirs?: unknown };
  notFound?: string;
}
/** The same change to our connection and to the other workspace's. */
const target = (w: World, extra: Record<string, unknown> = {}) => ({
  mine: { connectionId: w.personal.connectionId, ...extra },
  theirs: { connectionId: w.other.connectionId, ...extra },
});
const newDemo = { provider: "demo", label: "Another demo", settings: { seed: "forged" }, credentials: {} };
const ACTIONS: Record<string, ActionCase> = {
  "resync.ts#resync": {
    role: "member",
    input: (w) => ({ mine: { connectionId: w.personal.connectionId }, theirs: { connectionId: w.other.connectionId } }),
    notFound: "connection not found",
  },
  "connection-add.ts#testNewConnection": { role: "admin", input: () => ({ mine: newDemo }) },
  "connection-add.ts#addConnection": { role: "admin", input: () => ({ mine: newDemo }) },
  "reconstruct-history.ts#reconstructConnectionHistory": { role: "member", input: (w) => target(w), notFound: "connection not found" },
  "connection-schedule.ts#pauseConnection": { role: "admin", input: (w) => target(w), notFound: "connection not found" },
  "connection-schedule.ts#resumeConnection": { role: "admin", input: (w) => target(w), notFound: "connection not found" },
  "connection-schedule.ts#setSyncInterval": { role: "admin", input: (w) => target(w, { seconds: 120 }), notFound: "connection not found" },
  "connection-credentials.ts#rotateConnectionCredentials": {
    role: "admin",
    input: (w) => target(w, { credentials: { apiKey: "k", secret: "s" } }),
    notFound: "connection not found",
  },
  "connection-credentials.ts#refreshGrowwToken": { role: "admin", input: (w) => target(w, { accessToken: "t" }), notFound: "connection not found" },
  "connection-delete.ts#deleteConnection": {
    role: "admin",
    input: (w) => ({ mine: { connectionId: w.personal.connectionId, confirmLabel: "Demo" }, theirs: { connectionId: w.other.connectionId, confirmLabel: "Other demo" } }),
    notFound: "connection not found",
  },
  "session.ts#switchWorkspace": {
    role: "viewer",
    input: (w) => ({ mine: { workspaceId: w.personal.id }, theirs: { workspaceId: w.other.id } }),
    notFound: "workspace not found",
  },
  "session.ts#signOut": { role: "viewer", input: () => ({ mine: {} }) },
  "members.ts#inviteMember": { role: "admin", input: () => ({ mine: { email: "new-person@example.com", role: "viewer" } }) },
  "api-keys.ts#createApiKey": { role: "admin", input: () => ({ mine: { name: "a script", role: "viewer" } }) },
  "api-keys.ts#revokeApiKey": {
    role: "admin",
    input: () => ({ mine: { keyId: keys.personalRevocable }, theirs: { keyId: keys.otherViewer.id } }),
    notFound: "API key not found",
  },
  // Acts on the active workspace only; that an outsider changes only their own is in lib/actions/workspace-settings.int.test.ts.
  "workspace-settings.ts#updateWorkspaceSettings": { role: "admin", input: () => ({ mine: { baseCurrency: "USD", timeZone: "Europe/London" } }) },
  "members.ts#cancelInvitation": {
    role: "admin",
    input: (w) => ({ mine: { invitationId: w.personal.invitationId }, theirs: { invitationId: w.other.invitationId } }),
    notFound: "invitation not found",
  },
  "member-roles.ts#changeMemberRole": {
    role: "admin",
    input: (w) => ({ mine: { memberId: w.personal.memberIds.viewer, role: "member" }, theirs: { memberId: w.other.memberIds.owner, role: "member" } }),
    notFound: "member not found",
  },
  "member-roles.ts#removeMember": {
    role: "admin",
    input: (w) => ({ mine: { memberId: w.personal.memberIds.viewer }, theirs: { memberId: w.other.memberIds.owner } }),
    notFound: "member not found",
  },
  "member-roles.ts#leaveWorkspace": { role: "viewer", input: () => ({ mine: {} }) },
  "ownership.ts#transferOwnership": {
    role: "owner",
    input: (w) => ({ mine: { memberId: w.personal.memberIds.admin }, theirs: { memberId: w.other.memberIds.owner } }),
    notFound: "member not found",
  },
  "ownership.ts#deleteWorkspace": {
    role: "owner",
    input: (w) => ({ mine: { workspaceId: w.personal.id, confirmName: "Personal" }, theirs: { workspaceId: w.other.id, confirmName: "Outsider's workspace" } }),
    notFound: "workspace not found",
  },
  "profile.ts#updateProfile": { role: "viewer", input: () => ({ mine: { name: "Renamed" } }) },
  // A person links their own chat; another workspace's link is "link not found" (lib/telegram/settings-actions.int.test.ts).
  "telegram.ts#createTelegramLinkCode": { role: "viewer", input: () => ({ mine: {} }) },
  "telegram.ts#unlinkTelegramChat": { role: "viewer", input: () => ({ mine: { linkId: "00000000-0000-4000-8000-000000000000" } }) },
  "telegram.ts#saveTelegramBotToken": { role: "admin", input: () => ({ mine: { token: "123456789:AAEntryPointsTestToken_abcdefghij" } }) },
  "telegram.ts#setTelegramWebhook": { role: "admin", input: () => ({ mine: {} }) },
  "profile.ts#changePassword": {
    role: "viewer",
    input: () => ({ mine: { currentPassword: "correct horse battery", newPassword: "a brand new password", confirmPassword: "a brand new password", revokeOtherSessions: false } }),
  },
  // Names no resource: it reconciles the caller's own workspace only (lib/actions/strategies.int.test.ts).
  "strategies.ts#runReconciliation": { role: "member", input: () => ({ mine: {} }) },
  // A group named by id: another workspace's (here its 1Token fund, which is no manual group either) is a 404 (lib/actions/portfolio-groups.int.test.ts).
  "portfolio-groups.ts#createPortfolioGroup": {
    role: "member",
    input: (w) => ({ mine: { name: "Entry group", accountIds: [w.personal.accountId] }, theirs: { name: "Entry group", accountIds: [w.other.accountId] } }),
    notFound: "account not found",
  },
  "portfolio-groups.ts#updatePortfolioGroup": {
    role: "member",
    input: (w) => ({
      mine: { portfolioId: w.personal.fundId, name: "Renamed", accountIds: [w.personal.accountId] },
      theirs: { portfolioId: w.other.fundId, name: "Renamed", accountIds: [w.other.accountId] },
    }),
    notFound: "portfolio not found",
  },
  "portfolio-groups.ts#deletePortfolioGroup": {
    role: "member",
    input: (w) => ({ mine: { portfolioId: w.personal.fundId }, theirs: { portfolioId: w.other.fundId } }),
    notFound: "portfolio not found",
  },
  "rebalance-targets.ts#saveRebalanceTargets": {
    role: "member",
    input: (w) => ({
      mine: { portfolio: `connection:${w.personal.connectionId}`, targets: [{ asset: "BTC", weight: "100", band: "5" }] },
      theirs: { portfolio: `connection:${w.other.connectionId}`, targets: [{ asset: "BTC", weight: "100", band: "5" }] },
    }),
    notFound: "connection not found",
  },
  "syncs.ts#retrySync": {
    role: "member",
    input: (w) => ({ mine: { batchId: w.personal.failedBatchId }, theirs: { batchId: w.other.failedBatchId } }),
    notFound: "sync batch not found",
  },
  "audit.ts#verifyAccountChain": {
    role: "member",
    input: (w) => ({ mine: { accountId: w.personal.accountId }, theirs: { accountId: w.other.accountId } }),
    notFound: "account not found",
  },
  "alerts.ts#acknowledgeAlert": {
    role: "member",
    input: (w) => ({ mine: { alertId: w.personal.alertId }, theirs: { alertId: w.other.alertId } }),
    notFound: "alert not found",
  },
  "alerts.ts#unacknowledgeAlert": {
    role: "member",
    input: (w) => ({ mine: { alertId: w.personal.alertId }, theirs: { alertId: w.other.alertId } }),
    notFound: "alert not found",
  },
  "alerts.ts#muteAlerts": {
    role: "member",
    input: (w) => ({
      mine: { kind: "sync_failure", connectionId: w.personal.connectionId, period: "1h" },
      theirs: { kind: "sync_failure", connectionId: w.other.connectionId, period: "1h" },
    }),
    notFound: "connection not found",
  },
  "alerts.ts#unmuteAlerts": {
    role: "member",
    input: (w) => ({ mine: { muteId: w.personal.muteId }, theirs: { muteId: w.other.muteId } }),
    notFound: "mute not found",
  },
  "alerts.ts#checkRisksNow": { role: "member", input: () => ({ mine: {} }) },
  "alerts.ts#saveRiskThresholds": { role: "admin", input: () => ({ mine: { concentrationPct: "50", drawdownPct: "20" } }) },
  "transfer-matches.ts#undoTransferMatch": {
    role: "member",
    input: (w) => ({ mine: { matchId: w.personal.transferMatchId }, theirs: { matchId: w.other.transferMatchId } }),
    notFound: "transfer match not found",
  },
  "cash-flows.ts#addFlow": {
    role: "member",
    input: (w) => ({
      mine: { accountId: w.personal.accountId, kind: "deposit", asset: "USD", amount: "10", occurredAt: "2026-01-01T00:00:00.000Z" },
      theirs: { accountId: w.other.accountId, kind: "deposit", asset: "USD", amount: "10", occurredAt: "2026-01-01T00:00:00.000Z" },
    }),
    notFound: "account not found",
  },
  "cash-flows.ts#reverseFlow": {
    role: "member",
    input: (w) => ({ mine: { flowId: w.personal.flowId, note: "entered twice" }, theirs: { flowId: w.other.flowId, note: "entered twice" } }),
    notFound: "cash flow not found",
  },
  "cash-flows.ts#replaceFlow": {
    role: "member",
    input: (w) => {
      const fields = { kind: "deposit", asset: "USD", amount: "120", occurredAt: "2026-01-01T00:00:00.000Z", note: "the statement says 120" };
      return { mine: { flowId: w.personal.flowId, accountId: w.personal.accountId, ...fields }, theirs: { flowId: w.other.flowId, accountId: w.other.accountId, ...fields } };
    },
    notFound: "cash flow not found",
  },
  "channels.ts#createChannel": {
    role: "admin",
    input: () => ({ mine: { kind: "slack", name: "Ops", url: "https://hooks.slack.com/services/T/B/x", alertKinds: ["sync_failure"] } }),
  },
  "channels.ts#updateChannel": {
    role: "admin",
    input: (w) => ({ mine: { channelId: w.personal.channelId, enabled: false }, theirs: { channelId: w.other.channelId, enabled: false } }),
    notFound: "channel not found",
  },
  "channels.ts#replaceChannelAddress": {
    role: "admin",
    input: (w) => ({
      mine: { channelId: w.personal.channelId, url: "https://hooks.slack.com/services/T/B/y" },
      theirs: { channelId: w.other.channelId, url: "https://hooks.slack.com/services/T/B/y" },
    }),
    notFound: "channel not found",
  },
  "channels.ts#rotateChannelSecret": {
    role: "admin",
    input: (w) => ({ mine: { channelId: w.personal.channelId }, theirs: { channelId: w.other.channelId } }),
    notFound: "channel not found",
  },
  "channels.ts#deleteChannel": {
    role: "admin",
    input: (w) => ({ mine: { channelId: w.personal.channelId }, theirs: { channelId: w.other.channelId } }),
    notFound: "channel not found",
  },
  "channels.ts#sendChannelTest": {
    role: "admin",
    input: (w) => ({ mine: { channelId: w.personal.channelId }, theirs: { channelId: w.other.channelId } }),
    notFound: "channel not found",
  },
};

const APP = path.join(process.cwd(), "app");
function routeFiles(dir = APP): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [path.relative(APP, p)] : [];
  });
}
const ACTIONS_DIR = path.join(process.cwd(), "lib", "actions");
function actionFiles(): string[] {
  return fs.readdirSync(ACTIONS_DIR).filter((f) => f.endsWith(".ts") && !f.includes(".test.") && /^["']use server["']/.test(fs.readFileSync(path.join(ACTIONS_DIR, f), "utf8")));
}

let w: World;
/** Keys the server actions name: one to revoke, and the other workspace's (404). */
let keys: { otherViewer: { id: string; key: string }; personalRevocable: string };
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Keys of one route's checks, made on first use: each key has its own rate limit (20
 * requests a second, lib/auth/server.ts), which one key shared by every route's checks
 * would pass in a run this long.
 */
const routeKeys = new Map<string, { id: string; key: string }>();
async function keyOf(file: string, kind: "personalViewer" | "otherViewer" | "personalAdmin" | "otherAdmin"): Promise<{ id: string; key: string }> {
  const id = `${file}#${kind}`;
  if (!routeKeys.has(id)) {
    const personal = kind.startsWith("personal");
    routeKeys.set(
      id,
      await mintApiKey(w, {
        workspaceId: personal ? w.personal.id : w.other.id,
        creator: personal ? w.userId.owner : w.userId.outsider,
        role: kind.endsWith("Admin") ? "admin" : "viewer",
      }),
    );
  }
  return routeKeys.get(id)!;
}

beforeAll(async () => {
  w = await openAccessWorld();
  keys = {
    otherViewer: await mintApiKey(w, { workspaceId: w.other.id, creator: w.userId.outsider, role: "viewer" }),
    personalRevocable: (await mintApiKey(w, { workspaceId: w.personal.id, creator: w.userId.owner, role: "viewer" })).id,
  };
});
afterAll(async () => {
  // A Resync started above runs on after its answer; let it end before the database closes.
  const { waitForOpenBatches } = await import("./test-support");
  await waitForOpenBatches(w);
  await w?.handle.close();
});

/** A session cookie header, or an API key sent as a bearer token. */
type Credential = string | { bearer: string };

/** The path params a case's own resource (or fixed params) fills in. */
const mineParams = (c: RouteCase): Record<string, string> | undefined => c.params?.(w).mine ?? c.fixed?.params;

async function call(file: string, method: string, cred: Credential, params: Record<string, string> = {}, body?: unknown, query = ""): Promise<Response> {
  const mod = (await import(/* @vite-ignore */ path.join(APP, file))) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
  const url = `http://localhost/${path.dirname(file).replace(/\[(\.\.\.)?(\w+)\]/g, (_, __, k: string) => params[k] ?? "x")}${query || (ROUTES[file]?.query ?? "")}`;
  const headers: Record<string, string> = typeof cred === "string" ? (cred ? { cookie: cred } : {}) : { authorization: `Bearer ${cred.bearer}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  return mod[method]!(new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
}

describe("every route handler is in the guard table", () => {
  it("finds no route the table does not know", () => {
    expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
  });
  it("finds no server action the table does not know", async () => {
    const found: string[] = [];
    for (const f of actionFiles()) {
      const mod = (await import(/* @vite-ignore */ path.join(ACTIONS_DIR, f))) as Record<string, unknown>;
      for (const name of Object.keys(mod)) found.push(`${f}#${name}`);
    }
    expect(found.sort()).toEqual(Object.keys(ACTIONS).sort());
  });
});

describe.each(Object.entries(ROUTES).filter(([, c]) => c.role !== null))("route %s", (file, c) => {
  it("answers 401 with no session, for every method it exports", async () => {
    const mod = (await import(/* @vite-ignore */ path.join(APP, file))) as Record<string, unknown>;
    const methods = METHODS.filter((m) => typeof mod[m] === "function");
    expect(methods.length).toBeGreaterThan(0);
    for (const m of methods) {
      const res = await call(file, m, "", mineParams(c), undefined, c.fixed?.query);
      expect(res.status, `${m} ${file}`).toBe(401);
      expect(await res.json()).toEqual(refusal(file, 401, "Sign in first: this needs a session"));
    }
  });

  it("answers the lowest role it allows, and 403 naming the role to anyone below", async () => {
    const method = c.method ?? "GET";
    const res = await call(file, method, w.cookie[c.role!], mineParams(c), c.body?.(w), c.fixed?.query);
    expect(res.status).toBe(200);
    if (c.role === "viewer") return; // nothing is below a viewer
    const refused = await call(file, method, w.cookie.viewer, mineParams(c), c.body?.(w), c.fixed?.query);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual(refusal(file, 403, `This needs the ${c.role} role or higher; your role in Personal is viewer`));
  });

});

describe.each(Object.entries(ROUTES).filter(([, c]) => c.role !== null))("route %s, with an API key", (file, c) => {
  it("answers a GET with a viewer key of the workspace (200); a key below the route's role gets 403 naming the key's role", async () => {
    const method = c.method ?? "GET";
    const res = await call(file, method, { bearer: (await keyOf(file, "personalViewer")).key }, mineParams(c), c.body?.(w), c.fixed?.query);
    if (c.role === "viewer") {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(refusal(file, 403, `This needs the ${c.role} role or higher; this API key's role in Personal is viewer`));
  });
});

describe.each(Object.entries(ROUTES).filter(([, c]) => c.params))("route %s, across workspaces", (file, c) => {
  it("answers 404 for the other workspace's resource, and to an outsider for ours", async () => {
    const res = await call(file, "GET", w.cookie.owner, c.params!(w).theirs);
    expect(res.status).toBe(404);
    const outsider = await call(file, "GET", w.cookie.outsider, c.params!(w).mine);
    expect(outsider.status).toBe(404);
  });

  it("answers 404 to a key for the other workspace's resource, both ways", async () => {
    // A key with enough role for the route (an admin key where it needs more than a viewer), so only the workspace differs.
    const [mine, theirs] = c.role === "viewer" ? [await keyOf(file, "personalViewer"), await keyOf(file, "otherViewer")] : [await keyOf(file, "personalAdmin"), await keyOf(file, "otherAdmin")];
    expect((await call(file, "GET", { bearer: mine.key }, c.params!(w).theirs)).status).toBe(404);
    expect((await call(file, "GET", { bearer: theirs.key }, c.params!(w).mine)).status).toBe(404);
  });
});

describe.each(Object.entries(ROUTES).filter(([, c]) => c.also))("route %s, its other method", (file, c) => {
  const also = c.also!;
  it("answers the lowest role it allows; 403 naming the role to a viewer, by cookie and by key", async () => {
    const res = await call(file, also.method, w.cookie[also.role], {}, also.body(w).mine);
    expect(res.status).toBe(also.ok);
    const refused = await call(file, also.method, w.cookie.viewer, {}, also.body(w).mine);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual(refusal(file, 403, `This needs the ${also.role} role or higher; your role in Personal is viewer`));
    const byKey = await call(file, also.method, { bearer: (await keyOf(file, "personalViewer")).key }, {}, also.body(w).mine);
    expect(byKey.status).toBe(403);
    expect(await byKey.json()).toEqual(refusal(file, 403, `This needs the ${also.role} role or higher; this API key's role in Personal is viewer`));
  });

  it("answers 404 for the other workspace's resource, by cookie and by key", async () => {
    const res = await call(file, also.method, w.cookie.owner, {}, also.body(w).theirs);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(refusal(file, 404, "connection not found"));
    expect((await call(file, also.method, { bearer: (await keyOf(file, "otherAdmin")).key }, {}, also.body(w).mine)).status).toBe(404);
  });
});

const loadAction = async (key: string) => {
  const [file, name] = key.split("#") as [string, string];
  const mod = (await import(/* @vite-ignore */ path.join(ACTIONS_DIR, file))) as Record<
    string,
    (input: unknown) => Promise<{ data?: unknown; serverError?: { status: number; message: string } }>
  >;
  return mod[name]!;
};

describe.each(Object.entries(ACTIONS))("server action %s", (key, c) => {
  it("refuses with no session (401)", async () => {
    currentCookie = "";
    const res = await (await loadAction(key))(c.input(w).mine);
    expect(res.serverError).toEqual({ status: 401, message: "Sign in first: this needs a session" });
  });
});

describe.each(Object.entries(ACTIONS).filter(([, c]) => c.role !== "viewer"))("server action %s, by role", (key, c) => {
  it("refuses a role below its own (403, naming the role)", async () => {
    currentCookie = w.cookie.viewer;
    const res = await (await loadAction(key))(c.input(w).mine);
    expect(res.serverError).toEqual({ status: 403, message: `This needs the ${c.role} role or higher; your role in Personal is viewer` });
  });
});

describe.each(Object.entries(ACTIONS).filter(([, c]) => c.notFound))("server action %s, across workspaces", (key, c) => {
  it("answers 404 for the other workspace's resource, even to an owner", async () => {
    currentCookie = w.cookie.owner;
    const res = await (await loadAction(key))(c.input(w).theirs);
    expect(res.serverError).toEqual({ status: 404, message: c.notFound });
  });
});

describe("inviting the same address twice", () => {
  it("answers 409 with better-auth's reason, and the first invitation stands", async () => {
    currentCookie = w.cookie.admin;
    const invite = await loadAction("members.ts#inviteMember");
    const first = await invite({ email: "twice@example.com", role: "member" });
    expect(first.data).toMatchObject({ email: "twice@example.com", role: "member", path: expect.stringMatching(/^\/sign-up\?invitation=[0-9a-f-]{36}$/) });
    const second = await invite({ email: "twice@example.com", role: "viewer" });
    expect(second.serverError?.status).toBe(409);
    expect(second.serverError?.message).toMatch(/already invited/i);
  });
});
