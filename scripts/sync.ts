// npm run sync -- --connection <id> [--mode backfill|repair] — syncs one connection from
// a shell: prints the batch id at once, follows the run, then prints its status and
// counts. Exit code 0 succeeded, 2 partial (some streams failed, the rest committed),
// 1 failed. Runs in this process whether or not Inngest carries the app's syncs. Uses
// DATABASE_URL, or the embedded PGlite directory (which only one process may open).
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDb, type DbHandle } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";
import { getConnection } from "@/db/queries/connections";
import { workspaceForCli } from "@/db/queries/workspaces";
import { getSyncBatch } from "@/db/queries/sync-batches";
import { OPEN_SYNC_STATUSES, type SyncStatus } from "@/db/schema";
import { databaseTarget, env } from "@/lib/env";
import { toSyncBatchView } from "@/lib/read-models/sync-batch-view";
import { startSync, SyncFailedError } from "@/lib/sync/sync-connection";

const argsSchema = z.object({
  connection: z.uuid({ message: "--connection must be a connection id (a UUID)" }),
  mode: z.enum(["backfill", "repair"]).optional(),
  workspace: z.string().min(1).optional(),
});
const POLL_MS = 1_000;

function parseCli(): z.infer<typeof argsSchema> {
  const { values } = parseArgs({
    options: { connection: { type: "string" }, mode: { type: "string" }, workspace: { type: "string" } },
    strict: true,
  });
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(`Usage: npm run sync -- --connection <id> [--workspace <slug>] [--mode backfill|repair]\n${parsed.error.issues.map((i) => i.message).join("\n")}`);
    process.exit(1);
  }
  return parsed.data;
}

async function open(): Promise<DbHandle> {
  const e = env();
  try {
    return await openDb(databaseTarget(e));
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(
        `${err.message}\nThe app is probably running: press Resync in it, or stop it (or set DATABASE_URL to a PostgreSQL server both can share) and run this again.`,
      );
      process.exit(1);
    }
    throw err;
  }
}

const args = parseCli();
const handle = await open();
try {
  // The connection must be in the workspace named (or the only one): another workspace's is "not found".
  const ownerId = (await workspaceForCli(handle.db, args.workspace)).id;
  await getConnection(handle.db, { ownerId, connectionId: args.connection });
  const started = await startSync(handle.db, { ownerId, connectionId: args.connection, trigger: "manual", mode: args.mode, log: (l) => console.warn(l) });
  console.log(`batch ${started.batchId}`);

  // Follow the batch row as any other client would; the run itself is in this process.
  let settled = false;
  const outcome = started.done.then(
    () => null,
    (e: unknown) => e,
  );
  void outcome.finally(() => (settled = true));
  let last: SyncStatus | undefined;
  for (;;) {
    const runEnded = settled;
    const batch = await getSyncBatch(handle.db, { ownerId, batchId: started.batchId });
    if (batch.status !== last) console.log(`status ${batch.status}${batch.mode ? ` (${batch.mode})` : ""}`);
    last = batch.status;
    // Stop when the row says so, or once the run has ended even if it could not record that.
    if (runEnded || !(OPEN_SYNC_STATUSES as readonly string[]).includes(batch.status)) break;
    await Promise.race([outcome, new Promise((r) => setTimeout(r, POLL_MS))]);
  }
  const unexpected = await outcome;
  if (unexpected && !(unexpected instanceof SyncFailedError)) throw unexpected;

  const view = toSyncBatchView(await getSyncBatch(handle.db, { ownerId, batchId: started.batchId }));
  console.log(JSON.stringify({ status: view.status, durationMs: view.durationMs, apiCalls: view.apiCalls, counts: view.counts }, null, 2));
  if (view.error) console.error(`${view.status === "partial" ? "failed streams" : "error"}: ${view.error}`);
  process.exitCode = view.status === "succeeded" ? 0 : view.status === "partial" ? 2 : 1;
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
} finally {
  await handle.close();
}
