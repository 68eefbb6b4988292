// GET /api/dashboard/summary — current equity, day change, components and each connection's sync state.
import { loadSummary } from "@/lib/read-models/dashboard-data";
import { summarySchema } from "@/lib/read-models/dashboard-schemas";
import { failure, ok } from "@/lib/read-models/respond";
import { getRuntime } from "@/lib/runtime/app-db";

export async function GET() {
  try {
    const { handle, ownerId } = await getRuntime();
    return ok(summarySchema, await loadSummary(handle.db, { ownerId, now: new Date() }));
  } catch (e) {
    return failure(e);
  }
}
