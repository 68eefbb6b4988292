import { sql, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * SQL for the JSON reads PGlite is served by (order-detail-json.ts, performance-fills.ts):
 * an instant as whole epoch milliseconds, microseconds truncated — what a Date parsed from
 * PostgreSQL's text keeps, so a JSON read and a row read give the same Date.
 */
export const epochMs = (column: SQLWrapper): SQL => sql`floor(extract(epoch from ${column}) * 1000)::bigint`;
