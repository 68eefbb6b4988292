import type { CsvCopy } from "@/db/queries/export-copy";
import { csvRecord } from "./csv";
import { EXPORT_FAILED_MESSAGE } from "./stream";

/**
 * A CSV export whose records PostgreSQL writes (db/queries/export-copy.ts), as the byte
 * stream lib/exports/stream.ts makes from batches: the header row first, then the server's
 * bytes with each record's LF turned into csv.ts's CRLF. Pulled: a chunk is taken from the
 * COPY when the reader asks for one, and the COPY's socket waits meanwhile, so memory stays
 * bounded. A failure part-way errors the stream (the HTTP body then ends without its final
 * chunk and the browser marks the download failed), as a failed batch does. A reader that
 * stops cancels the statement on the server.
 */
export function csvCopyStream(o: {
  columns: readonly string[];
  open: () => Promise<CsvCopy>;
  onError?: (e: unknown, bytesSent: number) => void;
  /** Called once, when the export has ended, failed or been cancelled. */
  onSettled?: () => void;
}): ReadableStream<Uint8Array> {
  let settled = false;
  const settle = () => {
    if (!settled) {
      settled = true;
      o.onSettled?.();
    }
  };
  let copy: CsvCopy | null = null;
  let chunks: AsyncIterator<Buffer> | null = null;
  const state = { quoted: false };
  let sent = 0;
  let stopped = false;
  return new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        controller.enqueue(new TextEncoder().encode(csvRecord(o.columns)));
      },
      async pull(controller) {
        try {
          if (!copy) {
            copy = await o.open();
            // The reader may have gone while the COPY was starting (it had the header already).
            if (stopped) return copy.cancel();
            // Not destroyed on return: cancel() drains instead, so postgres.js's connection is freed.
            chunks = copy.stream.iterator({ destroyOnReturn: false })[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
          }
          const next = await chunks!.next();
          if (stopped) return;
          if (next.done) {
            settle();
            return controller.close();
          }
          const out = lfToCrlf(next.value, state);
          sent += out.byteLength;
          controller.enqueue(out);
        } catch (e) {
          if (stopped) return;
          settle();
          o.onError?.(e, sent);
          controller.error(new Error(EXPORT_FAILED_MESSAGE));
        }
      },
      cancel() {
        stopped = true;
        copy?.cancel();
        settle();
      },
    },
    { highWaterMark: 1 },
  );
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/**
 * CSV bytes with record-ending LFs as CRLF. A LF inside a quoted field is part of the value
 * and stays as it is; `state.quoted` carries whether a chunk ends inside quotes to the next
 * (a doubled quote inside a field toggles twice, which leaves it right).
 */
export function lfToCrlf(chunk: Uint8Array, state: { quoted: boolean }): Uint8Array {
  const plain = !state.quoted && chunk.indexOf(QUOTE) < 0;
  let ends = 0;
  if (plain) {
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) ends++;
  } else {
    let quoted = state.quoted;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === LF && !quoted) ends++;
    }
  }
  if (ends === 0) {
    if (!plain) state.quoted = quotedAfter(chunk, state.quoted);
    return chunk;
  }
  const out = new Uint8Array(chunk.length + ends);
  let w = 0;
  let quoted = state.quoted;
  if (plain) {
    let from = 0;
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) {
      out.set(chunk.subarray(from, i), w);
      w += i - from;
      out[w++] = CR;
      out[w++] = LF;
      from = i + 1;
    }
    out.set(chunk.subarray(from), w);
  } else {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) quoted = !quoted;
      else if (b === LF && !quoted) out[w++] = CR;
      out[w++] = b;
    }
    state.quoted = quoted;
  }
  return out;
}

function quotedAfter(chunk: Uint8Array, quoted: boolean): boolean {
  for (let i = chunk.indexOf(QUOTE); i >= 0; i = chunk.indexOf(QUOTE, i + 1)) quoted = !quoted;
  return quoted;
}
