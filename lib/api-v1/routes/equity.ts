import { z } from "zod";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { equityRangeSchema, equitySeriesSchema } from "@/lib/read-models/dashboard-schemas";
import { itemEnvelope } from "../envelope";
import { defineRoute } from "../route-def";

export const getEquity = defineRoute({
  method: "GET",
  path: "/api/v1/equity",
  operationId: "getEquity",
  tag: "Snapshots",
  summary: "The workspace's equity series (roll-ups) for a range, with NAV per unit and net flows",
  description:
    "The overview chart's series, in the workspace's base currency: 24h in 15-minute buckets, 7d hourly, 30d 6-hourly, 90d daily, all daily (weekly past ~1,000 days); days and weeks cut in its time zone. A point with `equity: null` marks a gap nobody measured.",
  role: "viewer",
  query: z.strictObject({ range: equityRangeSchema.default("30d").describe("How far back; 30d by default.") }),
  response: { name: "EquitySeries", schema: itemEnvelope(equitySeriesSchema) },
  handle: async ({ scope, query }) => {
    const { baseCurrency, timeZone } = scope.workspace;
    return { data: await loadEquitySeries(scope.db, { ownerId: scope.ownerId, range: query.range, now: new Date(), baseCurrency, timeZone }) };
  },
});
