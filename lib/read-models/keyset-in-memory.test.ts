import { describe, expect, it } from "vitest";
import { pageInMemory } from "./keyset-in-memory";

type Row = { id: string; name: string; at: string | null };
const rows: Row[] = ["e", "a", "d", "b", "c"].map((name, i) => ({ id: `id${i}`, name, at: name === "c" ? null : `2026-11-2${i}` }));
const page = (cursor: string | null, sort: { id: string; desc: boolean } | null = null) =>
  pageInMemory(rows, { cursor, limit: 2, sort, filters: {} }, { id: (r) => r.id, sortValue: (r, s) => (s === "at" ? r.at : r.name), defaultSort: { id: "name", desc: false } });

describe("pageInMemory", () => {
  it("pages forward and back by cursor, in the default order", () => {
    const first = page(null);
    expect(first.rows.map((r) => r.name)).toEqual(["a", "b"]);
    expect(first.prevCursor).toBeNull();
    const second = page(first.nextCursor);
    expect(second.rows.map((r) => r.name)).toEqual(["c", "d"]);
    const third = page(second.nextCursor);
    expect(third.rows.map((r) => r.name)).toEqual(["e"]);
    expect(third.nextCursor).toBeNull();
    expect(page(third.prevCursor).rows.map((r) => r.name)).toEqual(["c", "d"]);
  });

  it("descending, with missing values last; an unreadable cursor is the first page", () => {
    expect(page(null, { id: "at", desc: true }).rows.map((r) => r.name)).toEqual(["b", "d"]);
    const last = page(page(page(null, { id: "at", desc: true }).nextCursor, { id: "at", desc: true }).nextCursor, { id: "at", desc: true });
    expect(last.rows.map((r) => r.name)).toEqual(["c"]);
    expect(page("n.not-json").rows.map((r) => r.name)).toEqual(["a", "b"]);
  });
});
