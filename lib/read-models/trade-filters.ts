import { z } from "zod";
import type { Db } from "@/db/client";
import { listConnections } from "@/db/queries/connections";
import { listOrderAccounts } from "@/db/queries/order-list";
import { addLocalDays } from "@/lib/time/zoned";
import { ORDER_SIDES } from "./order-schemas";

/**
 * The strict URL filters /orders and /fills share (connection, account, symbol, side,
 * strategy tag, a range of local days, a venue or client order id). Unlike the other tables
 * (where an unknown value reads as "none"), a trade filter that is not allowed is refused,
 * naming the field, so a link that asks for something impossible never shows every row as
 * if it matched. Each list adds its own fields (/orders: status) to `tradeFilterShape`.
 */
/** A local calendar day, YYYY-MM-DD (also the v1 API's day parameters). */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v), "not a calendar day");

/** Free text a filter compares as it is: no control characters (a NUL, which PostgreSQL text cannot hold, would fail the read instead of the request). */
export const filterText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\u0000-\u001f\u007f]*$/, "no control characters");

export const tradeFilterShape = {
  connection: z.uuid(),
  account: z.uuid(),
  symbol: filterText(64),
  side: z.enum(ORDER_SIDES),
  strategy: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, "a strategy tag: 1–32 of A–Z a–z 0–9 _ -, starting with a letter or digit"),
  from: day,
  to: day,
  find: filterText(200),
};

/** A list's filter schema: every field optional, the range's end not before its start. */
export function strictFilters<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .object(shape)
    .partial()
    .refine((f: Record<string, unknown>) => typeof f.from !== "string" || typeof f.to !== "string" || f.from <= f.to, {
      path: ["to"],
      message: "the range ends before it starts",
    });
}

export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The filter values a query string holds: non-empty, without the table's own keys (cursor, limit, sort). */
export function filterValues(search: SearchInput): Record<string, string> {
  const entries = search instanceof URLSearchParams ? [...search.entries()] : Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  const raw: Record<string, string> = {};
  for (const [k, v] of entries) if (typeof v === "string" && v !== "" && !["cursor", "limit", "sort"].includes(k)) raw[k] = v;
  return raw;
}

/** What the connection and account filters offer: every connection and account of the workspace. */
export async function loadTradeFilterChoices(db: Db, p: { ownerId: string }) {
  const [connections, accounts] = await Promise.all([listConnections(db, p), listOrderAccounts(db, p)]);
  return { connections: connections.map((c) => ({ id: c.id, label: c.label })), accounts };
}

/** A refused filter in words, field first ("status: Invalid option…"): the route's 400 and the page's error state say the same. */
export function filterErrorMessage(error: z.ZodError): string {
  return `Invalid filter — ${error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`;
}

/** The first instant of local day `isoDay` (plus `plusDays`) in `timeZone`. */
function startOfDay(isoDay: string, timeZone: string, plusDays = 0): Date {
  const [year, month, d] = isoDay.split("-").map(Number) as [number, number, number];
  return new Date(addLocalDays(timeZone, { year, month, day: d }, plusDays).startMs);
}

/** A range of local days in the workspace's zone, both ends included, as [from, before) instants. */
export function localDayRange(f: { from?: string; to?: string }, timeZone: string): { from?: Date; before?: Date } {
  return { from: f.from ? startOfDay(f.from, timeZone) : undefined, before: f.to ? startOfDay(f.to, timeZone, 1) : undefined };
}
