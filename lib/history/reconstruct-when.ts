import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { connectionsOfProviders, firstObservedAt, workspacesWithProviders } from "@/db/queries/history-runs";
import { redact } from "@/lib/security/redact";
import { historySourcesFor } from "./default-sources";
import { RECONSTRUCTABLE_PROVIDERS } from "./providers";
import type { HistorySources } from "./reconstruct-connection";
import { runReconstruction } from "./run-reconstruction";

/** Where a provider's past prices come from; tests pass a fake venue's. */
export type SourcesFor = (provider: string) => HistorySources;

export type NightlyReconstruction = {
  workspaces: number;
  connections: number;
  /** Connections whose history was (re)written. */
  reconstructed: number;
  /** Connections with no fill, deposit or withdrawal stored yet. */
  nothingToDo: number;
  failed: number;
};

/**
 * The nightly run (lib/schedules/definitions.ts "history-nightly", after the UTC day
 * closes): every live connection of a venue with a price source, workspace by workspace,
 * reconstructed again. Closes are stored for completed days only, so each night reads the
 * day that just closed (its candle is final now; one read per asset) and rewrites the
 * reconstructed days with it. The reconstruction is idempotent, so a retry or a second run
 * changes nothing. One connection's failure (a venue down, a base currency refused) is
 * counted and logged, and the others still run.
 */
export async function reconstructEveryConnection(db: Db, p: { now: Date; sourcesFor?: SourcesFor }): Promise<NightlyReconstruction> {
  const sourcesFor = p.sourcesFor ?? historySourcesFor;
  const owners = await workspacesWithProviders(db, RECONSTRUCTABLE_PROVIDERS);
  const out: NightlyReconstruction = { workspaces: owners.length, connections: 0, reconstructed: 0, nothingToDo: 0, failed: 0 };
  for (const ownerId of owners) {
    for (const c of await connectionsOfProviders(db, { ownerId, providers: RECONSTRUCTABLE_PROVIDERS })) {
      out.connections++;
      try {
        const r = await runReconstruction(db, { ownerId, connectionId: c.id, now: p.now, sources: () => sourcesFor(c.provider) });
        if (r) out.reconstructed++;
        else out.nothingToDo++;
      } catch (e) {
        out.failed++;
        console.error(`[history] nightly reconstruction of connection ${c.id} failed: ${redact(e instanceof Error ? e.message : String(e))}`);
      }
    }
  }
  return out;
}

export type AfterSyncReconstruction =
  | { done: true; written: number; residuals: number }
  | { done: false; reason: "nothing-older" | "no-price-source" | "nothing-to-reconstruct" | "failed" };

/**
 * After a sync, when it reached the past: the run stored a fill or a cash flow dated before
 * the connection's first observed snapshot (`earliestNewAt`, from the sync's result). That is
 *
 * - a new connection's first sync (the connector read the venue's whole fill history, and
 *   the snapshot this run took is the first observed one): "when a connection is added";
 * - a backfill: a later run that found older history (a Binance market discovered since,
 *   a deposit history read further back), which the reconstructed days must now include.
 *
 * Any other run adds only the present, which the nightly run takes in; this costs it one
 * indexed probe when the run stored something new, and nothing otherwise. Only venues with a
 * price source. Never throws: it runs after the answer, and a failure is logged and recorded
 * on the connection's history run (its page can run it again).
 */
export async function reconstructAfterSync(
  db: Db,
  p: { ownerId: string; connectionId: string; earliestNewAt: Date | null; now: Date; sourcesFor?: SourcesFor },
): Promise<AfterSyncReconstruction> {
  if (!p.earliestNewAt) return { done: false, reason: "nothing-older" };
  try {
    const conn = await getConnection(db, { ownerId: p.ownerId, connectionId: p.connectionId });
    if (!RECONSTRUCTABLE_PROVIDERS.includes(conn.provider)) return { done: false, reason: "no-price-source" };
    const observed = await firstObservedAt(db, p);
    if (observed && p.earliestNewAt >= observed) return { done: false, reason: "nothing-older" };
    const r = await runReconstruction(db, { ownerId: p.ownerId, connectionId: p.connectionId, now: p.now, sources: () => (p.sourcesFor ?? historySourcesFor)(conn.provider) });
    console.info(
      r
        ? `[history] connection ${p.connectionId}: ${r.written} days reconstructed after a sync that stored history from ${p.earliestNewAt.toISOString()} (${r.residuals.length} residuals)`
        : `[history] connection ${p.connectionId}: no fill, deposit or withdrawal to reconstruct from`,
    );
    return r ? { done: true, written: r.written, residuals: r.residuals.length } : { done: false, reason: "nothing-to-reconstruct" };
  } catch (e) {
    console.error(`[history] reconstruction after a sync of connection ${p.connectionId} failed: ${redact(e instanceof Error ? e.message : String(e))}`);
    return { done: false, reason: "failed" };
  }
}
