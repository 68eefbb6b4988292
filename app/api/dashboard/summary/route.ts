// GET /api/dashboard/summary — the active workspace's equity, day change, components and each connection's sync state.
import { guardRoute } from "@/lib/access/route";
import { loadSummary } from "@/lib/read-models/dashboard-data";
import { summarySchema } from "@/lib/read-models/dashboard-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) =>
    ok(summarySchema, await loadSummary(db, { ownerId, now: new Date(), baseCurrency: workspace.baseCurrency })),
  );
}
