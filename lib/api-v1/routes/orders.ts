import { z } from "zod";
import { hasRole } from "@/lib/auth/roles";
import { loadOrderDetail, loadOrderPage, orderFiltersSchema } from "@/lib/read-models/order-data";
import { orderDetailSchema, orderViewSchema } from "@/lib/read-models/order-schemas";
import { itemEnvelope, listEnvelope } from "../envelope";
import { listOf, pageQuery, pageRequest } from "../pagination";
import { defineRoute } from "../route-def";

/** The /orders filters (strict: a value not allowed is a 400 naming it), and paging. */
const orderQuery = orderFiltersSchema.safeExtend(pageQuery).strict();

export const listOrders = defineRoute({
  method: "GET",
  path: "/api/v1/orders",
  operationId: "listOrders",
  tag: "Orders",
  summary: "The workspace's orders, newest placed first (current state of each)",
  description:
    "Filters as on /orders: connection, account, symbol, side, status, strategy tag, from/to (local days of the workspace's time zone, both included), find (a venue or client order id). Keyset-paginated.",
  role: "viewer",
  query: orderQuery,
  response: { name: "OrderList", schema: listEnvelope(orderViewSchema) },
  handle: async ({ scope, query }) => {
    const { cursor, limit, ...filters } = query;
    const page = await loadOrderPage(scope.db, { ownerId: scope.ownerId, timeZone: scope.workspace.timeZone, request: pageRequest({ cursor, limit }, {}), filters });
    return listOf(page, (o) => o);
  },
});

export const getOrder = defineRoute({
  method: "GET",
  path: "/api/v1/orders/{id}",
  operationId: "getOrder",
  tag: "Orders",
  summary: "One order: current state, its events (hash-chained, each marked verified) and fills",
  description: "Raw venue payloads (redacted) are given to admins only, null otherwise. Another workspace's order or a made-up id: 404.",
  role: "viewer",
  params: z.strictObject({ id: z.uuid() }),
  response: { name: "Order", schema: itemEnvelope(orderDetailSchema) },
  handle: async ({ scope, params }) => ({
    data: await loadOrderDetail(scope.db, { ownerId: scope.ownerId, orderId: params.id, admin: hasRole(scope.workspace.role, "admin") }),
  }),
});
