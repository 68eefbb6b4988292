import { getTableColumns, getTableName, sql, type InferInsertModel, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

// Rows per statement: one JSON parameter each, so only the statement's size bounds it.
const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts many rows in one statement with one parameter: the rows travel as a JSON array
 * and json_to_recordset turns them back into typed columns (json, not jsonb: it reads the
 * text once instead of building a jsonb value first). Building a multi-row VALUES
 * list costs a bind parameter (and its query-builder work) per cell, which dominates at
 * hundreds of rows; this costs one JSON.stringify.
 *
 * Only for columns whose driver value is their JSON value: text, numeric as a decimal
 * string, uuid, timestamps as a Date (ISO string), jsonb, boolean, integer. Columns a row
 * leaves undefined take their defaults; null stays NULL. Rows are inserted in the order
 * given (a serial column numbers them in that order). `tail` follows the SELECT (e.g. an
 * ON CONFLICT and a RETURNING clause); the rows it returns are returned.
 */
export async function insertJsonRows<T extends PgTable, R = Record<string, unknown>>(
  tx: Db,
  table: T,
  rows: InferInsertModel<T>[],
  tail?: SQL,
): Promise<R[]> {
  const returned: R[] = [];
  if (rows.length === 0) return returned;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => (rows[0] as Record<string, unknown>)[key] !== undefined);
  const names = sql.join(
    columns.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const types = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", "));
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT);
    // Keyed by column name, each row with the same keys as the first.
    const json = JSON.stringify(
      part.map((r) => {
        const out: Record<string, unknown> = {};
        for (const [key, c] of columns) {
          const v = (r as Record<string, unknown>)[key];
          out[c.name] = v === undefined ? null : v;
        }
        return out;
      }),
    );
    const got = await executeRows<R>(
      tx,
      sql`insert into ${sql.identifier(getTableName(table))} as t (${names}) select ${names} from rows from (json_to_recordset(${json}::json) as (${types})) with ordinality as x order by x.ordinality ${tail ?? sql``}`,
    );
    returned.push(...got);
  }
  return returned;
}
