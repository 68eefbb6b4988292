// Deleting a workspace removes every row it owns and nothing of anyone else's. Both workspaces
// are filled by the app's own code paths (demo syncs, a failed run, snapshot backfill, gap
// checks, attribution, end of day) plus the rows no demo writes (departments, portfolios,
// valuations, API keys), and the tables are found in the database catalogue, not listed here,
// so a table added later with an owner_id is checked without anyone remembering to.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { recordHistorySuccess } from "@/db/queries/history-runs";
import { addMember, createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import {
  alertDeliveries,
  apiKeys,
  cashFlowMatches,
  cashFlows,
  connections,
  departments,
  portfolioAccounts,
  portfolios,
  telegramBots,
  telegramLinkCodes,
  telegramLinks,
  tradingAccounts,
  users,
  valuations,
  workspaceInvitations,
} from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { createDemoConnector } from "@/lib/connectors/demo";
import { ConnectorError } from "@/lib/connectors/errors";
import type { Connector } from "@/lib/connectors/types";
import { maintenanceTasks } from "@/lib/schedules/maintenance-tasks";
import { backfillSnapshots } from "@/lib/snapshots/backfill";
import { muteAlertRule } from "@/db/queries/alert-mutes";
import { saveAlertThresholds } from "@/db/queries/alert-thresholds";
import { createChannel } from "@/db/queries/notification-channels";
import { syncConnection, SyncFailedError } from "@/lib/sync/sync-connection";
import { NotFoundError } from "./not-found";
import { replaceRebalanceTargets } from "./rebalance-targets";
import { deleteWorkspace } from "./workspace-deletion";

const HOUR = 3_600_000;
const START = new Date("2026-11-18T00:00:00Z");
const at = (ms: number) => new Date(START.getTime() + ms);

let h: DbHandle;
let doomed: string;
let kept: string;

type Row = Record<string, unknown>;
async function query(db: Db, text: string): Promise<Row[]> {
  const r = (await db.execute(sql.raw(text))) as unknown;
  return Array.isArray(r) ? (r as Row[]) : (r as { rows: Row[] }).rows;
}

/** Every table holding rows of a workspace, with the column naming it: found in the catalogue. */
async function workspaceTables(db: Db): Promise<Array<{ table: string; column: string }>> {
  const rows = await query(
    db,
    `select c.relname as table, a.attname as column from pg_class c join pg_attribute a on a.attrelid = c.oid
     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
       and a.attname in ('owner_id', 'workspace_id', 'reference_id') order by 1`,
  );
  return rows.map((r) => ({ table: r.table as string, column: r.column as string }));
}

/** Per table, how many rows each workspace has there. */
async function rowsByWorkspace(db: Db): Promise<Record<string, { doomed: number; kept: number }>> {
  const out: Record<string, { doomed: number; kept: number }> = {};
  for (const { table, column } of await workspaceTables(db)) {
    const [r] = await query(
      db,
      `select count(*) filter (where "${column}"::text = '${doomed}')::int as doomed, count(*) filter (where "${column}"::text = '${kept}')::int as kept from "${table}"`,
    );
    out[table] = { doomed: r!.doomed as number, kept: r!.kept as number };
  }
  return out;
}

/** The demo venue with one stream failing, for a failed run (and its alert). */
function failingDemo(now: Date, seed: string): Connector {
  const demo = createDemoConnector({ seed, now: () => now });
  const fail = async () => {
    throw new ConnectorError({ kind: "unavailable", provider: "demo", endpoint: "GET /balances", message: "venue returned 503" });
  };
  return Object.assign(Object.create(Object.getPrototypeOf(demo) as object) as Connector, demo, { fetchBalances: fail });
}

/** Two days of a demo connection's life in `ownerId`, as the app lives it. */
async function fillWorkspace(db: Db, ownerId: string, seed: string, inviterId: string): Promise<void> {
  const { id: connectionId } = await createConnection(db, { ownerId, provider: "demo", label: `Demo ${seed}`, config: { seed, initialHistoryDays: 1 } });
  // Made before the simulated days, so the end-of-day close counts it.
  await db.update(connections).set({ createdAt: at(-24 * HOUR) }).where(eq(connections.id, connectionId));
  await backfillSnapshots(db, {
    ownerId,
    connectionId,
    baseCurrency: "USD",
    from: at(-6 * HOUR),
    to: START,
    stepMs: HOUR,
    connectorAt: (t) => createDemoConnector({ seed, now: () => t }),
  });
  const sync = async (t: Date, connector?: Connector) =>
    syncConnection(db, { ownerId, connectionId, trigger: "cron", now: () => t, connector, referencePrices: null, webhook: null }).catch((e: unknown) => {
      if (!(e instanceof SyncFailedError)) throw e;
    });
  await sync(START);
  await maintenanceTasks["snapshot-gaps"](db, { now: START });
  await sync(at(3 * HOUR));
  await maintenanceTasks["snapshot-gaps"](db, { now: at(3 * HOUR) });
  // Two failed runs in a row: a transient failure alerts from the second.
  await sync(at(3 * HOUR + 60_000), failingDemo(at(3 * HOUR + 60_000), seed));
  await sync(at(3 * HOUR + 120_000), failingDemo(at(3 * HOUR + 120_000), seed));
  await sync(at(26 * HOUR));
  await maintenanceTasks.reconcile(db, { now: at(26 * HOUR) });
  await maintenanceTasks["end-of-day-snapshots"](db, { now: at(26 * HOUR) });
  await maintenanceTasks.retention(db, { now: at(26 * HOUR) });

  // What no demo run writes: a department and portfolio that an account and a valuation point at, an API key, an invitation.
  const [dept] = await db.insert(departments).values({ ownerId, name: "Desk" }).returning({ id: departments.id });
  const [pf] = await db
    .insert(portfolios)
    .values({ ownerId, departmentId: dept!.id, connectionId, name: "Fund", dataSource: "manual", baseCurrency: "USD" })
    .returning({ id: portfolios.id });
  const [account] = await db.update(tradingAccounts).set({ portfolioId: pf!.id }).where(sql`${tradingAccounts.ownerId} = ${ownerId}`).returning({ id: tradingAccounts.id });
  await db.insert(valuations).values({ ownerId, connectionId, portfolioId: pf!.id, accountId: account!.id, series: "nav", snapshotId: `${seed}-1`, at: START, netAssets: "1000.5" });
  // A manual group's link to the account (the portfolio selector's groups).
  await db.insert(portfolioAccounts).values({ ownerId, portfolioId: pf!.id, accountId: account!.id });
  await db.insert(apiKeys).values({ key: `hashed-${seed}`, referenceId: ownerId, name: "ci" });
  await db.insert(workspaceInvitations).values({ organizationId: ownerId, email: `${seed}@example.com`, role: "viewer", inviterId, expiresAt: at(7 * 24 * HOUR) });
  // The alert settings a person makes: a mute, risk limits, a channel and one delivery to it.
  await muteAlertRule(db, { ownerId, kind: "drawdown", connectionId, until: at(30 * HOUR), createdBy: inviterId });
  await saveAlertThresholds(db, { ownerId, concentration: "0.5", drawdown: "0.2", updatedBy: inviterId, at: START });
  const channel = await createChannel(db, { ownerId, kind: "slack", name: "Ops", secretsSealed: "v1.sealed", target: "https://hooks.slack.com/…", alertKinds: ["sync_failure"], createdBy: inviterId });
  await db.insert(alertDeliveries).values({ ownerId, channelId: channel.id, alertId: null, ok: true, httpStatus: 200, durationMs: 12, at: START });
  // A person's rebalance targets for the whole workspace.
  await replaceRebalanceTargets(db, { ownerId, portfolioKey: "all", targets: [{ asset: "BTC", weight: "1", band: "0.05" }], updatedBy: inviterId, at: START });
  // A history reconstruction's record and its residual.
  await recordHistorySuccess(db, { ownerId, connectionId, at: START, days: 1, firstDay: "2026-11-17", lastDay: "2026-11-17", gapDays: 0, gapsFilled: 0, residuals: [{ day: "2026-11-17", at: "start", kind: "opening", asset: "BTC", quantity: "0.1", valueBase: null, baseCurrency: "USD" }] });
  // Telegram: the workspace's own bot, a person's link code, and a chat linked with alerts to a channel.
  await db.insert(telegramBots).values({ ownerId, tokenSealed: "v1.sealed", tokenHint: "abcd", updatedBy: inviterId });
  await db.insert(telegramLinkCodes).values({ ownerId, userId: inviterId, codeHash: `hash-${seed}`, expiresAt: at(HOUR) });
  await db.insert(telegramLinks).values({ ownerId, userId: inviterId, botKey: "env", chatId: `chat-${seed}`, chatTitle: "Desk chat", alertsChannelId: channel.id, alertsOn: true });
  // Flows (the demo's start later than these days): a transfer matched across two accounts, and a person's
  // reversal, which points at the row it reverses (deleted in the same statement).
  const flow = { ownerId, connectionId, accountId: account!.id, asset: "USD", amount: "250", valueBase: "250", baseCurrency: "USD", status: "confirmed" as const, source: "venue" as const };
  const [out] = await db.insert(cashFlows).values({ ...flow, venueFlowId: "w1", kind: "withdrawal", occurredAt: at(HOUR), txId: `tx-${seed}` }).returning();
  const [into] = await db.insert(cashFlows).values({ ...flow, venueFlowId: "d1", kind: "deposit", occurredAt: at(2 * HOUR), txId: `tx-${seed}` }).returning();
  await db.insert(cashFlowMatches).values({ ownerId, outFlowId: out!.id, inFlowId: into!.id, method: "tx_id" });
  await db.insert(cashFlows).values({ ...flow, venueFlowId: `reversal:${into!.id}`, kind: "deposit", occurredAt: at(2 * HOUR), source: "manual", reversesId: into!.id, enteredBy: inviterId });
}

let before: Awaited<ReturnType<typeof rowsByWorkspace>>;
let keptEvents: number;

beforeAll(async () => {
  h = await openTestDb();
  const [person] = await h.db.insert(users).values({ email: "owner@example.com", name: "Owner" }).returning({ id: users.id });
  doomed = (await ensurePersonalWorkspace(h.db)).id;
  kept = (await createWorkspace(h.db, { name: "Kept", slug: "kept" })).id;
  for (const ws of [doomed, kept]) await addMember(h.db, { workspaceId: ws, userId: person!.id, role: "owner" });
  await fillWorkspace(h.db, doomed, "doomed", person!.id);
  await fillWorkspace(h.db, kept, "kept", person!.id);
  before = await rowsByWorkspace(h.db);
  keptEvents = before.order_events!.kept;
  await deleteWorkspace(h.db, { ownerId: doomed });
}, 120_000);
afterAll(async () => h?.close());

describe("deleting a workspace", () => {
  it("had rows of both workspaces in every table that holds a workspace's rows, append-only ones included", () => {
    // Guards the guard: a table left empty here would pass the checks below for nothing.
    const empty = Object.entries(before).filter(([, n]) => n.doomed === 0 || n.kept === 0);
    expect(empty).toEqual([]);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(["order_events", "fills", "api_keys", "workspace_members", "workspace_invitations"]));
  });

  it("removes every row of the deleted workspace, table by table, and the workspace itself", async () => {
    const after = await rowsByWorkspace(h.db);
    expect(Object.fromEntries(Object.entries(after).map(([t, n]) => [t, n.doomed]))).toEqual(Object.fromEntries(Object.keys(before).map((t) => [t, 0])));
    expect(await query(h.db, `select id from workspaces where id = '${doomed}'`)).toEqual([]);
  });

  it("leaves every row of the other workspace, table by table", async () => {
    const after = await rowsByWorkspace(h.db);
    expect(Object.fromEntries(Object.entries(after).map(([t, n]) => [t, n.kept]))).toEqual(Object.fromEntries(Object.entries(before).map(([t, n]) => [t, n.kept])));
  });

  it("the other workspace's order-event hash chain still verifies, every event of it", async () => {
    const report = await verifyOrderEventChains(h.db, { allWorkspaces: true });
    expect(report.broken).toBeNull();
    expect(report.events).toBe(keptEvents);
  });

  it("leaves the audit tables append-only afterwards", async () => {
    await expect(h.db.execute(sql`delete from fills where owner_id = ${kept}`)).rejects.toThrow();
    await expect(h.db.execute(sql`delete from order_events where owner_id = ${kept}`)).rejects.toThrow();
  });

  it("a workspace that does not exist (or is already gone) is not found", async () => {
    await expect(deleteWorkspace(h.db, { ownerId: doomed })).rejects.toBeInstanceOf(NotFoundError);
  });
});
