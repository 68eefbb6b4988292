import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * The portfolio selector's filter on an id column: null means "no filter" (the whole
 * workspace), an empty list matches nothing (a portfolio with no accounts is empty, never
 * the whole workspace). One `= any($1::uuid[])` parameter however long the list.
 */
export function inIds(column: AnyColumn, ids: readonly string[] | null | undefined): SQL | undefined {
  if (ids === null || ids === undefined) return undefined;
  if (ids.length === 0) return sql`false`;
  return sql`${column} = any(${sql.param([...ids])}::uuid[])`;
}
