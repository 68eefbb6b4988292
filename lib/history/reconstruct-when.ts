import type { Db } from "@/db/client";
import { getConnection } from "@/db/queries/connections";
import { connectionsOfProviders, savedRunCount, workspacesWithProviders } from "@/db/queries/history-runs";
import { redact } from "@/lib/security/redact";
import { HISTORY_PROVIDERS, historySourcesFor } from "./default-sources";
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
  const owners = await workspacesWithProviders(db, HISTORY_PROVIDERS);
  const out: NightlyReconstruction = { workspaces: owners.length, connections: 0, reconstructed: 0, nothingToDo: 0, failed: 0 };
  for (const ownerId of owners) {
    for (const c of await connectionsOfProviders(db, { ownerId, providers: HISTORY_PROVIDERS })) {
      out.connections++;
      try {
        const r = await runReconstruction(db, { ownerId, connectionId: c.id, now: p.now, sources: sourcesFor(c.provider) });
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

export type FirstSyncReconstruction =
  | { done: true; written: number; residuals: number }
  | { done: false; reason: "not-first-sync" | "no-price-source" | "nothing-to-reconstruct" | "failed" };

/**
 * "When a connection is added": once its first sync has saved (the connector read the
 * venue's whole fill history), its past is reconstructed from those fills, before anyone
 * asks. Called after every manual sync (the add wizard's first sync, in this process or
 * through Inngest); it acts only when that run was the connection's first to save data,
 * and only for venues with a price source. Never throws: it runs after the answer, and a
 * failure is logged (the connection's page can run it again).
 */
export async function reconstructAfterFirstSync(db: Db, p: { ownerId: string; connectionId: string; now: Date; sourcesFor?: SourcesFor }): Promise<FirstSyncReconstruction> {
  try {
    const conn = await getConnection(db, { ownerId: p.ownerId, connectionId: p.connectionId });
    if (!HISTORY_PROVIDERS.includes(conn.provider)) return { done: false, reason: "no-price-source" };
    if ((await savedRunCount(db, p)) !== 1) return { done: false, reason: "not-first-sync" };
    const r = await runReconstruction(db, { ownerId: p.ownerId, connectionId: p.connectionId, now: p.now, sources: (p.sourcesFor ?? historySourcesFor)(conn.provider) });
    console.info(
      r
        ? `[history] connection ${p.connectionId}: ${r.written} days reconstructed after its first sync (${r.residuals.length} residuals)`
        : `[history] connection ${p.connectionId}: no fill, deposit or withdrawal after its first sync, nothing to reconstruct`,
    );
    return r ? { done: true, written: r.written, residuals: r.residuals.length } : { done: false, reason: "nothing-to-reconstruct" };
  } catch (e) {
    console.error(`[history] reconstruction after the first sync of connection ${p.connectionId} failed: ${redact(e instanceof Error ? e.message : String(e))}`);
    return { done: false, reason: "failed" };
  }
}
