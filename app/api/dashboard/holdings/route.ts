// GET /api/dashboard/holdings — the active workspace's allocation by asset (latest snapshots) and open positions.
import { guardRoute } from "@/lib/access/route";
import { loadHoldings } from "@/lib/read-models/dashboard-data";
import { holdingsSchema } from "@/lib/read-models/dashboard-schemas";
import { ok } from "@/lib/read-models/respond";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) =>
    ok(holdingsSchema, await loadHoldings(db, { ownerId, baseCurrency: workspace.baseCurrency })),
  );
}
