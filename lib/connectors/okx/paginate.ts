import type { z } from "zod";
import type { VenueReader } from "@/lib/connectors/ccxt/reader";
import type { RawCapture } from "@/lib/connectors/types";

/**
 * OKX lists (pending orders, order history, fills, deposit and withdrawal history) come
 * newest-first, 100 rows a page, continued with `after` = the last row's id (or time, for
 * the histories). Every list stream walks them the same way, so the walk and its stop
 * conditions live here, apart from what each stream asks for.
 */
const PAGE_LIMIT = 100;
/** Safety stop for a cursor that does not move: 500 pages is 50 000 rows. */
const MAX_PAGES = 500;

export type Rows<T> = Array<{ row: T; raw: unknown }>;

/** The `data` items of an OKX body, to keep each parsed row next to the exact JSON it came from. */
export function rawData(body: unknown): unknown[] {
  if (typeof body !== "object" || body === null || !("data" in body)) return [];
  const data = (body as { data: unknown }).data;
  return Array.isArray(data) ? data : [];
}

/** Newest-first pages: each next page asks for records older than the last one (`after`). */
export async function readPages<S extends z.ZodType<{ data: unknown[] }>>(
  reader: VenueReader,
  endpoint: string,
  schema: S,
  call: (params: Record<string, string>) => Promise<unknown>,
  base: Record<string, string>,
  cursorOf: (row: z.output<S>["data"][number]) => string,
): Promise<{ rows: Rows<z.output<S>["data"][number]>; raw: RawCapture[] }> {
  const rows: Rows<z.output<S>["data"][number]> = [];
  const raw: RawCapture[] = [];
  let after: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = { ...base, limit: String(PAGE_LIMIT), ...(after ? { after } : {}) };
    const r = await reader.read(endpoint, schema, () => call(params));
    raw.push(r.raw);
    const data = r.data.data;
    const bodies = rawData(r.raw.body);
    data.forEach((row, i) => rows.push({ row, raw: bodies[i] }));
    const last = data[data.length - 1];
    if (data.length < PAGE_LIMIT || last === undefined) break;
    const next = cursorOf(last);
    // A cursor that does not go older would fetch the same page again.
    if (after !== undefined && BigInt(next) >= BigInt(after)) break;
    after = next;
  }
  return { rows, raw };
}
