import type { Db } from "@/db/client";
import { readExportBatchRows, type ExportBatch, type ExportKey, type ExportOrderFilters, type ExportReadSpec } from "@/db/queries/export-batch";
import { cashFlowExportSpec } from "@/db/queries/export-cash-flows";
import { fillExportSpec } from "@/db/queries/export-fills";
import { orderEventExportSpec, orderExportSpec } from "@/db/queries/export-orders";
import { snapshotExportSpec } from "@/db/queries/export-snapshots";
import type { RollupBucket } from "@/db/schema";
import type { ExportDataset } from "./export-options";

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

/** What `q`'s dataset reads, from after `after` (null: the range's start) to the range's end. */
export function exportSpec(q: ExportQuery, after: ExportKey | null): ExportReadSpec {
  const range = { ownerId: q.ownerId, from: q.from, to: q.to, after };
  switch (q.dataset) {
    case "orders":
      return orderExportSpec({ ...range, filters: q.filters });
    case "order-events":
      return orderEventExportSpec({ ...range, filters: q.filters });
    case "fills":
      return fillExportSpec({ ...range, filters: q.filters });
    case "cash-flows":
      return cashFlowExportSpec({ ...range, baseCurrency: q.baseCurrency });
    case "snapshots":
      return snapshotExportSpec({ ...range, bucket: q.bucket, baseCurrency: q.baseCurrency });
    default: {
      const unknown: never = q.dataset;
      throw new Error(`no export for ${String(unknown)}`);
    }
  }
}

/** Reads the batch of `q`'s dataset after `after`. */
export function readExportBatch(db: Db, q: ExportQuery, after: ExportKey | null, limit: number): Promise<ExportBatch> {
  return readExportBatchRows(db, exportSpec(q, after), limit);
}
