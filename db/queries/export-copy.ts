import type { Readable } from "node:stream";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { driverOf, type Db } from "../client";
import type { ExportReadSpec } from "./export-batch";

/**
 * A whole export range as CSV written by PostgreSQL (`COPY (select …) TO STDOUT`), streamed
 * off the socket: on PostgreSQL the batch reads' ceiling was the driver decoding each cell
 * and the CSV being built in JavaScript (issue 14's 1M-event export at ~50–80k rows/s, below
 * its 100k target); COPY hands over finished CSV bytes. One statement for the whole range
 * reads the index once in key order, as the batches did, and postgres.js pauses the socket
 * when the stream is not read (the server then waits on its send), so memory stays bounded
 * by the stream's buffer however long the range is.
 *
 * COPY takes no bind parameters, so the spec's parameters are written into the statement as
 * dollar-quoted literals (`$vf$…$vf$`, a tag the value does not contain): such a literal is
 * taken verbatim, whatever `standard_conforming_strings` says, so no quote or backslash in a
 * filter can end it. Values reaching here were validated by lib/exports/request.ts (uuids,
 * instants, an enum's words, a symbol or id as typed); a NUL, which PostgreSQL text cannot
 * hold, is refused. Hand-written because no driver or drizzle API inlines parameters for COPY.
 *
 * What PostgreSQL's CSV differs in, made equal to lib/exports/csv.ts here and in
 * lib/exports/copy-stream.ts: an empty string is written `""` (to tell it from NULL), so
 * every column is `nullif(…, '')` (csv.ts writes both as an empty field); records end in LF,
 * turned into CRLF as the bytes pass (a LF inside a quoted field is data and stays).
 */
export interface CsvCopy {
  /** The CSV records, without a header, each ending in LF. A server error (a cancel's included) or a lost connection destroys it with that error. */
  stream: Readable;
  /** Asks the server to stop the COPY (a client that went away) and drains what was already sent, so the connection returns to the pool. */
  cancel(): void;
}

const dialect = new PgDialect();

function literal(value: unknown, index: number): string {
  const text = typeof value === "string" ? value : typeof value === "number" && Number.isFinite(value) ? String(value) : null;
  if (text === null) throw new TypeError(`export parameter $${index} is a ${typeof value}, not text or a number`);
  if (text.includes("\0")) throw new RangeError(`export parameter $${index} holds a NUL character`);
  let tag = "vf";
  for (let n = 0; text.includes(`$${tag}$`); n++) tag = `vf${n}`;
  return `$${tag}$${text}$${tag}$`;
}

/** The COPY statement of a spec, its parameters written in as literals. */
export function copyCsvStatement(spec: ExportReadSpec): string {
  const [k0, k1] = spec.order;
  const select = sql`select ${sql.join(
    spec.columns.map(([, text], i) => sql`nullif(${text}, '') as ${sql.raw(`c${i}`)}`),
    sql`, `,
  )} ${spec.body} order by ${k0}, ${k1}`;
  const q = dialect.sqlToQuery(select);
  return `copy (${inlineParameters(q.sql, q.params)}) to stdout with (format csv)`;
}

/** Replaces each placeholder `$n` outside quoted text ('…' literals, "…" identifiers, which may hold a `$1` of their own) with its literal. */
export function inlineParameters(text: string, params: readonly unknown[]): string {
  let out = "";
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "$") {
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0];
      if (digits) {
        const n = Number(digits);
        if (n < 1 || n > params.length) throw new RangeError(`export statement names $${n}, but has ${params.length} parameters`);
        out += literal(params[n - 1], n);
        i += digits.length;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

interface PostgresQuery {
  readable(): Promise<Readable>;
  cancel(): void;
}

/** Starts the COPY of `spec` on PostgreSQL (postgres.js); resolves once the server has begun sending rows. */
export async function openCsvCopy(db: Db, spec: ExportReadSpec): Promise<CsvCopy> {
  if (driverOf(db) !== "postgres") throw new Error("COPY … TO STDOUT needs a PostgreSQL server (postgres.js); exports on PGlite go batch by batch");
  const client = (db as unknown as { $client: { unsafe(text: string): PostgresQuery } }).$client;
  const query = client.unsafe(copyCsvStatement(spec));
  // postgres.js resolves the query with the stream when the server starts the COPY; an error
  // after that (ErrorResponse, a dropped socket) destroys the stream with it.
  const stream = await query.readable();
  // postgres.js 3.4 pauses its socket when a CopyData fills the stream's buffer, and resumes it
  // only from the stream's read(). When CopyDone arrives in the same read, the stream ends and
  // read() is never called again: the socket stays paused and the connection's next query never
  // gets its reply (porsager/postgres#499, fix proposed in #1016; seen here as every query
  // hanging after a few exports). The stream's read() is postgres.js's `socket.resume()`, so
  // calling it once the stream is over frees the connection; on a flowing socket it does nothing.
  const resumeSocket = () => (stream as unknown as { _read(size: number): void })._read(0);
  stream.once("end", resumeSocket);
  stream.once("close", resumeSocket);
  return {
    stream,
    cancel() {
      query.cancel();
      // A destroyed stream would leave postgres.js's socket paused for good, and the server,
      // blocked on its send, would not get to the cancel: read on, discarding, until the
      // server's error ends the stream. By read(), not resume(): a reader's 'readable'
      // listener (an async iterator's) keeps a stream from flowing.
      const drain = () => {
        while (stream.read() !== null);
      };
      stream.on("error", () => {});
      stream.on("readable", drain);
      drain();
    },
  };
}
