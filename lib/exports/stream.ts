import type { ExportBatch, ExportKey, ExportRow } from "@/db/queries/export-batch";
import { csvRecord } from "./csv";
import type { ExportFormat } from "./export-options";
import { ndjsonErrorLine, ndjsonLine } from "./ndjson";


/** Rows per read: one indexed range read of this many rows, serialised, sent, then the next. */
export const EXPORT_BATCH_SIZE = 5000;

/** What a reader of a broken export is told (the cause goes to the server log, never to the file). */
export const EXPORT_FAILED_MESSAGE = "The export failed part-way; this file is incomplete. Try again.";

export interface ExportStreamOptions {
  columns: readonly string[];
  format: ExportFormat;
  /** Reads the batch after `after` (null: the first), at most `limit` rows. */
  readBatch: (after: ExportKey | null, limit: number) => Promise<ExportBatch>;
  batchSize?: number;
  /** Told of a read that failed part-way (the route logs it). */
  onError?: (e: unknown, rowsSent: number) => void;
}

/** One batch as text in the format: CSV records or NDJSON lines, in the columns' order. */
export function encodeRows(rows: readonly ExportRow[], columns: readonly string[], format: ExportFormat): string {
  let out = "";
  const values: (string | null)[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i]!] ?? null;
    out += format === "csv" ? csvRecord(values) : ndjsonLine(columns, values);
  }
  return out;
}

/**
 * The export as a byte stream, pulled: the next batch is read only when the reader has taken
 * the previous one, so at most a batch or two is ever held, however many rows the range has
 * (constant memory, and a slow client slows the reads instead of filling the heap).
 * CSV starts with its header row. A batch shorter than the batch size is the last.
 *
 * A read that fails part-way never leaves a file that looks whole: an NDJSON export ends
 * with the line {"error": "..."}, a CSV export is aborted (the stream errors, so the HTTP
 * body ends without its final chunk and the browser marks the download failed). A reader
 * that stops (cancel) stops the reads.
 */
export function exportStream(o: ExportStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const limit = o.batchSize ?? EXPORT_BATCH_SIZE;
  let after: ExportKey | null = null;
  let first = true;
  let sent = 0;
  let stopped = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = first && o.format === "csv" ? csvRecord(o.columns) : "";
        first = false;
        try {
          const batch = await o.readBatch(after, limit);
          if (stopped) return;
          text += encodeRows(batch.rows, o.columns, o.format);
          sent += batch.rows.length;
          after = batch.last;
          if (text) controller.enqueue(encoder.encode(text));
          if (batch.rows.length < limit) controller.close();
        } catch (e) {
          if (stopped) return;
          o.onError?.(e, sent);
          if (o.format === "ndjson") {
            controller.enqueue(encoder.encode(text + ndjsonErrorLine(EXPORT_FAILED_MESSAGE)));
            controller.close();
          } else {
            controller.error(new Error(EXPORT_FAILED_MESSAGE));
          }
        }
      },
      cancel() {
        stopped = true;
      },
    },
    // One chunk (a batch) read ahead of the reader at most.
    { highWaterMark: 1 },
  );
}
