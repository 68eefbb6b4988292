// npm run db:backup [-- --out <file>] — a full backup of the database: with DATABASE_URL,
// `pg_dump -Fc` (custom format, for pg_restore); otherwise a gzipped tarball of the embedded
// PGlite data directory (stop the app first: one process per directory). Prints the row
// counts and money sums to compare a restore with. Stored venue credentials are in it
// encrypted; the key (CREDENTIALS_KEY / CREDENTIALS_KEY_FILE) is NOT, and must be kept apart.
import path from "node:path";
import { parseArgs } from "node:util";
import { openDb } from "@/db/client";
import { backupPgliteDir } from "@/lib/backup/pglite-backup";
import { backupPostgres } from "@/lib/backup/postgres-backup";
import { printSummary } from "@/lib/backup/print-summary";
import { databaseSummary } from "@/lib/backup/database-summary";
import { databaseTarget, env } from "@/lib/env";

const USAGE = "Usage: npm run db:backup -- [--out <file>]";
let values: { out?: string };
try {
  ({ values } = parseArgs({ options: { out: { type: "string" } }, strict: true }));
} catch (e) {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(2);
}

const target = databaseTarget(env());
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const out = values.out ?? path.join("backups", "url" in target ? `venuefolio-${stamp}.dump` : `venuefolio-${stamp}.tar.gz`);
try {
  const bytes = "url" in target ? backupPostgres({ url: target.url, out }) : await backupPgliteDir({ dataDir: target.dataDir, out });
  console.log(`Backup written: ${out} (${bytes} bytes)`);
  const handle = await openDb(target);
  try {
    printSummary(await databaseSummary(handle.db));
  } finally {
    await handle.close();
  }
  console.log("The stored venue credentials in it are encrypted; keep the key (CREDENTIALS_KEY or its key file) safe and apart: it is not in the backup.");
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
