import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";

export interface TableSize {
  table: string;
  /** pg_total_relation_size: heap, TOAST and every index. */
  totalBytes: number;
  /** The heap alone (pg_relation_size); TOAST and indexes make up the rest. */
  heapBytes: number;
  /** Estimated rows (pg_class.reltuples, as of the last ANALYZE or VACUUM); null before either. */
  estimatedRows: number | null;
}

/** The size of every table of the public schema, largest first. The same query runs on PGlite. */
export async function tableSizes(db: Db): Promise<TableSize[]> {
  const rows = await executeRows<{ table_name: string; total: string | number; heap: string | number; tuples: string | number }>(
    db,
    sql`select c.relname as table_name, pg_total_relation_size(c.oid) as total, pg_relation_size(c.oid) as heap, c.reltuples as tuples
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p')
        order by pg_total_relation_size(c.oid) desc, c.relname`,
  );
  return rows.map((r) => ({
    table: r.table_name,
    totalBytes: Number(r.total),
    heapBytes: Number(r.heap),
    estimatedRows: Number(r.tuples) < 0 ? null : Math.round(Number(r.tuples)),
  }));
}

export function formatBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
