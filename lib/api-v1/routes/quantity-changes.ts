import { z } from "zod";
import { loadQuantityChanges } from "@/lib/read-models/quantity-change-data";
import { quantityChangeViewSchema, symbolSchema } from "@/lib/read-models/quantity-change-schemas";
import { listEnvelope } from "../envelope";
import { listOf, pageQueryOf } from "../pagination";
import { defineRoute } from "../route-def";

/** The symbol is a query parameter, not a path segment: symbols hold "/" and ":" (BTC/USDT:USDT). */
const quantityChangeQuery = z.strictObject({ symbol: symbolSchema.describe("The unified symbol, e.g. BTC/USDT (URL-encoded)."), ...pageQueryOf("bigint") });

export const listQuantityChanges = defineRoute({
  method: "GET",
  path: "/api/v1/quantity-changes",
  operationId: "listQuantityChanges",
  tag: "Orders",
  summary: "Every QUANTITY_ADDED and QUANTITY_REMOVED order event of one symbol, across the workspace's accounts, in time order",
  description: "Oldest first by the venue's time, then the order the events were recorded in. Each with the quantity before and after and the exact delta. Keyset-paginated.",
  role: "viewer",
  query: quantityChangeQuery,
  response: { name: "QuantityChangeList", schema: listEnvelope(quantityChangeViewSchema) },
  handle: async ({ scope, query }) => {
    const page = await loadQuantityChanges(scope.db, { ownerId: scope.ownerId, symbol: query.symbol, request: { cursor: query.cursor ?? null, limit: query.limit } });
    return listOf(page, (c) => c);
  },
});
