// npm run audit:verify [-- --workspace <slug> | --all] — re-walks the order-event hash chain
// of every account in the workspace (the only one when there is one; --all for every
// workspace) and reports the first broken link. Each account's result is recorded as its audit
// checkpoint (the only check that clears a break) and a newly broken chain raises a critical alert. Exit code 0 when intact, 1 when broken,
// 2 for a usage error. Uses DATABASE_URL, or the embedded PGlite directory (stop the app
// first: one process per directory).
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import { WorkspaceChoiceError, workspaceForCli } from "@/db/queries/workspaces";
import { webhookFromEnv } from "@/lib/alerts/webhook-config";
import { rewalkChains } from "@/lib/audit/rewalk";
import type { ChainScope } from "@/lib/audit/verify-chain";
import { databaseTarget, env } from "@/lib/env";

const USAGE = "Usage: npm run audit:verify -- [--workspace <slug> | --all]";

let values: { workspace?: string; all?: boolean };
try {
  ({ values } = parseArgs({ options: { workspace: { type: "string" }, all: { type: "boolean" } }, strict: true }));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(2);
}
if (values.all && values.workspace !== undefined) {
  console.error(`--workspace and --all exclude each other\n${USAGE}`);
  process.exit(2);
}

const handle = await openDb(databaseTarget(env()));
try {
  let scope: ChainScope;
  let where: string;
  if (values.all) {
    scope = { allWorkspaces: true };
    where = "every workspace";
  } else {
    const ws = await workspaceForCli(handle.db, values.workspace);
    scope = { ownerId: ws.id };
    where = `workspace ${ws.slug}`;
  }
  const t0 = performance.now();
  const report = await rewalkChains(handle.db, scope, { at: new Date(), webhook: webhookFromEnv() });
  const ms = Math.round(performance.now() - t0);
  if (report.broken) {
    const b = report.broken;
    console.error(`BROKEN in ${where}: account ${b.accountId}, event seq ${b.seq}: ${b.reason} (${b.detail})`);
    process.exitCode = 1;
  } else {
    console.log(`Intact: ${report.events} order events in ${report.accounts} account(s) of ${where} verified in ${ms} ms`);
  }
} catch (e) {
  if (!(e instanceof WorkspaceChoiceError)) throw e;
  console.error(`${e.message}\n${USAGE}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
