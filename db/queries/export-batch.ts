import { sql, type SQL } from "drizzle-orm";
import type { OrderSide, OrderStatus } from "@/lib/connectors/types";
import { driverOf, type Db } from "../client";
import { executeRows } from "../execute-rows";

/**
 * What every export read shares (db/queries/export-*.ts). An export walks one dataset of one
 * workspace over [from, to) in time order, a batch at a time, each batch one indexed range
 * read past the previous batch's last key — never OFFSET, never the whole range at once — so
 * memory stays constant however long the range is.
 *
 * Every value comes back as text made by PostgreSQL: money as `numeric::text` (exact, never
 * through a JS number), instants as ISO-8601 UTC with microseconds (`isoUtc`), which is also
 * the key's form: it parses back to the same timestamptz exactly, so a batch boundary between
 * two rows of the same millisecond neither skips nor repeats a row.
 *
 * How a batch travels depends on the driver (`readExportBatchRows`, measured with
 * bench/export.ts): PGlite decodes every cell in JavaScript, so there PostgreSQL builds the
 * whole batch as one JSON text, parsed by the native JSON.parse (about 3× faster); postgres.js
 * decodes cells cheaply, and building JSON in the server cost it more than it saved, so there
 * the cells come as columns.
 */
export interface ExportKey {
  /** The key's instant, as isoUtc printed it. */
  at: string;
  /** The tie-breaker: the row's uuid, or its seq for order events. */
  id: string;
}

/** An exported row: its values as text in the dataset's column order, null for an empty cell. */
export type ExportRow = (string | null)[];

/** A dataset's columns in order: each name (stable, snake_case) with the SQL that makes its text. */
export type ExportColumnSql = ReadonlyArray<readonly [name: string, text: SQL]>;

/** The names of a dataset's columns, in order. */
export const columnNames = (columns: ExportColumnSql): string[] => columns.map(([name]) => name);

export interface ExportBatch {
  rows: ExportRow[];
  /** The last row's key, to read the next batch from; null when the batch was empty. */
  last: ExportKey | null;
}

export interface ExportRange {
  ownerId: string;
  /** Inclusive: an ISO-8601 instant with its offset, read by PostgreSQL (microseconds kept, which a JS Date would drop). */
  from: string;
  /** Exclusive, as `from`. */
  to: string;
  /** Read rows strictly after this key; null for the first batch (and for a whole-range COPY). */
  after: ExportKey | null;
}

/**
 * What one dataset's export reads: its columns, its `from … where` (range, keyset and
 * filters, without order or limit), its order (the keyset: instant, tie-breaker) and the
 * names of the columns holding the key. Read a batch at a time (readExportBatchRows) or, on
 * PostgreSQL, the whole range at once as CSV made by the server (./export-copy.ts).
 */
export interface ExportReadSpec {
  columns: ExportColumnSql;
  body: SQL;
  order: readonly [SQL, SQL];
  key: readonly [at: string, id: string];
}

/** The /orders filters as the order, order-event and fill exports apply them (lib/read-models/order-data.ts validates them). */
export interface ExportOrderFilters {
  connectionId?: string;
  accountId?: string;
  symbol?: string;
  side?: OrderSide;
  status?: OrderStatus;
  strategy?: string;
  /** A venue order id or a client order id, exactly. */
  find?: string;
}

/** SQL: an instant as ISO-8601 in UTC with microseconds ("2026-11-20T10:00:00.123456Z"). */
export const isoUtc = (at: SQL) => sql`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The range and keyset conditions over a (time, tie-breaker) key; `idType` casts the tie-breaker ("uuid", "bigint"). */
export function rangeAndKeyset(p: ExportRange, key: { at: SQL; id: SQL; idType: "uuid" | "bigint" }): SQL[] {
  const where = [sql`${key.at} >= ${p.from}::timestamptz`, sql`${key.at} < ${p.to}::timestamptz`];
  if (p.after) where.push(sql`(${key.at}, ${key.id}) > (${p.after.at}::timestamptz, ${p.after.id}::${sql.raw(key.idType)})`);
  return where;
}

/**
 * One batch: the rows of `body` (its `from … where`, without order or limit) in key order,
 * at most `limit`, each row its columns' text in order. `key` names the columns holding the
 * keyset's instant and tie-breaker (the same one twice for a unique instant).
 */
export async function readExportBatchRows(db: Db, p: ExportReadSpec, limit: number): Promise<ExportBatch> {
  const [k0, k1] = p.order;
  let rows: ExportRow[];
  if (driverOf(db) === "pglite") {
    const [row] = await executeRows<{ batch: string }>(
      db,
      sql`select coalesce(json_agg(x.r order by x.k0, x.k1), '[]')::text as batch from (
        select json_build_array(${sql.join(p.columns.map(([, text]) => text), sql`, `)}) as r, ${k0} as k0, ${k1} as k1
        ${p.body}
        order by ${k0}, ${k1}
        limit ${limit}
      ) x`,
    );
    rows = JSON.parse(row!.batch) as ExportRow[];
  } else {
    // Positional aliases: two columns may share a name in SQL (two to_char), never here.
    const aliases = p.columns.map((_, i) => `c${i}`);
    const cells = await executeRows<Record<string, string | null>>(
      db,
      sql`select ${sql.join(p.columns.map(([, text], i) => sql`${text} as ${sql.raw(aliases[i]!)}`), sql`, `)}
        ${p.body}
        order by ${k0}, ${k1}
        limit ${limit}`,
    );
    rows = cells.map((c) => aliases.map((a) => c[a] ?? null));
  }
  const names = columnNames(p.columns);
  const [at, id] = [names.indexOf(p.key[0]), names.indexOf(p.key[1])];
  if (at < 0 || id < 0) throw new Error(`export key ${p.key.join(", ")} is not among the columns`);
  const tail = rows[rows.length - 1];
  return { rows, last: tail ? { at: tail[at]!, id: tail[id]! } : null };
}
