import { NonRetriableError, RetryAfterError } from "inngest";
import type { Db } from "@/db/client";
import { SyncFailedError, syncConnection } from "@/lib/sync/sync-connection";
import { inngest } from "../client";
import { connectionSyncRequested } from "../events";

export interface FunctionDeps {
  db: () => Promise<Db>;
}

/**
 * One connection's sync. Concurrency 1 per connection: a second event for a connection
 * waits for the running one instead of racing it. Transient venue errors are retried;
 * auth, permission and malformed responses are not.
 */
export function createSyncConnectionFunction(deps: FunctionDeps) {
  return inngest.createFunction(
    {
      id: "sync-connection",
      name: "Sync one connection",
      triggers: [connectionSyncRequested],
      concurrency: { limit: 1, key: "event.data.connectionId" },
      retries: 4,
    },
    async ({ event, step }) => {
      const { ownerId, connectionId, trigger } = event.data;
      return step.run("sync", async () => {
        const db = await deps.db();
        try {
          const r = await syncConnection(db, { ownerId, connectionId, trigger });
          return { batchId: r.batchId, counts: r.counts, durationMs: r.durationMs };
        } catch (e) {
          if (e instanceof SyncFailedError && !e.retryable) throw new NonRetriableError(e.message, { cause: e });
          if (e instanceof SyncFailedError && e.kind === "rate_limited") throw new RetryAfterError(e.message, "60s", { cause: e });
          throw e;
        }
      });
    },
  );
}
