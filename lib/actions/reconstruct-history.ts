"use server";

import { z } from "zod";
import { getConnection } from "@/db/queries/connections";
import { actionClient } from "@/lib/access/action-client";
import { historySourcesFor, NoHistorySourceError } from "@/lib/history/default-sources";
import { runReconstruction } from "@/lib/history/run-reconstruction";
import { redact } from "@/lib/security/redact";

export type ReconstructAnswer =
  | { ok: true; written: number; until: string | null; residuals: number; fetchedCloses: number }
  | { ok: false; message: string };

/**
 * "Reconstruct history" on a connection's page (members and above): rebuilds its daily
 * history from fills, deposits, withdrawals and daily closes, before its first measured
 * snapshot (lib/history). Another workspace's connection is "not found" (404). Runs in the
 * request: a year of one connection costs a few seconds, most of it the first candle read.
 */
export const reconstructConnectionHistory = actionClient
  .metadata({ role: "member" })
  .inputSchema(z.object({ connectionId: z.uuid() }))
  .action(async ({ parsedInput, ctx }): Promise<ReconstructAnswer> => {
    const conn = await getConnection(ctx.db, { ownerId: ctx.ownerId, connectionId: parsedInput.connectionId });
    try {
      const out = await runReconstruction(ctx.db, { ownerId: ctx.ownerId, connectionId: conn.id, now: new Date(), sources: () => historySourcesFor(conn.provider) });
      if (!out) return { ok: false, message: "No fills, deposits or withdrawals stored for this connection yet: nothing to reconstruct from" };
      return { ok: true, written: out.written, until: out.lastAt?.toISOString() ?? null, residuals: out.residuals.length, fetchedCloses: out.fetchedCloses };
    } catch (e) {
      if (e instanceof NoHistorySourceError || e instanceof RangeError) return { ok: false, message: e.message };
      return { ok: false, message: `The reconstruction failed: ${redact(e instanceof Error ? e.message : String(e))}` };
    }
  });
