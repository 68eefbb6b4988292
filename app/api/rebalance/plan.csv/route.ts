// GET /api/rebalance/plan.csv?portfolio=…[&quotes=1] — the rebalance plan as a CSV attachment: one record per leg, exact decimals, the fee assumption and (quotes=1) the dry-run quote of each. A plan to read; nothing is executed.
import { guardRoute } from "@/lib/access/route";
import { planCsv, planFileName } from "@/lib/exports/rebalance-plan-csv";
import { parseRebalanceQuery } from "@/lib/read-models/rebalance-request";
import { badRequest } from "@/lib/read-models/respond";
import { buildRebalancePreview } from "@/lib/rebalance/preview";

export async function GET(request: Request) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const q = parseRebalanceQuery(new URL(request.url).searchParams);
    if (!q.success) return badRequest(q.error);
    const preview = await buildRebalancePreview(db, { ownerId, baseCurrency: workspace.baseCurrency, selection: q.data.portfolio, withQuotes: q.data.quotes });
    return new Response(planCsv(preview), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${planFileName(preview.portfolio, new Date())}"`,
        "cache-control": "no-store",
      },
    });
  });
}
