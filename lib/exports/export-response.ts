import type { Db } from "@/db/client";
import { readExportBatch } from "./datasets";
import { EXPORT_COLUMNS } from "./export-columns";
import type { ExportRequest } from "./request";
import { exportStream } from "./stream";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" } as const;

/**
 * The response of an export: its rows streamed batch by batch (exportStream) as an
 * attachment named for the dataset and range, never cached. The status is sent before the
 * first row is read, so a failure part-way shows in the body (exportStream's rule), not
 * the status.
 */
export function exportResponse(db: Db, scope: { ownerId: string; baseCurrency: string }, req: ExportRequest, batchSize?: number): Response {
  const query = { ...scope, dataset: req.dataset, from: req.from, to: req.to, filters: req.filters, bucket: req.bucket };
  const body = exportStream({
    columns: EXPORT_COLUMNS[req.dataset],
    format: req.format,
    batchSize,
    readBatch: (after, limit) => readExportBatch(db, query, after, limit),
    onError: (e, rows) => console.error(`[export] ${req.dataset} failed after ${rows} rows: ${e instanceof Error ? e.message : String(e)}`),
  });
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[req.format],
      "content-disposition": `attachment; filename="${req.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
