import { asc, desc, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";

/**
 * Keyset paging over a (timestamp, uuid) key, the shape of every history list (sync runs,
 * alerts), or a (timestamp, bigint) key where the tie-breaker is a sequence (order events): a cursor names one row's key and a direction, so "next" and "previous" are both
 * one indexed range read, however deep the page. The key travels as PostgreSQL's own text
 * of the timestamp (`::text`), which keeps its microseconds: a JS Date would round them
 * away and skip or repeat rows that share a millisecond.
 */
export interface KeysetCursor {
  /** The key's timestamp, as PostgreSQL printed it. */
  at: string;
  id: string;
  /** after: the rows following this one in the list's order; before: the rows preceding it. */
  dir: "after" | "before";
}

/** The tie-breaker's type: a row's uuid, or a bigint sequence (order_events.seq). */
export type KeysetIdType = "uuid" | "bigint";
const ID_SCHEMAS = { uuid: z.uuid(), bigint: z.string().regex(/^\d{1,19}$/) } as const;
const cursorSchema = (idType: KeysetIdType) => z.object({ at: z.string().min(1).max(64), id: ID_SCHEMAS[idType], dir: z.enum(["after", "before"]) });

export function encodeCursor(c: KeysetCursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

/** The cursor, or null for anything that is not one of ours (read as the first page). */
export function decodeCursor(text: string | null | undefined, idType: KeysetIdType = "uuid"): KeysetCursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema(idType).safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A table's columns, or expressions over a subquery (`sql\`f.occurred_at\``) for a list read with raw SQL. */
export interface KeysetColumns {
  at: AnyColumn | SQL;
  id: AnyColumn | SQL;
  /** uuid unless said otherwise. */
  idType?: KeysetIdType;
}

/** The range condition of a page: rows strictly past the cursor's key, in the read direction. */
export function keysetWhere(cols: KeysetColumns, cursor: KeysetCursor | null, descending: boolean): SQL | undefined {
  if (!cursor) return undefined;
  const below = descending === (cursor.dir === "after");
  const id = cols.idType === "bigint" ? sql`${cursor.id}::bigint` : sql`${cursor.id}::uuid`;
  return below ? sql`(${cols.at}, ${cols.id}) < (${cursor.at}::timestamptz, ${id})` : sql`(${cols.at}, ${cols.id}) > (${cursor.at}::timestamptz, ${id})`;
}

/** The read order: the list's own, or its reverse when walking back from a "before" cursor. */
export function keysetOrder(cols: KeysetColumns, cursor: KeysetCursor | null, descending: boolean): SQL[] {
  const down = descending !== (cursor?.dir === "before");
  return down ? [desc(cols.at), desc(cols.id)] : [asc(cols.at), asc(cols.id)];
}

/** The key of a row as the page query selected it: `keyText` is `sql\`${at}::text\``. */
export const keyText = (at: AnyColumn | SQL) => sql<string>`${at}::text`;

/**
 * Turns `limit + 1` rows read with keysetWhere/keysetOrder into a page in the list's order
 * and the cursors either side. A first page has no previous cursor; the page before a
 * "before" read is the first one when nothing lies past it.
 */
export function keysetResult<Row>(
  fetched: Row[],
  p: { cursor: KeysetCursor | null; limit: number; key: (row: Row) => { at: string; id: string } },
): { rows: Row[]; nextCursor: string | null; prevCursor: string | null } {
  const more = fetched.length > p.limit;
  const taken = fetched.slice(0, p.limit);
  const back = p.cursor?.dir === "before";
  const rows = back ? taken.reverse() : taken;
  const first = rows[0];
  const last = rows[rows.length - 1];
  const after = (r: Row) => encodeCursor({ ...p.key(r), dir: "after" });
  const before = (r: Row) => encodeCursor({ ...p.key(r), dir: "before" });
  if (back) return { rows, nextCursor: last ? after(last) : null, prevCursor: more && first ? before(first) : null };
  return { rows, nextCursor: more && last ? after(last) : null, prevCursor: p.cursor && first ? before(first) : null };
}
