import { CASH_FLOW_EXPORT_COLUMNS } from "@/db/queries/export-cash-flows";
import { FILL_EXPORT_COLUMNS } from "@/db/queries/export-fills";
import { ORDER_EVENT_EXPORT_COLUMNS, ORDER_EXPORT_COLUMNS } from "@/db/queries/export-orders";
import { SNAPSHOT_EXPORT_COLUMNS } from "@/db/queries/export-snapshots";
import type { ExportDataset } from "./export-options";

/**
 * The datasets' columns, in order, as their reads (db/queries/export-*.ts) define them, each
 * name beside the SQL that makes it. The columns are a contract (docs/architecture.md,
 * "Exports"): stable snake_case names, added to at the end, never renamed. Money is an exact
 * decimal string as PostgreSQL stores it, instants are ISO-8601 UTC with microseconds, ids
 * are uuids (order events: their seq). Raw venue payloads are never exported.
 */
export const EXPORT_COLUMNS: Record<ExportDataset, readonly string[]> = {
  orders: ORDER_EXPORT_COLUMNS,
  "order-events": ORDER_EVENT_EXPORT_COLUMNS,
  fills: FILL_EXPORT_COLUMNS,
  "cash-flows": CASH_FLOW_EXPORT_COLUMNS,
  snapshots: SNAPSHOT_EXPORT_COLUMNS,
};
