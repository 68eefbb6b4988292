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
  for (const w of timeWindows(start, end, e.windowMs)) {
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
  return { rows, raw };
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
