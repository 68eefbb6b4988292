import type { Db } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, type ConnectionStatus } from "@/db/schema";
import type { SyncResult } from "@/lib/sync/sync-connection";

/** The instant the fixture is read at. */
export const T0 = new Date("2026-03-02T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/**
 * Connections covering every case the schedules decide on, read at T0 (ids are fixed so
 * jitters are known: A has 10 s at 300 s, B has 4 s at 60 s).
 */
export const FIXTURE = {
  /** binance, 300 s, last run ended T0−310 s: due exactly at T0. */
  dueNow: "3f1c2b9e-8a41-4d2e-9c7b-5e0a1d2f3b4c",
  /** okx, 60 s, last run ended T0−30 s: due T0+34 s, inside the coming minute. */
  dueSoon: "9b2e4c1a-7d3f-4e8b-a6c5-1f0e2d3c4b5a",
  /** binance, last run ended T0−200 s: due T0+100 s + jitter, after the coming minute. */
  notYet: "a1000000-0000-4000-8000-000000000001",
  /** binance, overdue, but the venue said Retry-After until T0+120 s. */
  retryLater: "a1000000-0000-4000-8000-000000000002",
  /** okx_web3, last run ended T0−100 s: due after 600 s. */
  wallet: "a1000000-0000-4000-8000-000000000003",
  /** binance, never synced, but paused by the failure policy. */
  paused: "a1000000-0000-4000-8000-000000000004",
  /** demo, needs attention (auth failed). */
  needsAttention: "a1000000-0000-4000-8000-000000000005",
  /** groww, active: synced by its 16:00 IST schedule only. */
  groww: "a1000000-0000-4000-8000-000000000006",
  /** groww, active, Retry-After until T0+90 s. */
  growwRetryLater: "a1000000-0000-4000-8000-000000000007",
  /** groww, paused. */
  growwPaused: "a1000000-0000-4000-8000-000000000008",
} as const;

type Row = { id: string; provider: string; status?: ConnectionStatus; syncIntervalSeconds?: number; lastSyncAt?: Date | null; retryNotBefore?: Date | null };

export async function seedScheduleFixture(db: Db): Promise<{ ownerId: string }> {
  const ownerId = (await ensurePersonalWorkspace(db)).id;
  const rows: Row[] = [
    { id: FIXTURE.dueNow, provider: "binance", lastSyncAt: at(-310) },
    { id: FIXTURE.dueSoon, provider: "okx", syncIntervalSeconds: 60, lastSyncAt: at(-30) },
    { id: FIXTURE.notYet, provider: "binance", lastSyncAt: at(-200) },
    { id: FIXTURE.retryLater, provider: "binance", lastSyncAt: at(-400), retryNotBefore: at(120) },
    { id: FIXTURE.wallet, provider: "okx_web3", lastSyncAt: at(-100) },
    { id: FIXTURE.paused, provider: "binance", status: "paused", lastSyncAt: null },
    { id: FIXTURE.needsAttention, provider: "demo", status: "needs_attention", lastSyncAt: at(-3600) },
    { id: FIXTURE.groww, provider: "groww", lastSyncAt: at(-86_400) },
    { id: FIXTURE.growwRetryLater, provider: "groww", lastSyncAt: at(-86_400), retryNotBefore: at(90) },
    { id: FIXTURE.growwPaused, provider: "groww", status: "paused" },
  ];
  await db.insert(connections).values(
    rows.map((r, i) => ({
      id: r.id,
      ownerId,
      provider: r.provider,
      label: `fixture ${i}`,
      status: r.status ?? "active",
      syncIntervalSeconds: r.syncIntervalSeconds ?? 300,
      lastSyncAt: r.lastSyncAt ?? null,
      retryNotBefore: r.retryNotBefore ?? null,
      // Created in row order, a day before T0.
      createdAt: at(-86_400 + i),
    })),
  );
  return { ownerId };
}

/** What a successful sync returns, for tests that stand in for `syncConnection`. */
export function fakeSyncResult(batchId: string): SyncResult {
  return {
    batchId,
    status: "succeeded",
    mode: "incremental",
    counts: { accounts: 1, balances: 3, positions: 0, ordersNew: 0, ordersChanged: 0, orderEvents: 0, fills: 0, snapshots: 1 },
    failedStreams: [],
    unpriced: [],
    durationMs: 12,
    snapshotId: null,
    finishedAt: T0,
    auditedEvents: 0,
    earliestNewAt: null,
  };
}
