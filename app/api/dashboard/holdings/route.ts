// GET /api/dashboard/holdings — allocation by asset (latest snapshots) and open positions.
import { loadHoldings } from "@/lib/read-models/dashboard-data";
import { holdingsSchema } from "@/lib/read-models/dashboard-schemas";
import { failure, ok } from "@/lib/read-models/respond";
import { getRuntime } from "@/lib/runtime/app-db";

export async function GET() {
  try {
    const { handle, ownerId } = await getRuntime();
    return ok(holdingsSchema, await loadHoldings(handle.db, { ownerId }));
  } catch (e) {
    return failure(e);
  }
}
