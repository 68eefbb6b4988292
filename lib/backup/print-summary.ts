import type { DatabaseSummary } from "./database-summary";

/** The summary as the backup and restore scripts print it: non-empty tables, then every non-zero money sum. */
export function printSummary(s: DatabaseSummary, log: (line: string) => void = console.log): void {
  const rows = Object.entries(s.rows).filter(([, n]) => n > 0);
  log(`Rows: ${rows.map(([t, n]) => `${t} ${n}`).join(", ") || "none"}`);
  const sums = Object.entries(s.sums).filter(([, v]) => v !== "0");
  for (const [col, v] of sums) log(`  sum ${col} = ${v}`);
}
