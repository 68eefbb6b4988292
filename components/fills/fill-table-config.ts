import type { TableUrlConfig } from "@/components/data-table/url-state";
import { tradeFilterDefs, type OrderFilterChoices } from "@/components/orders/order-table-config";

/**
 * The /fills table's URL view (and GET /api/fills's query): newest executed first; the
 * same filters as /orders (connection, account, symbol, side, strategy tag, executed-at
 * days in the workspace's zone, a venue or client order id) but status, which a fill has not.
 */
export function fillTableConfig(choices: OrderFilterChoices): TableUrlConfig {
  return { sortable: ["executedAt"], defaultSort: { id: "executedAt", desc: true }, filters: tradeFilterDefs(choices, { dated: "Executed" }) };
}
