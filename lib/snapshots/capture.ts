import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { portfolioSnapshots, snapshotHoldings } from "@/db/schema";
import { chunk } from "@/db/chunk";
import { calculateSnapshot, type SnapshotInput } from "./calculate";
import { refreshEquityRollups } from "./rollups";

export interface CaptureParams extends SnapshotInput {
  ownerId: string;
  connectionId: string;
  capturedAt: Date;
  batchId: string | null;
  /** Rebuilt from history (lib/history), not measured. */
  reconstructed?: boolean;
}

/**
 * Values the holdings and writes a snapshot with its per-symbol rows. Returns null when a
 * snapshot of this connection already exists at that instant (a replay adds nothing).
 */
export async function materializeSnapshot(tx: Db, p: CaptureParams): Promise<string | null> {
  const ids = await materializeSnapshots(tx, [p]);
  return ids[0] ?? null;
}

/**
 * Batch form for backfills: one round trip per 500 snapshots instead of one each. The
 * owners' equity roll-ups are brought up to date in the same transaction.
 */
export async function materializeSnapshots(tx: Db, items: CaptureParams[]): Promise<string[]> {
  const written: string[] = [];
  const earliestByOwner = new Map<string, number>();
  for (const part of chunk(items, 500)) {
    const drafts = part.map((p) => ({ p, id: randomUUID(), s: calculateSnapshot(p) }));
    const inserted = await tx
      .insert(portfolioSnapshots)
      .values(
        drafts.map(({ p, id, s }) => ({
          id,
          ownerId: p.ownerId,
          connectionId: p.connectionId,
          capturedAt: p.capturedAt,
          baseCurrency: p.baseCurrency,
          equity: s.equity.total,
          spotValue: s.equity.spotValue,
          fundingValue: s.equity.fundingValue,
          futuresWalletBalance: s.equity.futuresWalletBalance,
          unrealizedPnl: s.equity.unrealizedPnl,
          marginDebt: s.equity.marginDebt,
          longExposure: s.longExposure,
          shortExposure: s.shortExposure,
          grossExposure: s.grossExposure,
          netExposure: s.netExposure,
          leverage: s.leverage,
          unpricedAssets: s.equity.unpriced,
          marginUsed: s.margin.used,
          marginAvailable: s.margin.available,
          marginDetail: s.margin.detail,
          syncBatchId: p.batchId,
          reconstructed: p.reconstructed ?? false,
        })),
      )
      .onConflictDoNothing({ target: [portfolioSnapshots.connectionId, portfolioSnapshots.capturedAt] })
      .returning({ id: portfolioSnapshots.id });
    const kept = new Set(inserted.map((r) => r.id));
    const holdings = drafts.filter((d) => kept.has(d.id)).map(({ p, id, s }) => ({ snapshotId: id, ownerId: p.ownerId, rows: s.rows }));
    // One json parameter per document (read once), not JSON inside JSON rows.
    if (holdings.length > 0) await tx.insert(snapshotHoldings).values(holdings);
    for (const d of drafts) {
      if (!kept.has(d.id)) continue;
      written.push(d.id);
      const t = d.p.capturedAt.getTime();
      earliestByOwner.set(d.p.ownerId, Math.min(t, earliestByOwner.get(d.p.ownerId) ?? t));
    }
  }
  for (const [ownerId, from] of earliestByOwner) await refreshEquityRollups(tx, { ownerId, from: new Date(from) });
  return written;
}
