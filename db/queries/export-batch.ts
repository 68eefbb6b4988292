import { sql, type SQL } from "drizzle-orm";
import type { OrderSide, OrderStatus } from "@/lib/connectors/types";

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
 */
export interface ExportKey {
  /** The key's instant, as isoUtc printed it. */
  at: string;
  /** The tie-breaker: the row's uuid, or its seq for order events. */
  id: string;
}

/** An exported row: column name → value as text, null for an empty cell. */
export type ExportRow = Record<string, string | null>;

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
  /** Read rows strictly after this key; null for the first batch. */
  after: ExportKey | null;
  limit: number;
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

/** The batch and its last key, read from the columns that hold it. */
export function toBatch(rows: ExportRow[], atColumn: string, idColumn: string): ExportBatch {
  const tail = rows[rows.length - 1];
  return { rows, last: tail ? { at: tail[atColumn]!, id: tail[idColumn]! } : null };
}
