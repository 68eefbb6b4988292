/** Largest JSON text kept per response; beyond it only the head is stored, marked truncated. */
export const MAX_RAW_BODY_BYTES = 256 * 1024;

/**
 * Fields that carry a credential when a venue echoes one (a session token in a login
 * answer). Only long string values are blanked: a short `token: "ETH"` is a coin name.
 */
const SECRET_KEY = /^(api[-_]?key|api[-_]?secret|secret(?:[-_]?key)?|passphrase|password|signature|sign|(?:access|refresh|session|auth)?[-_]?token)$/i;
const SECRET_MIN_CHARS = 16;

export interface PreparedRawBody {
  /** What goes into the jsonb column. */
  body: unknown;
  /** Size of the JSON text before truncation, in UTF-8 bytes. */
  bytes: number;
  truncated: boolean;
}

/**
 * Makes a venue body storable as jsonb: BigInts as their digits, NUL characters (which
 * jsonb rejects) replaced, credential-looking fields blanked, and anything larger than
 * `maxBytes` cut to its head so one huge answer cannot bloat the table.
 */
export function prepareRawBody(raw: unknown, maxBytes = MAX_RAW_BODY_BYTES): PreparedRawBody {
  const text =
    JSON.stringify(raw, (key, value: unknown) => {
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "string") {
        if (SECRET_KEY.test(key) && value.length >= SECRET_MIN_CHARS) return "[redacted]";
        return value.includes("\u0000") ? value.replaceAll("\u0000", "\uFFFD") : value;
      }
      return value;
    }) ?? "null";
  const buffer = Buffer.from(text, "utf8");
  if (buffer.length <= maxBytes) return { body: JSON.parse(text) as unknown, bytes: buffer.length, truncated: false };
  return {
    body: { truncated: true, bytes: buffer.length, head: buffer.subarray(0, maxBytes).toString("utf8") },
    bytes: buffer.length,
    truncated: true,
  };
}
