import { z } from "zod";

/**
 * The contract of a keyset-paginated list (orders, fills, syncs…): what a table asks for and
 * what the route answers. Cursors are opaque to the browser; the route encodes the position
 * and direction in them, so "previous" is just another cursor.
 */
export type KeysetSort = { id: string; desc: boolean };

export interface KeysetPageRequest {
  /** null: the first page. */
  cursor: string | null;
  limit: number;
  /** null: the list's own default order. */
  sort: KeysetSort | null;
  /** Only the filters in use, by filter id. */
  filters: Record<string, string>;
}

export interface KeysetPage<Row> {
  rows: Row[];
  /** null on the last page. */
  nextCursor: string | null;
  /** null on the first page, or when the page before is the first one. */
  prevCursor: string | null;
}

/** Validates a page response around the route's own row schema. */
export function keysetPageSchema<S extends z.ZodType>(row: S) {
  return z.object({ rows: z.array(row), nextCursor: z.string().nullable(), prevCursor: z.string().nullable() });
}

/**
 * A page request as the query string of a list route, in the data table's own URL shape
 * (`?cursor=…&limit=50&sort=startedAt.desc&status=failed`), so the route reads it with the
 * same parsers as the page's URL.
 */
export function keysetSearch(request: KeysetPageRequest): string {
  const q = new URLSearchParams();
  if (request.cursor) q.set("cursor", request.cursor);
  q.set("limit", String(request.limit));
  if (request.sort) q.set("sort", `${request.sort.id}.${request.sort.desc ? "desc" : "asc"}`);
  for (const [id, value] of Object.entries(request.filters).sort(([a], [b]) => a.localeCompare(b))) q.set(id, value);
  return `?${q.toString()}`;
}
