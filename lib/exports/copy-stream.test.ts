import { Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type { CsvCopy } from "@/db/queries/export-copy";
import { csvCopyStream, lfToCrlf } from "./copy-stream";
import { csvRecord, parseCsv } from "./csv";
import { EXPORT_FAILED_MESSAGE } from "./stream";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

// Records as PostgreSQL's COPY … (format csv) writes them: LF-terminated, a field quoted when it holds a comma, quote or line break.
const SERVER = 'a,1\n"x, y","say ""hi"""\n"two\nlines",\n"",end\n';
const EXPECTED = 'a,1\r\n"x, y","say ""hi"""\r\n"two\nlines",\r\n"",end\r\n';

describe("lfToCrlf: PostgreSQL's LF records as csv.ts's CRLF ones", () => {
  it("turns each record's LF into CRLF and keeps a LF inside a quoted field", () => {
    expect(text(lfToCrlf(bytes(SERVER), { quoted: false }))).toBe(EXPECTED);
  });

  it("gives the same bytes however the stream is cut into chunks (the quote state carries over)", () => {
    const all = bytes(SERVER);
    for (let cut = 0; cut <= all.length; cut++) {
      for (let cut2 = cut; cut2 <= all.length; cut2 += 3) {
        const state = { quoted: false };
        const parts = [all.subarray(0, cut), all.subarray(cut, cut2), all.subarray(cut2)].map((p) => text(lfToCrlf(p, state)));
        expect(parts.join(""), `cut at ${cut} and ${cut2}`).toBe(EXPECTED);
      }
    }
  });

  it("hands a chunk with no record end back as it is", () => {
    const chunk = bytes("abc,def");
    expect(lfToCrlf(chunk, { quoted: false })).toBe(chunk);
  });
});

function fakeCopy(chunks: Array<string | Error>): CsvCopy & { cancelled: () => boolean } {
  let cancelled = false;
  const stream = new Readable({ read() {} });
  let i = 0;
  const feed = () => {
    if (cancelled) return;
    const next = chunks[i++];
    if (next === undefined) return void stream.push(null);
    if (next instanceof Error) return void stream.destroy(next);
    stream.push(Buffer.from(next));
    setImmediate(feed);
  };
  setImmediate(feed);
  return { stream, cancel: () => void (cancelled = true), cancelled: () => cancelled };
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

describe("csvCopyStream: a COPY's bytes as the export's body", () => {
  const columns = ["name", "value"];

  it("starts with the header row, then the records in CRLF, read back by parseCsv as written", async () => {
    const copy = fakeCopy([SERVER.slice(0, 9), SERVER.slice(9, 20), SERVER.slice(20)]);
    const onSettled = vi.fn();
    const body = await readAll(csvCopyStream({ columns, open: async () => copy, onSettled }));
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(body).toBe(csvRecord(columns) + EXPECTED);
    expect(parseCsv(body)).toEqual([columns, ["a", "1"], ["x, y", 'say "hi"'], ["two\nlines", ""], ["", "end"]]);
  });

  it("a COPY that fails part-way errors the body (never a file that looks whole), and says where to the log", async () => {
    const onError = vi.fn();
    const onSettled = vi.fn();
    const copy = fakeCopy(["a,1\n", new Error("canceling statement due to user request")]);
    await expect(readAll(csvCopyStream({ columns, open: async () => copy, onError, onSettled }))).rejects.toThrow(EXPORT_FAILED_MESSAGE);
    expect(onSettled).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "canceling statement due to user request" }), 5);
  });

  it("a COPY that cannot start errors the body too", async () => {
    await expect(readAll(csvCopyStream({ columns, open: async () => Promise.reject(new Error("relation does not exist")) }))).rejects.toThrow(EXPORT_FAILED_MESSAGE);
  });

  it("a reader that stops cancels the COPY", async () => {
    const copy = fakeCopy(Array.from({ length: 1000 }, (_, i) => `${i},x\n`));
    const onSettled = vi.fn();
    const reader = csvCopyStream({ columns, open: async () => copy, onSettled }).getReader();
    expect(text((await reader.read()).value!)).toBe(csvRecord(columns));
    expect(text((await reader.read()).value!)).toBe("0,x\r\n");
    await reader.cancel();
    expect(copy.cancelled()).toBe(true);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it("a reader gone while the COPY was starting (it had the header) cancels the COPY once it has started", async () => {
    const copy = fakeCopy(["0,x\n"]);
    let started!: () => void;
    const opened = new Promise<CsvCopy>((resolve) => (started = () => resolve(copy)));
    let asked!: () => void;
    const opening = new Promise<void>((resolve) => (asked = resolve));
    const reader = csvCopyStream({
      columns,
      open: () => {
        asked();
        return opened;
      },
    }).getReader();
    expect(text((await reader.read()).value!)).toBe(csvRecord(columns));
    const pending = reader.read();
    await opening;
    await reader.cancel();
    started();
    expect(await pending).toEqual({ done: true, value: undefined });
    await new Promise((r) => setImmediate(r));
    expect(copy.cancelled()).toBe(true);
  });
});
