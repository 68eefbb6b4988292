import { syncConnection } from "@/lib/sync/sync-connection";
import { SYNC_RETRIES } from "@/lib/schedules/retry-policy";
import { runScheduledSync } from "@/lib/schedules/scheduled-sync";
import { reconstructAfterSync } from "@/lib/history/reconstruct-when";
import { inngest } from "../client";
import { connectionSyncRequested } from "../events";
import type { FunctionDeps } from "./deps";
import { logSyncFailure } from "./on-sync-failure";
import { toInngestError } from "./sync-errors";

/**
 * Per venue, at most 10 sync starts a minute, spaced evenly (one every 6 s). Many
 * connections on one exchange share its per-IP limits (Binance weights are per IP, not
 * per key); 10 runs of a few hundred weight each stay far inside them, and at a 5-minute
 * interval that still carries 50 connections per venue. Throttled runs wait; none is dropped.
 */
export const SYNC_THROTTLE = { limit: 10, period: "1m", key: "event.data.provider" } as const;

/**
 * One connection's sync. Concurrency 1 per connection: a second event for a connection
 * waits for the running one instead of racing it. Retries follow the shared failure
 * policy (`toInngestError`); a scheduled (cron) run first checks the connection is still
 * active, a manual one runs as asked.
 */
export function createSyncConnectionFunction(deps: Pick<FunctionDeps, "db" | "sync" | "now" | "historySources">) {
  const sync = deps.sync ?? syncConnection;
  return inngest.createFunction(
    {
      id: "sync-connection",
      name: "Sync one connection",
      triggers: [connectionSyncRequested],
      concurrency: { limit: 1, key: "event.data.connectionId" },
      throttle: SYNC_THROTTLE,
      retries: SYNC_RETRIES,
      onFailure: logSyncFailure,
    },
    async ({ event, step }) => {
      const { workspaceId, connectionId, trigger } = event.data;
      const synced = await step.run("sync", async () => {
        const db = await deps.db();
        try {
          const r =
            trigger === "cron"
              ? await runScheduledSync(db, { workspaceId, connectionId }, sync)
              : await sync(db, { ownerId: workspaceId, connectionId, trigger });
          if ("skipped" in r) return { skipped: r.skipped };
          return { batchId: r.batchId, counts: r.counts, durationMs: r.durationMs, earliestNewAt: r.earliestNewAt?.toISOString() ?? null };
        } catch (e) {
          throw toInngestError(e);
        }
      });
      // A run that stored fills or flows may have reached the past (a new connection's first
      // sync, a backfill): its connection's history is then reconstructed again. Only such
      // runs get the step (reconstruct-when.ts decides whether what they stored is older than
      // the first observed snapshot), so a routine cron run adds none.
      if ("batchId" in synced && synced.earliestNewAt) {
        const earliestNewAt = new Date(synced.earliestNewAt);
        await step.run("reconstruct-history", async () =>
          reconstructAfterSync(await deps.db(), { ownerId: workspaceId, connectionId, earliestNewAt, now: (deps.now ?? (() => new Date()))(), sourcesFor: deps.historySources }),
        );
      }
      return synced;
    },
  );
}
