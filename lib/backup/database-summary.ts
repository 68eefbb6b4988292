import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

export interface DatabaseSummary {
  /** Rows per table of the public schema. */
  rows: Record<string, number>;
  /** "table.column" → the exact sum of every numeric (money) column, as PostgreSQL's numeric text. */
  sums: Record<string, string>;
}

/**
 * Every table's row count and the exact sum of every numeric column, summed in SQL (numeric
 * arithmetic, no float on the way): two databases with equal summaries hold the same amounts.
 * What db:backup prints and db:restore checks the restored copy against.
 */
export async function databaseSummary(db: Db): Promise<DatabaseSummary> {
  const cols = await executeRows<{ table_name: string; column_name: string | null }>(
    db,
    sql`select t.table_name, c.column_name
        from information_schema.tables t
        left join information_schema.columns c
          on c.table_schema = t.table_schema and c.table_name = t.table_name and c.data_type = 'numeric'
        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by t.table_name, c.column_name`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of cols) {
    const list = byTable.get(c.table_name) ?? [];
    if (c.column_name) list.push(c.column_name);
    byTable.set(c.table_name, list);
  }
  const summary: DatabaseSummary = { rows: {}, sums: {} };
  for (const [table, numeric] of byTable) {
    const sums = numeric.map((c) => sql`coalesce(sum(${sql.identifier(c)}), 0)::text as ${sql.identifier(c)}`);
    const [r] = await executeRows<Record<string, string | number>>(
      db,
      sql`select ${sql.join([sql`count(*)::int as "__rows"`, ...sums], sql`, `)} from ${sql.identifier(table)}`,
    );
    summary.rows[table] = Number(r!.__rows);
    for (const c of numeric) summary.sums[`${table}.${c}`] = String(r![c]);
  }
  return summary;
}
