import type { ExportDataset } from "./export-options";

/**
 * The datasets an export may hold and their columns, in order. The columns are a contract
 * (docs/architecture.md, "Exports"): stable snake_case names, added to at the end, never
 * renamed. Money is an exact decimal string as PostgreSQL stores it, instants are ISO-8601
 * UTC with microseconds, ids are uuids (order events: their seq). Raw venue payloads are
 * never exported.
 */
export const EXPORT_COLUMNS = {
  orders: [
    "id", "placed_at", "last_change_at", "connection_id", "connection_label", "account_id", "account_uid", "account_name",
    "venue_order_id", "client_order_id", "symbol", "side", "type", "status", "price", "quantity", "filled_quantity",
    "average_price", "strategy", "last_sync_batch_id",
  ],
  "order-events": [
    "seq", "occurred_at", "recorded_at", "order_id", "venue_order_id", "account_id", "account_uid", "symbol", "type",
    "status_before", "status_after", "quantity_before", "quantity_after", "filled_before", "filled_after", "sync_batch_id",
    "prev_hash", "hash",
  ],
  fills: [
    "id", "executed_at", "recorded_at", "account_id", "account_uid", "venue_fill_id", "venue_order_id", "client_order_id",
    "strategy", "symbol", "side", "price", "quantity", "fee", "fee_asset", "liquidity", "sync_batch_id",
  ],
  "cash-flows": [
    "id", "occurred_at", "recorded_at", "connection_id", "connection_label", "account_id", "account_uid", "portfolio_id", "kind",
    "income_kind", "asset", "amount", "fee", "fee_asset", "value_base", "base_currency", "price_source", "status", "venue_status",
    "source", "venue_flow_id", "tx_id", "network", "internal_reason", "reversed", "matched", "counted", "replaces_id", "description",
    "note",
  ],
  snapshots: ["bucket", "bucket_start", "last_at", "base_currency", "equity", "units", "nav_per_unit", "net_flows", "cum_net_flows"],
} as const satisfies Record<ExportDataset, readonly string[]>;
