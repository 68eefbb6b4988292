// npm run audit:verify — re-walks every account's order-event hash chain and reports the
// first broken link. Exit code 0 when intact, 1 when broken. Uses DATABASE_URL, or the
// embedded PGlite directory (stop the app first: one process per directory).
import { openDb } from "@/db/client";
import { verifyOrderEventChains } from "@/lib/audit/verify-chain";
import { databaseTarget, env } from "@/lib/env";

const e = env();
const handle = await openDb(databaseTarget(e));
try {
  const t0 = performance.now();
  const report = await verifyOrderEventChains(handle.db);
  const ms = Math.round(performance.now() - t0);
  if (report.broken) {
    const b = report.broken;
    console.error(`BROKEN: account ${b.accountId}, event seq ${b.seq}: ${b.reason} (${b.detail})`);
    process.exitCode = 1;
  } else {
    console.log(`Intact: ${report.events} order events in ${report.accounts} account(s) verified in ${ms} ms`);
  }
} finally {
  await handle.close();
}
