import { loadSummary } from "@/lib/read-models/dashboard-data";
import { summarySchema } from "@/lib/read-models/dashboard-schemas";
import { itemEnvelope } from "../envelope";
import { defineRoute } from "../route-def";

export const getSummary = defineRoute({
  method: "GET",
  path: "/api/v1/summary",
  operationId: "getSummary",
  tag: "Summary",
  summary: "What the overview shows: equity, the 24 h change, its components and each connection's sync state",
  description: "In the workspace's base currency; null totals before the first snapshot. The day change is flow-adjusted (or raw on roll-ups written before flows were counted: see dayChangeBasis).",
  role: "viewer",
  response: { name: "Summary", schema: itemEnvelope(summarySchema) },
  handle: async ({ scope }) => ({ data: await loadSummary(scope.db, { ownerId: scope.ownerId, now: new Date(), baseCurrency: scope.workspace.baseCurrency }) }),
});
