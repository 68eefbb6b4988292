import type { Db } from "@/db/client";
import type { ExportBatch, ExportKey, ExportOrderFilters } from "@/db/queries/export-batch";
import { readCashFlowExportBatch } from "@/db/queries/export-cash-flows";
import { readFillExportBatch } from "@/db/queries/export-fills";
import { readOrderEventExportBatch, readOrderExportBatch } from "@/db/queries/export-orders";
import { readSnapshotExportBatch } from "@/db/queries/export-snapshots";
import type { RollupBucket } from "@/db/schema";

/**
 * The datasets an export may hold and their columns, in order. The columns are a contract
 * (docs/architecture.md, "Exports"): stable snake_case names, added to at the end, never
 * renamed. Money is an exact decimal string as PostgreSQL stores it, instants are ISO-8601
 * UTC with microseconds, ids are uuids (order events: their seq). Raw venue payloads are
 * never exported.
 */
export const EXPORT_DATASETS = ["orders", "order-events", "fills", "cash-flows", "snapshots"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

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

/** The time column each dataset's range applies to (the rows are in its order). */
export const EXPORT_TIME_COLUMN: Record<ExportDataset, string> = {
  orders: "placed_at",
  "order-events": "occurred_at",
  fills: "executed_at",
  "cash-flows": "occurred_at",
  snapshots: "bucket_start",
};

/** Which datasets take the /orders filters (the others take the range only; snapshots also a bucket). */
export const FILTERED_DATASETS: readonly ExportDataset[] = ["orders", "order-events", "fills"];

/** Everything one export reads with, already validated (lib/exports/request.ts). */
export interface ExportQuery {
  ownerId: string;
  baseCurrency: string;
  dataset: ExportDataset;
  /** ISO-8601 instants (lib/exports/request.ts): from included, to excluded. */
  from: string;
  to: string;
  filters: ExportOrderFilters;
  bucket: RollupBucket;
}

/** Reads the batch of `q`'s dataset after `after`. */
export function readExportBatch(db: Db, q: ExportQuery, after: ExportKey | null, limit: number): Promise<ExportBatch> {
  const range = { ownerId: q.ownerId, from: q.from, to: q.to, after, limit };
  switch (q.dataset) {
    case "orders":
      return readOrderExportBatch(db, { ...range, filters: q.filters });
    case "order-events":
      return readOrderEventExportBatch(db, { ...range, filters: q.filters });
    case "fills":
      return readFillExportBatch(db, { ...range, filters: q.filters });
    case "cash-flows":
      return readCashFlowExportBatch(db, { ...range, baseCurrency: q.baseCurrency });
    case "snapshots":
      return readSnapshotExportBatch(db, { ...range, bucket: q.bucket, baseCurrency: q.baseCurrency });
    default: {
      const unknown: never = q.dataset;
      throw new Error(`no export for ${String(unknown)}`);
    }
  }
}
