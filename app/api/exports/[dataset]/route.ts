// GET /api/exports/[dataset]?format=csv|ndjson&from&to[&bucket][&connection&account&symbol&side&status&strategy&find] — the active workspace's orders, order-events, fills, cash-flows or snapshots over a range, streamed as a CSV or NDJSON attachment (docs/architecture.md, "Exports"). A bad dataset, format, range (over 366 days included) or filter is a 400 naming the field.
import { NextResponse } from "next/server";
import { guardRoute } from "@/lib/access/route";
import { exportResponse } from "@/lib/exports/export-response";
import { parseExportRequest } from "@/lib/exports/request";

export async function GET(request: Request, context: { params: Promise<{ dataset: string }> }) {
  return guardRoute(request, "viewer", async ({ db, ownerId, workspace }) => {
    const { dataset } = await context.params;
    const parsed = parseExportRequest(dataset, new URL(request.url).searchParams, workspace.timeZone);
    if (!parsed.ok) return NextResponse.json({ error: parsed.error, fields: parsed.fields }, { status: 400, headers: { "cache-control": "no-store" } });
    return exportResponse(db, { ownerId, baseCurrency: workspace.baseCurrency }, parsed.value);
  });
}
