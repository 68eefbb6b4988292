import type { Db } from "@/db/client";
import type { ExportBatch, ExportKey, ExportOrderFilters } from "@/db/queries/export-batch";
import { readCashFlowExportBatch } from "@/db/queries/export-cash-flows";
import { readFillExportBatch } from "@/db/queries/export-fills";
import { readOrderEventExportBatch, readOrderExportBatch } from "@/db/queries/export-orders";
import { readSnapshotExportBatch } from "@/db/queries/export-snapshots";
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
