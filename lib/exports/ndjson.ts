/**
 * NDJSON: one JSON object per line, "\n"-terminated. Keys are the dataset's columns in
 * their documented order; every value is a string or null (money as exact decimal strings,
 * never a JSON number, which a reader would parse into a float).
 */
export function ndjsonLine(columns: readonly string[], values: readonly (string | null)[]): string {
  const obj: Record<string, string | null> = {};
  for (let i = 0; i < columns.length; i++) obj[columns[i]!] = values[i] ?? null;
  return `${JSON.stringify(obj)}\n`;
}

/** The line an NDJSON export ends with when it fails part-way: it has no column key, so no reader takes it for a row. */
export function ndjsonErrorLine(message: string): string {
  return `${JSON.stringify({ error: message })}\n`;
}
