import { describe, expect, it } from "vitest";
import type { ExportBatch, ExportKey, ExportRow } from "@/db/queries/export-batch";
import { parseCsv } from "./csv";
import type { ExportFormat } from "./export-options";
import { EXPORT_FAILED_MESSAGE, exportStream } from "./stream";

const COLUMNS = ["id", "at", "amount"];
/** id, at, amount: every other amount empty. */
const rows: ExportRow[] = Array.from({ length: 7 }, (_, i) => [String(i), `2026-11-0${i + 1}T00:00:00.000000Z`, i % 2 ? null : `${i}.10`]);

/** Reads from the in-memory rows after a key, like the SQL reads; `failAt` throws on that call. */
function reader(failAt?: number) {
  const calls: (ExportKey | null)[] = [];
  const readBatch = async (after: ExportKey | null, limit: number): Promise<ExportBatch> => {
    calls.push(after);
    if (calls.length === failAt) throw new Error("connection reset (internal detail)");
    const start = after ? rows.findIndex((r) => r[0] === after.id) + 1 : 0;
    const batch = rows.slice(start, start + limit);
    const last = batch[batch.length - 1];
    return { rows: batch, last: last ? { at: last[1]!, id: last[0]! } : null };
  };
  return { calls, readBatch };
}

async function text(format: ExportFormat, batchSize: number, failAt?: number) {
  const r = reader(failAt);
  const errors: number[] = [];
  const stream = exportStream({ columns: COLUMNS, format, batchSize, readBatch: r.readBatch, onError: (_, sent) => errors.push(sent) });
  const body = await new Response(stream).text();
  return { body, calls: r.calls, errors };
}

describe("exportStream", () => {
  it("writes the CSV header then every row once, across batches, reading each batch after the last key", async () => {
    const { body, calls } = await text("csv", 3);
    expect(parseCsv(body)).toEqual([COLUMNS, ...rows.map((r) => r.map((v) => v ?? ""))]);
    expect(calls.map((c) => c?.id ?? null)).toEqual([null, "2", "5"]);
  });
  it("stops after a short batch, and reads once more after an exactly full one", async () => {
    expect((await text("csv", 7)).calls).toHaveLength(2);
    expect((await text("csv", 8)).calls).toHaveLength(1);
  });
  it("writes only the header for an empty range", async () => {
    const stream = exportStream({ columns: COLUMNS, format: "csv", readBatch: async () => ({ rows: [], last: null }) });
    expect(await new Response(stream).text()).toBe("id,at,amount\r\n");
  });
  it("writes NDJSON lines with null for an empty value", async () => {
    const { body } = await text("ndjson", 4);
    const lines = body.trimEnd().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual(rows.map(([id, at, amount]) => ({ id, at, amount })));
  });
  it("ends an NDJSON export that fails part-way with an error line, never the cause", async () => {
    const { body, errors } = await text("ndjson", 3, 2);
    const lines = body.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toEqual({ error: EXPORT_FAILED_MESSAGE });
    expect(body).not.toContain("internal detail");
    expect(errors).toEqual([3]);
  });
  it("aborts a CSV export that fails part-way: the reader gets an error, not a short file", async () => {
    await expect(text("csv", 3, 2)).rejects.toThrow(EXPORT_FAILED_MESSAGE);
  });
  it("stops reading when the reader cancels", async () => {
    const r = reader();
    const stream = exportStream({ columns: COLUMNS, format: "csv", batchSize: 1, readBatch: r.readBatch });
    const it = stream.getReader();
    await it.read();
    await it.cancel();
    const callsAtCancel = r.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(r.calls.length).toBe(callsAtCancel);
    expect(callsAtCancel).toBeLessThan(rows.length);
  });
});
