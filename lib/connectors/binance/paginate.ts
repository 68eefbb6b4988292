import type { z } from "zod";
import type { MarketInfo } from "@/lib/connectors/ccxt/markets";
import type { VenueReader } from "@/lib/connectors/ccxt/reader";
import { timeWindows } from "@/lib/connectors/ccxt/windows";
import type { RawCapture } from "@/lib/connectors/types";

/**
 * Binance's history endpoints (allOrders, myTrades, userTrades) cap both the time span
 * and the page size of one query, and cannot combine a time filter with an id cursor.
 * Reading one symbol's history therefore takes windows and id-cursor pages; this file
 * holds that walk, apart from the connector that decides which symbols to read.
 */
export type HistoryEndpoint = {
  endpoint: string;
  call: (params: Record<string, string>) => Promise<unknown>;
  limit: number;
  windowMs: number;
  /** Parameter that continues a full page from an id (fromId for trades, orderId for orders). */
  cursor: "fromId" | "orderId";
  /**
   * Given neither a time range nor a cursor, the endpoint returns the symbol's most recent
   * `limit` rows, however old (Binance spot allOrders and myTrades; the futures endpoints
   * return the last 7 days instead, so they never set this).
   */
  latestWithoutRange?: boolean;
};

export type Rows<T> = Array<{ row: T; raw: unknown }>;

/** The items of an array body, to keep each parsed row next to the exact JSON it came from. */
export function rawItems(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [];
}

/**
 * One symbol's history over [start, end], in windows the endpoint accepts. A full page
 * continues from the last id (the time filter cannot be combined with the id cursor),
 * keeping rows up to the window's end.
 *
 * A range longer than one window, on an endpoint that returns its latest rows unasked
 * (`latestWithoutRange`), starts with one such read: when it holds fewer rows than a page,
 * or its oldest row is at or before `start`, it holds every row of the range (ids and times
 * rise together), and nothing else is read. A year of a light trader's history is then one
 * request per symbol instead of 365 one-day windows (Binance spot's 24-hour limit), which
 * at weight 20 each is what made a long first sync wait minutes on the weight budget.
 * Otherwise only the windows before its oldest row are read, so it never costs more than
 * the one request. Rows come back in id order either way.
 */
export async function readHistory<S extends z.ZodType<Array<unknown>>>(
  reader: VenueReader,
  e: HistoryEndpoint,
  schema: S,
  m: MarketInfo,
  start: number,
  end: number,
  idOf: (row: z.output<S>[number]) => string,
  timeOf: (row: z.output<S>[number]) => number,
): Promise<{ rows: Rows<z.output<S>[number]>; raw: RawCapture[] }> {
  const rows: Rows<z.output<S>[number]> = [];
  const raw: RawCapture[] = [];
  const seen = new Set<string>();
  let windowsEnd = end;
  if (e.latestWithoutRange && end - start > e.windowMs) {
    const r = await reader.read(e.endpoint, schema, () => e.call({ symbol: m.id, limit: String(e.limit) }));
    raw.push(r.raw);
    const bodies = rawItems(r.raw.body);
    let oldest = Number.POSITIVE_INFINITY;
    for (const [i, row] of r.data.entries()) {
      const at = timeOf(row);
      oldest = Math.min(oldest, at);
      if (at < start || at > end) continue;
      seen.add(idOf(row));
      rows.push({ row, raw: bodies[i] });
    }
    if (r.data.length < e.limit || oldest <= start) return { rows: byId(rows, idOf), raw };
    windowsEnd = oldest;
  }
  for (const w of timeWindows(start, windowsEnd, e.windowMs)) {
    let params: Record<string, string> = { symbol: m.id, startTime: String(w.start), endTime: String(w.end), limit: String(e.limit) };
    for (;;) {
      const r = await reader.read(e.endpoint, schema, () => e.call(params));
      raw.push(r.raw);
      const page = r.data;
      const pageRaw = rawItems(r.raw.body);
      let lastId: bigint | undefined;
      let pastEnd = false;
      for (const [i, row] of page.entries()) {
        const id = idOf(row);
        const idNum = BigInt(id);
        if (lastId === undefined || idNum > lastId) lastId = idNum;
        if (timeOf(row) > w.end) {
          pastEnd = true;
          continue;
        }
        if (seen.has(id)) continue;
        seen.add(id);
        rows.push({ row, raw: pageRaw[i] });
      }
      if (page.length < e.limit || pastEnd || lastId === undefined) break;
      params = { symbol: m.id, [e.cursor]: String(lastId + 1n), limit: String(e.limit) };
    }
  }
  return { rows: windowsEnd === end ? rows : byId(rows, idOf), raw };
}

function byId<T>(rows: Rows<T>, idOf: (row: T) => string): Rows<T> {
  return rows.sort((a, b) => {
    const x = BigInt(idOf(a.row));
    const y = BigInt(idOf(b.row));
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/**
 * The wallet histories (deposits, withdrawals) take a time range shorter than `windowMs`
 * and page with `offset` inside it, newest first. Reading [start, end] is one walk of
 * windows and offsets; rows of every page come with their exact JSON.
 */
export async function readWalletHistory<S extends z.ZodType<Array<unknown>>>(
  reader: VenueReader,
  e: { endpoint: string; call: (params: Record<string, string>) => Promise<unknown>; limit: number; windowMs: number },
  schema: S,
  start: number,
  end: number,
): Promise<{ rows: Rows<z.output<S>[number]>; raw: RawCapture[] }> {
  const rows: Rows<z.output<S>[number]> = [];
  const raw: RawCapture[] = [];
  for (const w of timeWindows(start, end, e.windowMs)) {
    for (let offset = 0; ; offset += e.limit) {
      const params = { startTime: String(w.start), endTime: String(w.end), limit: String(e.limit), offset: String(offset) };
      const r = await reader.read(e.endpoint, schema, () => e.call(params));
      raw.push(r.raw);
      const bodies = rawItems(r.raw.body);
      r.data.forEach((row, i) => rows.push({ row, raw: bodies[i] }));
      if (r.data.length < e.limit) break;
    }
  }
  return { rows, raw };
}
