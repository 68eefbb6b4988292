// GET /api/dashboard/equity?range=24h|7d|30d|90d|all — the equity series, bucketed for the range.
import { z } from "zod";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { equityRangeSchema, equitySeriesSchema } from "@/lib/read-models/dashboard-schemas";
import { badRequest, failure, ok } from "@/lib/read-models/respond";
import { getRuntime } from "@/lib/runtime/app-db";

const querySchema = z.object({ range: equityRangeSchema.default("30d") });

export async function GET(request: Request) {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return badRequest(query.error);
  try {
    const { handle, ownerId } = await getRuntime();
    return ok(equitySeriesSchema, await loadEquitySeries(handle.db, { ownerId, range: query.data.range, now: new Date() }));
  } catch (e) {
    return failure(e);
  }
}
