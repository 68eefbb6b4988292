import { eq } from "drizzle-orm";
import { grantPermissions, type ApiKeyRole } from "@/db/queries/api-key-grant";
import { upsertAlert } from "@/db/queries/alerts";
import { muteAlertRule } from "@/db/queries/alert-mutes";
import { createConnection } from "@/db/queries/connections";
import { createChannel } from "@/db/queries/notification-channels";
import { queueSyncBatch } from "@/db/queries/sync-batches";
import { addMember, listMemberships } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import {
  cashFlowMatches,
  cashFlows,
  orders,
  portfolios,
  syncBatches,
  syncRawResponses,
  tradingAccounts,
  valuations,
  workspaceInvitations,
  workspaceMembers,
  type WorkspaceRole,
} from "@/db/schema";
import { createAuth, type Auth } from "@/lib/auth/server";
import { provideRuntimeForTests } from "@/lib/runtime/app-db";
import type { DbHandle } from "@/db/client";

/**
 * A real runtime on a throwaway database with people in two workspaces, for tests of the
 * guarded entry points: sessions are real better-auth sessions, made by signing up.
 */
export interface AccessWorld {
  handle: DbHandle;
  auth: Auth;
  /** The Personal workspace (the first person owns it) and a second one. */
  personal: WorldWorkspace;
  other: WorldWorkspace;
  /** Cookie headers of people in the Personal workspace, by role, and of the other workspace's owner. */
  cookie: Record<WorkspaceRole, string> & { outsider: string };
  /** The same people's user ids. */
  userId: Record<WorkspaceRole, string> & { outsider: string };
}

/** One workspace of the world and a resource of each kind the entry points name. */
export interface WorldWorkspace {
  id: string;
  connectionId: string;
  /** A queued run. */
  batchId: string;
  /** A failed run, with one stored raw response. */
  failedBatchId: string;
  rawResponseId: string;
  invitationId: string;
  alertId: string;
  muteId: string;
  /** A Slack channel whose secrets are a placeholder: never delivered to. */
  channelId: string;
  /** A live transfer match between a withdrawal and a deposit of the connection's. */
  transferMatchId: string;
  /** An account of the connection, and a confirmed 100 USD deposit on it as a venue reported it. */
  accountId: string;
  flowId: string;
  /** An open limit order on that account, recorded directly (no events). */
  orderId: string;
  /** A 1Token fund (portfolio "fund/access") with one valuation, reported by the world's connection. */
  fundId: string;
  /** Member ids by role (the other workspace has only its owner, the outsider). */
  memberIds: Record<WorkspaceRole, string>;
}

export async function signUp(auth: Auth, p: { email: string; name: string; password?: string }): Promise<{ userId: string; cookie: string }> {
  const res = await auth.handler(
    new Request("http://localhost/api/auth/sign-up/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: p.email, name: p.name, password: p.password ?? "correct horse battery" }),
    }),
  );
  if (!res.ok) throw new Error(`sign-up of ${p.email} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user: { id: string } };
  return { userId: body.user.id, cookie: sessionCookie(res) };
}

/** The Cookie header a browser would send back after this sign-in or sign-up response. */
export function sessionCookie(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export async function openAccessWorld(): Promise<AccessWorld> {
  const handle = await openTestDb();
  const auth = createAuth(handle.db, { secret: "test-secret-test-secret-test-secret-0123", allowSignup: true });
  provideRuntimeForTests({ handle, auth });
  const owner = await signUp(auth, { email: "owner@example.com", name: "Owner" });
  const outsider = await signUp(auth, { email: "outsider@example.com", name: "Outsider" });
  const personalId = (await listMemberships(handle.db, owner.userId))[0]!.workspace.id;
  const otherId = (await listMemberships(handle.db, outsider.userId))[0]!.workspace.id;
  const cookie = { owner: owner.cookie, outsider: outsider.cookie } as AccessWorld["cookie"];
  const userId = { owner: owner.userId, outsider: outsider.userId } as AccessWorld["userId"];
  for (const role of ["admin", "member", "viewer"] as const) {
    // Signed up with ALLOW_SIGNUP (so each gets a workspace of their own), then added to Personal and pointed at it.
    const person = await signUp(auth, { email: `${role}@example.com`, name: role });
    await addMember(handle.db, { workspaceId: personalId, userId: person.userId, role });
    await setActiveWorkspace(auth, person.cookie, personalId);
    cookie[role] = person.cookie;
    userId[role] = person.userId;
  }
  const personalConn = await createConnection(handle.db, { ownerId: personalId, provider: "demo", label: "Demo", config: { seed: "access" } });
  const otherConn = await createConnection(handle.db, { ownerId: otherId, provider: "demo", label: "Other demo", config: { seed: "other" } });
  const at = new Date();
  const personalBatch = await queueSyncBatch(handle.db, { ownerId: personalId, connectionId: personalConn.id, trigger: "manual", at });
  const otherBatch = await queueSyncBatch(handle.db, { ownerId: otherId, connectionId: otherConn.id, trigger: "manual", at });
  const invite = async (workspaceId: string, inviterId: string, email: string) =>
    (
      await handle.db
        .insert(workspaceInvitations)
        .values({ organizationId: workspaceId, email, role: "viewer", inviterId, expiresAt: new Date(Date.now() + 86_400_000) })
        .returning({ id: workspaceInvitations.id })
    )[0]!.id;
  const memberIds = async (workspaceId: string) =>
    Object.fromEntries(
      (await handle.db.select({ id: workspaceMembers.id, role: workspaceMembers.role }).from(workspaceMembers).where(eq(workspaceMembers.organizationId, workspaceId))).map((m) => [m.role, m.id]),
    );
  return {
    handle,
    auth,
    personal: {
      id: personalId,
      connectionId: personalConn.id,
      batchId: personalBatch,
      invitationId: await invite(personalId, owner.userId, "guest@example.com"),
      memberIds: (await memberIds(personalId)) as Record<WorkspaceRole, string>,
      ...(await opsResources(handle, personalId, personalConn.id)),
    },
    other: {
      id: otherId,
      connectionId: otherConn.id,
      batchId: otherBatch,
      invitationId: await invite(otherId, outsider.userId, "their-guest@example.com"),
      memberIds: (await memberIds(otherId)) as Record<WorkspaceRole, string>,
      ...(await opsResources(handle, otherId, otherConn.id)),
    },
    cookie,
    userId,
  };
}

/**
 * A key made as the settings page makes it (server-side, with its grant), by `creator` in
 * `workspaceId`; `grant: false` makes one with no role, as better-auth's own route would.
 */
export async function mintApiKey(
  w: AccessWorld,
  p: { workspaceId: string; creator: string; role: ApiKeyRole; grant?: boolean; name?: string },
): Promise<{ id: string; key: string }> {
  const created = await w.auth.api.createApiKey({
    body: {
      name: p.name ?? `${p.role} key`,
      userId: p.creator,
      organizationId: p.workspaceId,
      ...(p.grant === false ? {} : { permissions: grantPermissions({ role: p.role, createdBy: p.creator }) }),
    },
  });
  return { id: created.id, key: created.key };
}

/** A failed run with a stored response, an alert, a mute, a channel, an account with a cash flow, and a transfer match in one workspace. */
async function opsResources(handle: DbHandle, ownerId: string, connectionId: string) {
  const at = new Date();
  const [failed] = await handle.db
    .insert(syncBatches)
    .values({ ownerId, connectionId, trigger: "cron", status: "failed", startedAt: at, finishedAt: at, durationMs: 5, errorKind: "unavailable", error: "demo: 503" })
    .returning({ id: syncBatches.id });
  const [raw] = await handle.db
    .insert(syncRawResponses)
    .values({ batchId: failed!.id, connectionId, ownerId, endpoint: "demo:balances", capturedAt: at, body: [{ asset: "BTC", free: "1" }], bytes: 27 })
    .returning({ id: syncRawResponses.id });
  const { alert } = await upsertAlert(handle.db, { ownerId, kind: "sync_failure", subject: connectionId, severity: "warning", title: "Sync failed: Demo", message: "503", at });
  const mute = await muteAlertRule(handle.db, { ownerId, kind: "drawdown", connectionId: null, until: new Date(at.getTime() + 3_600_000), createdBy: null });
  const channel = await createChannel(handle.db, { ownerId, kind: "slack", name: "Placeholder", secretsSealed: "v1.placeholder", target: "https://hooks.slack.com/…test", alertKinds: [], createdBy: null });
  const [account] = await handle.db
    .insert(tradingAccounts)
    .values({ ownerId, connectionId, accountUid: "access-main", name: "Main", venue: "demo", kind: "spot" })
    .returning({ id: tradingAccounts.id });
  const [flow] = await handle.db
    .insert(cashFlows)
    .values({ ownerId, connectionId, accountId: account!.id, venueFlowId: "access-dep-1", kind: "deposit", asset: "USD", amount: "100", occurredAt: at, status: "confirmed", source: "venue" })
    .returning({ id: cashFlows.id });
  const [order] = await handle.db
    .insert(orders)
    .values({
      ownerId,
      accountId: account!.id,
      venueOrderId: "access-order-1",
      clientOrderId: "mm-test:1",
      symbol: "BTC/USDT",
      side: "buy",
      type: "limit",
      status: "open",
      price: "50000",
      quantity: "0.1",
      filledQuantity: "0",
      venueCreatedAt: at,
      venueUpdatedAt: at,
      lastSyncBatchId: failed!.id,
      // A secret-shaped field, as a careless venue might echo one back: shown redacted, never as is.
      raw: { orderId: "access-order-1", status: "NEW", echo: "symbol=BTCUSDT&signature=0123456789abcdef" },
    })
    .returning({ id: orders.id });
  return {
    failedBatchId: failed!.id,
    rawResponseId: raw!.id,
    alertId: alert.id,
    muteId: mute.id,
    channelId: channel.id,
    accountId: account!.id,
    flowId: flow!.id,
    orderId: order!.id,
    transferMatchId: await transferMatch(handle, { ownerId, connectionId, accountId: account!.id, at }),
    fundId: await oneTokenFund(handle, { ownerId, connectionId, at }),
  };
}

/**
 * A 1Token fund and one valuation of it, recorded directly under the world's one connection
 * (a second connection would change what every connection list here shows). No account is
 * moved into it: the world's account stays outside any portfolio.
 */
async function oneTokenFund(handle: DbHandle, p: { ownerId: string; connectionId: string; at: Date }): Promise<string> {
  const [fund] = await handle.db
    .insert(portfolios)
    .values({ ownerId: p.ownerId, connectionId: p.connectionId, name: "Access fund", dataSource: "1token", externalId: "fund/access", baseCurrency: "USDT" })
    .returning({ id: portfolios.id });
  await handle.db.insert(valuations).values({
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    portfolioId: fund!.id,
    series: "fund/access",
    snapshotId: `fund/access@${BigInt(p.at.getTime()) * 1_000_000n}`,
    at: p.at,
    currency: "USDT",
    netAssets: "1000000",
    navPerUnit: "1",
  });
  return fund!.id;
}

/**
 * A match recorded directly, between two flows of the world's one connection: the world
 * needs a match to name, not the matcher's rules (lib/cash-flows/transfer-matches.int.test.ts
 * has those); a second connection would change what every connection list here shows.
 */
async function transferMatch(handle: DbHandle, p: { ownerId: string; connectionId: string; accountId: string; at: Date }): Promise<string> {
  const { ownerId, connectionId, accountId, at } = p;
  const flow = (kind: "withdrawal" | "deposit") => ({
    ownerId,
    connectionId,
    accountId,
    venueFlowId: `${kind}:world`,
    kind,
    asset: "BTC",
    amount: "0.5",
    occurredAt: at,
    status: "confirmed" as const,
    txId: "0xworld",
    source: "venue" as const,
  });
  const [out, deposit] = await handle.db.insert(cashFlows).values([flow("withdrawal"), flow("deposit")]).returning({ id: cashFlows.id });
  const [match] = await handle.db
    .insert(cashFlowMatches)
    .values({ ownerId, outFlowId: out!.id, inFlowId: deposit!.id, method: "tx_id" })
    .returning({ id: cashFlowMatches.id });
  return match!.id;
}

async function setActiveWorkspace(auth: Auth, cookie: string, workspaceId: string): Promise<void> {
  const res = await auth.handler(
    new Request("http://localhost/api/auth/organization/set-active", {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ organizationId: workspaceId }),
    }),
  );
  if (!res.ok) throw new Error(`set-active failed: ${res.status} ${await res.text()}`);
}

/** Waits (10 s at most) until no sync batch but the world's own two is queued or running. */
export async function waitForOpenBatches(w: AccessWorld): Promise<void> {
  const db = w.handle.db;
  const { and, inArray, notInArray } = await import("drizzle-orm");
  const { syncBatches, OPEN_SYNC_STATUSES } = await import("@/db/schema");
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await db.select({ id: syncBatches.id }).from(syncBatches).where(and(inArray(syncBatches.status, [...OPEN_SYNC_STATUSES]), notInArray(syncBatches.id, [w.personal.batchId, w.other.batchId])));
    if (open.length === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
