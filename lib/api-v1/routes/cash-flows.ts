import { z } from "zod";
import { CASH_FLOW_KINDS, CASH_FLOW_STATUSES } from "@/lib/connectors/types";
import { loadFlowPage } from "@/lib/read-models/cash-flow-data";
import { CASH_FLOW_SOURCES, flowViewSchema } from "@/lib/read-models/cash-flow-schemas";
import { listEnvelope } from "../envelope";
import { listOf, pageQuery, pageRequest } from "../pagination";
import { defineRoute } from "../route-def";
import { idParam } from "../schemas";

/** The /flows filters, strictly (the page drops an unknown value; a script is told). */
const flowQuery = z.strictObject({
  connection: idParam("connection").optional(),
  kind: z.enum(CASH_FLOW_KINDS).optional(),
  status: z.enum(CASH_FLOW_STATUSES).optional(),
  source: z.enum(CASH_FLOW_SOURCES).optional(),
  counted: z.enum(["yes", "no"]).optional().describe("Only flows that count as external money for the workspace (yes), or only those that do not (no)."),
  find: z.string().trim().min(1).max(200).optional().describe("A flow, transaction or venue id."),
  ...pageQuery,
});

export const listCashFlows = defineRoute({
  method: "GET",
  path: "/api/v1/cash-flows",
  operationId: "listCashFlows",
  tag: "Cash flows",
  summary: "Deposits, withdrawals, income and other cash flows, newest first",
  description: "The current state of each flow, valued in the workspace's base currency at its time, with whether it counts and why (`counts`). Keyset-paginated.",
  role: "viewer",
  query: flowQuery,
  response: { name: "CashFlowList", schema: listEnvelope(flowViewSchema) },
  handle: async ({ scope, query }) => {
    const { cursor, limit, ...filters } = query;
    const page = await loadFlowPage(scope.db, { ownerId: scope.ownerId, baseCurrency: scope.workspace.baseCurrency, request: pageRequest({ cursor, limit }, filters) });
    return listOf(page, (f) => f);
  },
});
