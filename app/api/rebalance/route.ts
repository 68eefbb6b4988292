// GET /api/rebalance?portfolio=all|connection:<uuid>|portfolio:<uuid>[&quotes=1] — the selection's current weights against its saved targets, the suggested legs per venue with estimated fees, and (quotes=1) a dry-run OKX DEX quote per wallet leg. Preview only: nothing is executed. Another workspace's connection or portfolio is a 404.
import { guardRoute } from "@/lib/access/route";
import { parseRebalanceQuery } from "@/lib/read-models/rebalance-request";
import { badRequest, ok } from "@/lib/read-models/respond";
import { buildRebalancePreview } from "@/lib/rebalance/preview";
import { rebalancePreviewSchema } from "@/lib/rebalance/preview-schema";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const q = parseRebalanceQuery(new URL(request.url).searchParams);
    if (!q.success) return badRequest(q.error);
    const preview = await buildRebalancePreview(db, { ownerId, baseCurrency: workspace.baseCurrency, selection: q.data.portfolio, withQuotes: q.data.quotes });
    return ok(rebalancePreviewSchema, preview);
  });
}
