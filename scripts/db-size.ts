// npm run db:size — every table's size on disk (pg_total_relation_size: heap, TOAST and
// indexes), largest first, with the database's total. Uses DATABASE_URL, or the embedded PGlite
// directory (stop the app first: one process per directory).
import { sql } from "drizzle-orm";
import { openDb } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { formatBytes, tableSizes } from "@/lib/retention/table-sizes";
import { databaseTarget, env } from "@/lib/env";

const handle = await openDb(databaseTarget(env()));
try {
  const sizes = await tableSizes(handle.db);
  const [db] = await executeRows<{ bytes: string | number }>(handle.db, sql`select pg_database_size(current_database()) as bytes`);
  const width = Math.max(...sizes.map((s) => s.table.length), 5);
  console.log(`${"table".padEnd(width)}  ${"total".padStart(10)}  ${"heap".padStart(10)}  ${"rows (est.)".padStart(12)}`);
  for (const s of sizes) {
    console.log(
      `${s.table.padEnd(width)}  ${formatBytes(s.totalBytes).padStart(10)}  ${formatBytes(s.heapBytes).padStart(10)}  ${(s.estimatedRows === null ? "-" : String(s.estimatedRows)).padStart(12)}`,
    );
  }
  const tables = sizes.reduce((a, s) => a + s.totalBytes, 0);
  console.log(`${"all tables".padEnd(width)}  ${formatBytes(tables).padStart(10)}`);
  console.log(`${"database".padEnd(width)}  ${formatBytes(Number(db!.bytes)).padStart(10)}  (pg_database_size, with the catalogue)`);
} finally {
  await handle.close();
}
