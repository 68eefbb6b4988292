/** Splits rows so one INSERT stays far below PostgreSQL's 65,535 bind parameters. */
export function chunk<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
