import type { FilterDef, TableUrlConfig } from "@/components/data-table/url-state";
import { ORDER_SIDES, ORDER_STATUS_LABELS, ORDER_STATUSES } from "@/lib/read-models/order-schemas";

export interface OrderFilterChoices {
  connections: ReadonlyArray<{ id: string; label: string }>;
  accounts: ReadonlyArray<{ id: string; label: string }>;
}

/**
 * The filters /orders and /fills share, in their order (lib/read-models/trade-filters.ts
 * checks them): connection, account, symbol, side, then `middle` (/orders: status), strategy
 * tag, local days of `dated` (placed, executed; both ends included), a venue or client order id.
 */
export function tradeFilterDefs(choices: OrderFilterChoices, p: { dated: "Placed" | "Executed"; middle?: FilterDef[] }): FilterDef[] {
  return [
    { id: "connection", label: "Connection", options: choices.connections.map((c) => ({ value: c.id, label: c.label })) },
    { id: "account", label: "Account", options: choices.accounts.map((a) => ({ value: a.id, label: a.label })) },
    { id: "symbol", label: "Symbol" },
    { id: "side", label: "Side", options: ORDER_SIDES.map((s) => ({ value: s, label: s })) },
    ...(p.middle ?? []),
    { id: "strategy", label: "Strategy" },
    { id: "from", label: `${p.dated} from (YYYY-MM-DD)` },
    { id: "to", label: `${p.dated} to (YYYY-MM-DD)` },
    { id: "find", label: "Venue or client order id" },
  ];
}

/**
 * The /orders table's URL view (and GET /api/orders's query): newest placed first; by
 * connection, account, symbol, side, status, strategy tag, placed-at days (in the
 * workspace's zone, both ends included) and a venue or client order id.
 */
export function orderTableConfig(choices: OrderFilterChoices): TableUrlConfig {
  return {
    sortable: ["placedAt"],
    defaultSort: { id: "placedAt", desc: true },
    filters: tradeFilterDefs(choices, {
      dated: "Placed",
      middle: [{ id: "status", label: "Status", options: ORDER_STATUSES.map((s) => ({ value: s, label: ORDER_STATUS_LABELS[s] })) }],
    }),
  };
}
