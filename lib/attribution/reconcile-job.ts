import type { Db } from "@/db/client";
import { deleteReconciliation, getSnapshotWithRows, insertReconciliation, listConnectionFills, listOwnerLatestSnapshots, listSnapshotsToReconcile } from "@/db/queries/attribution";
import { calculateAttribution } from "./calculate";

/** Ratios come from the engine as floats; stored as exact decimal text of that float. */
const ratio = (v: number | null) => (v === null || !Number.isFinite(v) ? null : String(v));

/**
 * Reconciles one snapshot: loads it, its rows and the connection's fills up to its instant,
 * attributes it (calculate.ts) and writes the reconciled rows, the account summary and one
 * strategy PnL point per strategy, in one transaction. Returns the rows written, or null
 * when the snapshot is not the owner's or was already reconciled. With `replace`, an
 * existing reconciliation of the snapshot is removed first, in the same transaction, and
 * written again from the fills stored now (a fill synced late counts).
 */
export async function materializeReconciliation(db: Db, p: { ownerId: string; snapshotId: string; now: Date; replace?: boolean }): Promise<number | null> {
  const loaded = await getSnapshotWithRows(db, p);
  if (!loaded) return null;
  const { snapshot, rows } = loaded;
  const fills = await listConnectionFills(db, { ownerId: p.ownerId, connectionId: snapshot.connectionId, until: snapshot.capturedAt });
  const result = calculateAttribution({ snapshot, rows, fills });

  const written = await db.transaction(async (tx) => {
    if (p.replace) await deleteReconciliation(tx, { ownerId: p.ownerId, snapshotId: snapshot.id });
    return insertReconciliation(tx, {
      summary: {
        snapshotId: snapshot.id,
        ownerId: p.ownerId,
        connectionId: snapshot.connectionId,
        capturedAt: snapshot.capturedAt,
        baseCurrency: snapshot.baseCurrency,
        ...result.summary,
        unpriced: result.unpriced,
        fillsUsed: fills.length,
        reconciledAt: p.now,
      },
      rows: result.rows.map((r) => ({
        symbol: r.symbol,
        strategy: r.strategy,
        kind: r.kind,
        quantity: r.quantity,
        averageCost: r.averageCost,
        marketPrice: r.marketPrice,
        marketValue: r.marketValue,
        quoteCurrency: r.quoteCurrency,
        fxRate: r.fxRate,
        valueBase: r.valueBase,
        unrealizedPnl: r.unrealizedPnl,
        navWeight: ratio(r.navWeight),
        pnlPct: ratio(r.pnlPct),
        closedAtVenue: r.closedAtVenue,
      })),
      strategies: result.strategies,
    });
  });
  return written ? result.rows.length : null;
}

/**
 * The hourly reconciliation: the newest snapshot of every active connection that is not
 * reconciled yet is attributed per strategy (see calculate.ts). Idempotent per snapshot:
 * a run with no new snapshot writes nothing. One connection failing does not stop the
 * others; the failures are thrown together at the end, after the rest is written.
 * Returns the connections reconciled and the reconciled rows written.
 */
export async function reconcileAll(db: Db, p: { now: Date }): Promise<{ connections: number; rows: number }> {
  const result = { connections: 0, rows: 0 };
  const failures: Error[] = [];
  for (const target of await listSnapshotsToReconcile(db, { asOf: p.now })) {
    try {
      const rows = await materializeReconciliation(db, { ownerId: target.ownerId, snapshotId: target.snapshotId, now: p.now });
      if (rows === null) continue;
      result.connections++;
      result.rows += rows;
    } catch (e) {
      failures.push(new Error(`reconcile of connection ${target.connectionId}, snapshot ${target.snapshotId}: ${e instanceof Error ? e.message : String(e)}`, { cause: e }));
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `reconciliation failed for ${failures.length} connection(s); ${result.connections} reconciled`);
  return result;
}

/**
 * "Run now" for one workspace: the newest snapshot of each of its active connections is
 * reconciled, again when it already was (replacing it, so the time of the last
 * reconciliation moves to `now` and late fills count). Failures are collected like the
 * hourly job's and thrown together after the rest is written.
 */
export async function reconcileWorkspace(db: Db, p: { ownerId: string; now: Date }): Promise<{ connections: number; rows: number }> {
  const result = { connections: 0, rows: 0 };
  const failures: Error[] = [];
  for (const target of await listOwnerLatestSnapshots(db, { ownerId: p.ownerId, asOf: p.now })) {
    try {
      const rows = await materializeReconciliation(db, { ownerId: p.ownerId, snapshotId: target.snapshotId, now: p.now, replace: true });
      if (rows === null) continue;
      result.connections++;
      result.rows += rows;
    } catch (e) {
      failures.push(new Error(`reconcile of connection ${target.connectionId}, snapshot ${target.snapshotId}: ${e instanceof Error ? e.message : String(e)}`, { cause: e }));
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `reconciliation failed for ${failures.length} connection(s); ${result.connections} reconciled`);
  return result;
}
