import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { SyncCounts, SyncTrigger } from "@/db/schema";
import { getConnection, recordSyncFailure, recordSyncSuccess } from "@/db/queries/connections";
import { materializePortfolios } from "@/db/queries/portfolios";
import { appendValuations, navCursor } from "@/db/queries/valuations";
import { failSyncBatch, finishSyncBatch, startSyncBatch } from "@/db/queries/sync-batches";
import { createConnector } from "@/lib/connectors";
import { ConnectorError, isConnectorError } from "@/lib/connectors/errors";
import type { Connector } from "@/lib/connectors/types";
import { pricesInBase } from "@/lib/money/prices";
import { materializeSnapshot } from "@/lib/snapshots/capture";
import { fetchVenueState, type VenueState } from "./fetch-venue-state";
import { historyContext } from "./history-context";
import { materializeAccounts } from "./write-accounts";
import { appendFills } from "./write-fills";
import { replaceHoldings } from "./write-holdings";
import { materializeOrders } from "./write-orders";

export const BASE_CURRENCY = "USD";
/** Re-read this much before the last success: venues publish late fills and edits. */
const LOOKBACK_MS = 60 * 60_000;
const DEFAULT_INITIAL_HISTORY_DAYS = 7;

export interface SyncOptions {
  ownerId: string;
  connectionId: string;
  trigger: SyncTrigger;
  /** The clock of this run (and of the demo venue). */
  now?: () => Date;
  /** Injected connector, for tests; otherwise built from the stored connection. */
  connector?: Connector;
}

export interface SyncResult {
  batchId: string;
  status: "succeeded";
  counts: SyncCounts;
  durationMs: number;
  snapshotId: string | null;
  finishedAt: Date;
}

/** A sync that failed; already recorded on its batch and connection. */
export class SyncFailedError extends Error {
  constructor(
    readonly batchId: string,
    readonly kind: string,
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
    this.name = "SyncFailedError";
  }
}

const running = new Map<string, Promise<SyncResult>>();

/**
 * Syncs one connection as one unit. A second call for a connection whose sync is still
 * running in this process joins that run instead of starting another.
 */
export function syncConnection(db: Db, opts: SyncOptions): Promise<SyncResult> {
  const inFlight = running.get(opts.connectionId);
  if (inFlight) return inFlight;
  const run = runSync(db, opts).finally(() => running.delete(opts.connectionId));
  running.set(opts.connectionId, run);
  return run;
}

async function runSync(db: Db, opts: SyncOptions): Promise<SyncResult> {
  const now = opts.now ?? (() => new Date());
  const conn = await getConnection(db, { ownerId: opts.ownerId, connectionId: opts.connectionId });
  const startedAt = now();
  const t0 = performance.now();
  const batchId = await startSyncBatch(db, { ownerId: opts.ownerId, connectionId: conn.id, trigger: opts.trigger, at: startedAt });

  try {
    const connector = opts.connector ?? createConnector(conn, { now });
    const historyDays = Number(conn.config.initialHistoryDays ?? DEFAULT_INITIAL_HISTORY_DAYS);
    const since = conn.lastSuccessAt
      ? new Date(conn.lastSuccessAt.getTime() - LOOKBACK_MS)
      : new Date(startedAt.getTime() - historyDays * 86_400_000);
    const lastBySeries = await navCursor(db, { ownerId: opts.ownerId, connectionId: conn.id });
    const history = await historyContext(db, { ownerId: opts.ownerId, connectionId: conn.id });
    const state = await fetchVenueState(connector, since, { lastBySeries }, history);
    const at = now();

    const result = await db.transaction(async (tx) => {
      // One writer per connection, across processes too (PostgreSQL); PGlite serialises anyway.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${conn.id}))`);
      const written = await writeState(tx, { ownerId: opts.ownerId, connectionId: conn.id, batchId, at, state });
      const durationMs = Math.round(performance.now() - t0);
      await finishSyncBatch(tx, { batchId, at, durationMs, counts: written.counts });
      await recordSyncSuccess(tx, { connectionId: conn.id, at });
      return { ...written, durationMs };
    });
    return { batchId, status: "succeeded", finishedAt: at, ...result };
  } catch (e) {
    const error = describeFailure(e);
    const at = now();
    await failSyncBatch(db, {
      batchId,
      at,
      durationMs: Math.round(performance.now() - t0),
      errorKind: error.kind,
      error: error.message,
    });
    await recordSyncFailure(db, { connectionId: conn.id, at, error: error.message });
    throw new SyncFailedError(batchId, error.kind, error.retryable, error.message);
  }
}

async function writeState(
  tx: Db,
  p: { ownerId: string; connectionId: string; batchId: string; at: Date; state: VenueState },
): Promise<{ counts: SyncCounts; snapshotId: string | null }> {
  const { state } = p;
  const portfolioIds = await materializePortfolios(tx, { ownerId: p.ownerId, connectionId: p.connectionId, portfolios: state.portfolios });
  const unlisted = [...state.accounts, ...state.nav].find((a) => a.portfolioExternalId && !portfolioIds.has(a.portfolioExternalId));
  if (unlisted) {
    throw new ConnectorError({
      kind: "bad_response",
      provider: "sync",
      message: `data for portfolio "${unlisted.portfolioExternalId}", which the venue did not list among its portfolios`,
    });
  }
  const accountIds = await materializeAccounts(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    accounts: state.accounts,
    portfolioIds,
  });
  const navAccounts = state.nav.flatMap((v) => (v.accountUid ? [{ accountUid: v.accountUid }] : []));
  const unknown = [...state.balances, ...state.positions, ...state.orders, ...state.fills, ...navAccounts].find(
    (item) => !accountIds.has(item.accountUid),
  );
  if (unknown) {
    throw new ConnectorError({
      kind: "bad_response",
      provider: "sync",
      message: `data for account "${unknown.accountUid}", which the venue did not list among its accounts`,
    });
  }
  const base = { ownerId: p.ownerId, batchId: p.batchId, accountIds };
  await replaceHoldings(tx, { ...base, at: p.at, balances: state.balances, positions: state.positions });
  const orderCounts = await materializeOrders(tx, { ...base, orders: state.orders });
  const fills = await appendFills(tx, { ...base, fills: state.fills });
  const valuations = await appendValuations(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    batchId: p.batchId,
    points: state.nav,
    portfolioIds,
    accountIds,
  });
  const snapshotId = await materializeSnapshot(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    capturedAt: p.at,
    batchId: p.batchId,
    baseCurrency: BASE_CURRENCY,
    balances: state.balances,
    positions: state.positions,
    prices: pricesInBase(state.quotes, BASE_CURRENCY),
  });
  return {
    snapshotId,
    counts: {
      accounts: accountIds.size,
      balances: state.balances.length,
      positions: state.positions.length,
      ...orderCounts,
      fills,
      snapshots: snapshotId ? 1 : 0,
      portfolios: portfolioIds.size,
      valuations,
    },
  };
}

function describeFailure(e: unknown): { kind: string; message: string; retryable: boolean } {
  if (isConnectorError(e)) return { kind: e.kind, message: e.message, retryable: e.retryable };
  const message = e instanceof Error ? e.message : String(e);
  return { kind: "internal", message, retryable: false };
}
