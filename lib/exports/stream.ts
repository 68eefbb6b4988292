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

/** One batch as text in the format: CSV records or NDJSON lines, each row's values in the columns' order. */
export function encodeRows(rows: readonly ExportRow[], columns: readonly string[], format: ExportFormat): string {
  let out = "";
  for (const row of rows) out += format === "csv" ? csvRecord(row) : ndjsonLine(columns, row);
  return out;
}

/**
 * The export as a byte stream, pulled: a batch is read when the reader asks for more (and the
 * one after it is read meanwhile), so at most a few batches are ever held, however many rows
 * the range has (constant memory, and a slow client slows the reads instead of filling the heap).
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
  // The next batch, read while this one is serialised and sent (the database works while we do).
  let ahead: Promise<ExportBatch> | null = null;
  const read = (after: ExportKey | null) => {
    const p = o.readBatch(after, limit);
    p.catch(() => {}); // awaited by the next pull; this only keeps a failure from being reported as unhandled meanwhile
    return p;
  };
  let first = true;
  let sent = 0;
  let stopped = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let text = first && o.format === "csv" ? csvRecord(o.columns) : "";
        const pending = ahead ?? read(null);
        first = false;
        ahead = null;
        try {
          const batch = await pending;
          if (stopped) return;
          const more = batch.rows.length === limit;
          if (more) ahead = read(batch.last);
          text += encodeRows(batch.rows, o.columns, o.format);
          sent += batch.rows.length;
          if (text) controller.enqueue(encoder.encode(text));
          if (!more) controller.close();
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
    // One chunk (a batch) queued ahead of the reader at most.
    { highWaterMark: 1 },
  );
}
