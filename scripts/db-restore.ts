// npm run db:restore -- <file> [--force] — restores a db:backup file into the database the
// app is configured for (DATABASE_URL, or the embedded PGlite directory; stop the app first).
// A database that already holds data is refused unless --force (PGlite: the old directory is
// moved aside, not deleted; PostgreSQL: its objects are dropped and recreated in one
// transaction). Then applies any newer migrations, prints the row counts and money sums, and
// re-walks the audit chain as audit:verify does. Exit code 0 restored and intact, 1 failed or
// chain broken, 2 usage error or refused.
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import { rewalkChains } from "@/lib/audit/rewalk";
import { databaseSummary } from "@/lib/backup/database-summary";
import { restorePgliteDir } from "@/lib/backup/pglite-backup";
import { restorePostgres } from "@/lib/backup/postgres-backup";
import { printSummary } from "@/lib/backup/print-summary";
import { RestoreRefusedError } from "@/lib/backup/restore-refused";
import { databaseTarget, env } from "@/lib/env";

const USAGE = "Usage: npm run db:restore -- <backup file> [--force]";
let values: { force?: boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true, strict: true }));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(2);
}
if (positionals.length !== 1) {
  console.error(`Name one backup file\n${USAGE}`);
  process.exit(2);
}
const file = positionals[0]!;
const force = values.force === true;

const target = databaseTarget(env());
try {
  if ("url" in target) await restorePostgres({ file, url: target.url, force });
  else {
    const r = await restorePgliteDir({ file, dataDir: target.dataDir, force });
    if (r.movedAside) console.log(`The previous database was moved aside to ${r.movedAside}`);
  }
  console.log(`Restored ${file}`);
  const handle = await openDb(target);
  try {
    printSummary(await databaseSummary(handle.db));
    const report = await rewalkChains(handle.db, { allWorkspaces: true }, { at: new Date() });
    if (report.broken) {
      console.error(`Audit chain BROKEN: account ${report.broken.accountId}, event seq ${report.broken.seq}: ${report.broken.reason}`);
      process.exitCode = 1;
    } else console.log(`Audit chain intact: ${report.events} order events in ${report.accounts} account(s)`);
  } finally {
    await handle.close();
  }
  console.log("Stored venue credentials need the same encryption key as before (CREDENTIALS_KEY or its key file): it is not in the backup.");
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = e instanceof RestoreRefusedError ? 2 : 1;
}
