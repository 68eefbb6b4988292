/**
 * CSV by RFC 4180, written by hand: a row is a few string joins, and the rules are three
 * (a field holding a comma, a double quote, CR or LF is quoted; a quote inside is doubled;
 * records end in CRLF). A CSV library would be a new dependency (not allowed here) for
 * the same few lines, and would bring its own buffering into a stream that must stay
 * constant in memory. Every value reaches here as text (money as exact decimal strings,
 * instants as ISO-8601 UTC); null is the empty field.
 */

const NEEDS_QUOTES = /[",\r\n]/;

/** One field, quoted only when it must be. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, CRLF-terminated. */
export function csvRecord(values: readonly (string | null)[]): string {
  let out = "";
  for (let i = 0; i < values.length; i++) out += (i === 0 ? "" : ",") + csvField(values[i]!);
  return `${out}\r\n`;
}

/**
 * Reads CSV text back into records (RFC 4180: quoted fields with doubled quotes and line
 * breaks inside). The tests and the bench parse exports with it; an empty field reads "".
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === ",") {
      record.push(field);
      field = "";
      i++;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
