// npm run db:migrate — applies the committed migrations to DATABASE_URL (PostgreSQL),
// or to the embedded PGlite directory when DATABASE_URL is unset.
import { openDb } from "@/db/client";
import { databaseTarget, env } from "@/lib/env";

const e = env();
const target = databaseTarget(e);
const t0 = performance.now();
const handle = await openDb(target);
await handle.close();
console.log(`Migrations applied (${handle.driver}${"dataDir" in target ? ` at ${target.dataDir}` : ""}) in ${Math.round(performance.now() - t0)} ms`);
