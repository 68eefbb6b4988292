import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isConnectionDeleted } from "@/db/queries/connection-lifecycle";
import { lockConnectionHealth, saveConnectionHealth } from "@/db/queries/connections";
import { earliestPendingFlowAt } from "@/db/queries/cash-flows";
import { advanceCursors, advanceSweepCursors, readCursors, recordHeldAssets } from "@/db/queries/cursors";
import { failSyncBatch, finishSyncBatch, markSyncBatchRunning, type BatchApiStats } from "@/db/queries/sync-batches";
import { latestSnapshotInstant } from "@/db/queries/snapshot-gaps";
import { navCursor } from "@/db/queries/valuations";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import type { Connection } from "@/db/schema";
import { alertChainResults } from "@/lib/audit/chain-alerts";
import { verifyAccountIncremental, type AccountAudit } from "@/lib/audit/checkpoint";
import { afterFlowsChanged } from "@/lib/cash-flows/flows-changed";
import { createConnector } from "@/lib/connectors";
import type { Connector } from "@/lib/connectors/types";
import { defaultReferencePrices } from "@/lib/prices/default-source";
import { assetsToPrice, resolvePrices } from "@/lib/prices/resolve";
import { apiStats } from "./api-stats";
import { checkReferences } from "./check-references";
import { healthAfterSuccess } from "./connection-health";
import { faultPoint } from "./fault-point";
import { fetchVenueState, plannedStreams } from "./fetch-venue-state";
import { historyContext } from "./history-context";
import { ProgressRecorder } from "./progress";
import { recordFailure } from "./record-failure";
import { alertPartialSync, resolveSyncAlerts, resolveWebhook, type AlertContext } from "./sync-alerts";
import { SyncCancelledError, SyncFailedError, type SyncOptions, type SyncResult } from "./sync-types";
import { initialHistoryDays, planSyncWindow } from "./sync-window";
import { writeState } from "./write-state";

// The newest snapshot at any time (PostgreSQL timestamps end in the year 294276; this is well inside).
const END_OF_TIME = new Date("9999-12-31T00:00:00Z");

/**
 * One run of a queued batch. Reads the venue and resolves prices first (network, no
 * lock held), then writes everything in one transaction under the connection's advisory
 * lock: holdings, orders and their events, fills, NAV, raw responses, the snapshot, cash
 * flows (then transfers matched and the unitised series refreshed from the earliest), the
 * new order events' hash-chain links verified from each account's audit checkpoint, the
 * cursors of the streams that were read completely, the batch's outcome and the
 * connection's health. Any error before the commit leaves no trace but a failed batch.
 */
export async function runSync(
  db: Db,
  p: { conn: Connection; batchId: string; opts: SyncOptions & { now: () => Date } },
): Promise<SyncResult> {
  const { conn, batchId, opts } = p;
  const { now, ownerId } = opts;
  const scope = { ownerId, connectionId: conn.id };
  const webhook = resolveWebhook(opts.webhook);
  const alertContext = (at: Date): Omit<AlertContext, "db"> => ({ ...scope, label: conn.label, batchId, at, webhook });
  const t0 = performance.now();
  let connector: Connector | undefined;
  let api: BatchApiStats | undefined;
  let progress: ProgressRecorder | undefined;

  try {
    const venue = opts.connector ?? createConnector(conn, { now });
    connector = venue;
    // Progress is about the time a person waits: the wall clock, not the run's as-of clock.
    progress = new ProgressRecorder(db, batchId, plannedStreams(venue), {
      requests: () => venue.requestStats?.().requests ?? null,
    });
    const readAt = now();
    const window = planSyncWindow({
      now: readAt,
      trigger: opts.trigger,
      mode: opts.mode,
      backfillFrom: opts.backfillFrom,
      historyDays: initialHistoryDays(conn.config),
      cursors: await readCursors(db, scope),
      lastSuccessAt: conn.lastSuccessAt,
    });
    await markSyncBatchRunning(db, { batchId, mode: window.mode, progress: progress.snapshot() });
    progress.start();
    // A flow stored as pending is read again until it settles.
    const pendingSince = venue.capabilities.includes("cash_flows") ? await earliestPendingFlowAt(db, scope) : null;
    const fetched = await fetchVenueState(venue, {
      progress,
      ordersSince: window.since.orders,
      fillsSince: window.since.fills,
      cashFlows: {
        ...(window.since.cash_flows ? { since: window.since.cash_flows } : {}),
        ...(pendingSince ? { pendingSince } : {}),
      },
      nav: { lastBySeries: await navCursor(db, scope) },
      history: connector.usesHistoryContext ? await historyContext(db, scope) : {},
    });
    const { state, failures } = checkReferences(fetched);
    api = apiStats(venue, state.raw.length);
    const coverage = venue.readCoverage?.() ?? {};

    progress.stage("pricing");
    const reference = opts.referencePrices === undefined ? defaultReferencePrices() : opts.referencePrices;
    // The snapshot is valued in the workspace's currency as the run reads it; a change of
    // currency committed meanwhile leaves this one in the old currency, never shown (see rollups.ts).
    const { baseCurrency } = await getWorkspaceSettings(db, { ownerId });
    const priced = await resolvePrices({
      quotes: state.quotes,
      needed: assetsToPrice(state),
      base: baseCurrency,
      reference,
      log: opts.log ?? ((line) => console.warn(line)),
    });
    if (reference && priced.referenceQuotes.length > 0) {
      // Kept with the run's raw responses: which outside prices valued this snapshot.
      state.raw.push({ endpoint: `reference prices: ${reference.name}`, at: now(), body: priced.referenceQuotes });
    }
    const readStreams = window.cursorStreams.filter((s) => venue.capabilities.includes(s) && !failures.some((f) => f.stream === s));
    const at = now();
    const runApi = api;
    await progress.beginWriting({
      balances: state.balances.length,
      positions: state.positions.length,
      orders: state.orders.length,
      fills: state.fills.length,
      nav: state.nav.length,
      cashFlows: state.cashFlows.length,
    });
    const finalProgress = { ...progress.finish("done"), ...(coverage.notRead?.length ? { notRead: coverage.notRead } : {}) };
    await faultPoint("read");

    const outcome = await db.transaction(async (tx) => {
      // One writer per connection, across processes too (PostgreSQL); PGlite serialises anyway.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${conn.id}))`);
      // Deleting takes the same lock: a run that read the venue while the connection was
      // being deleted finds it deleted here and writes nothing.
      if (await isConnectionDeleted(tx, { connectionId: conn.id })) throw new SyncCancelledError();
      await faultPoint("tx:locked");
      // The clock may have gone back since the last run (an NTP step, a VM restored): what this
      // run writes is stamped just after the connection's newest snapshot, so the series keeps the
      // order the snapshots were taken in. A replay at the same instant still adds nothing.
      const newest = await latestSnapshotInstant(tx, { ...scope, asOf: END_OF_TIME });
      const asOf = newest && newest > at ? new Date(newest.getTime() + 1) : at;
      const written = await writeState(tx, { ...scope, provider: conn.provider, batchId, at: asOf, state, baseCurrency, prices: priced.prices });
      // New flows (or a status change): transfers matched again, the unitised series refreshed from the earliest.
      if (written.earliestFlowAt) await afterFlowsChanged(tx, { ownerId, from: written.earliestFlowAt });
      await faultPoint("tx:written");
      // The new events' chain links, checked under the lock that wrote them: the checkpoint
      // commits (or rolls back) with the events it covers.
      const audits: AccountAudit[] = [];
      for (const accountId of written.eventAccounts) audits.push(await verifyAccountIncremental(tx, { ownerId, accountId, at }));
      await faultPoint("tx:audited");
      await advanceCursors(tx, { ...scope, batchId, streams: readStreams, cursorAt: readAt, at });
      if (coverage.swept) {
        // A venue that sweeps markets by held asset (Binance): every asset seen held joins the
        // set for good; the swept markets' cursors move only with the fills they found.
        const held = [...new Set(state.balances.filter((b) => b.total !== "0").map((b) => b.asset))].sort();
        await recordHeldAssets(tx, { ...scope, batchId, assets: held, cursorAt: readAt, at });
        if (!failures.some((f) => f.stream === "fills")) {
          await advanceSweepCursors(tx, { ...scope, batchId, markets: coverage.swept.markets, cursorAt: coverage.swept.through, at });
        }
      }
      await faultPoint("tx:cursors");
      const durationMs = Math.round(performance.now() - t0);
      await finishSyncBatch(tx, { batchId, at, durationMs, counts: written.counts, failedStreams: failures, progress: finalProgress, ...runApi });
      const { health } = healthAfterSuccess(await lockConnectionHealth(tx, { connectionId: conn.id }));
      const partialError = failures.length > 0 ? `partial: ${failures.map((f) => `${f.stream}: ${f.message}`).join("; ")}` : null;
      await saveConnectionHealth(tx, { connectionId: conn.id, health, at, succeeded: true, lastError: partialError });
      await resolveSyncAlerts(tx, { ...scope, at, partial: failures.length > 0 });
      await faultPoint("tx:before-commit");
      return { ...written, audits, durationMs };
    });

    await faultPoint("committed");
    // After the commit: a channel's delivery must not hold the run's transaction.
    await alertChainResults(db, outcome.audits, { at, webhook });
    if (failures.length > 0) await alertPartialSync({ ...alertContext(at), db }, failures);
    return {
      batchId,
      status: failures.length > 0 ? "partial" : "succeeded",
      mode: window.mode,
      counts: outcome.counts,
      failedStreams: failures,
      unpriced: priced.unpriced,
      durationMs: outcome.durationMs,
      snapshotId: outcome.snapshotId,
      finishedAt: at,
      auditedEvents: outcome.audits.reduce((n, a) => n + a.hashed, 0),
      earliestNewAt: outcome.earliestNewAt,
    };
  } catch (e) {
    await progress?.settle();
    if (e instanceof SyncCancelledError) {
      // Not a failure of the venue or the credentials: no health change, no alert.
      await failSyncBatch(db, { batchId, at: now(), durationMs: Math.round(performance.now() - t0), errorKind: "cancelled", error: e.message, progress: progress?.finish("failed"), ...api });
      throw new SyncFailedError(batchId, "cancelled", false, e.message);
    }
    throw await recordFailure(db, {
      progress: progress?.finish("failed"),
      error: e,
      alert: alertContext(now()),
      durationMs: Math.round(performance.now() - t0),
      // Counted only where the client counts: a failed read captured nothing to count instead.
      api: api ?? (connector?.requestStats ? apiStats(connector, 0) : undefined),
    });
  }
}
