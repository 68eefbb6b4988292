import type { AnyV1Route } from "./route-def";
import { getEquity } from "./routes/equity";
import { getSummary } from "./routes/summary";
import { getConnectionRoute, listConnectionsRoute } from "./routes/connections";
import { listCashFlows } from "./routes/cash-flows";
import { listHoldings, listPositions } from "./routes/holdings";
import { listFills } from "./routes/fills";
import { getOrder, listOrders } from "./routes/orders";
import { listQuantityChanges } from "./routes/quantity-changes";
import { listSnapshots } from "./routes/snapshots";
import { listSyncs, startSync } from "./routes/syncs";
import { listWorkspaces } from "./routes/workspaces";

/**
 * Every v1 route, in the order the OpenAPI document lists them. A route file serves one of
 * these (`v1Handler(route)`); registry.test.ts checks that every app/api/v1/**\/route.ts
 * has its entry here and every entry its file. Adding a resource: a file in routes/, a line
 * here, and a one-line route file.
 */
export const V1_ROUTES: readonly AnyV1Route[] = [
  listWorkspaces,
  listConnectionsRoute,
  getConnectionRoute,
  listHoldings,
  listPositions,
  listOrders,
  getOrder,
  listQuantityChanges,
  listFills,
  listSnapshots,
  getEquity,
  listCashFlows,
  getSummary,
  listSyncs,
  startSync,
];

/** The OpenAPI document's own path: public, it holds no data. */
export const OPENAPI_PATH = "/api/v1/openapi.json";
