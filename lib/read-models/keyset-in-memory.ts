import type { KeysetPage, KeysetPageRequest } from "./keyset-page";

/**
 * The keyset page contract over a list already in memory: for lists that are small by
 * nature (a workspace's connections: tens) and whose sort keys are derived in code (a
 * connection's state), where SQL could not sort or filter anyway. The cursor is the last
 * (or first) row's sort key and id, so a page stays put when rows are added before it,
 * exactly like the SQL lists.
 */
export type SortValue = string | number | null;

interface Keyed<Row> {
  row: Row;
  key: [SortValue, string];
}

function compare(a: [SortValue, string], b: [SortValue, string], desc: boolean): number {
  const [va, ia] = a;
  const [vb, ib] = b;
  if (va !== vb) {
    // Missing values last, in either direction.
    if (va === null) return 1;
    if (vb === null) return -1;
    const c = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
    if (c !== 0) return desc ? -c : c;
  }
  return ia.localeCompare(ib);
}

const encode = (dir: "n" | "p", key: [SortValue, string]) => `${dir}.${Buffer.from(JSON.stringify(key)).toString("base64url")}`;

function decode(cursor: string | null): { dir: "n" | "p"; key: [SortValue, string] } | null {
  if (!cursor) return null;
  const [dir, body] = cursor.split(".");
  if ((dir !== "n" && dir !== "p") || !body) return null;
  try {
    const key = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === 2 && typeof key[1] === "string") return { dir, key: key as [SortValue, string] };
  } catch {
    // An unreadable cursor reads as the first page, like any other bad URL value.
  }
  return null;
}

export function pageInMemory<Row>(
  rows: readonly Row[],
  request: KeysetPageRequest,
  p: { id: (row: Row) => string; sortValue: (row: Row, sortId: string) => SortValue; defaultSort: { id: string; desc: boolean } },
): KeysetPage<Row> {
  const sort = request.sort ?? p.defaultSort;
  const keyed: Keyed<Row>[] = rows.map((row) => ({ row, key: [p.sortValue(row, sort.id), p.id(row)] }));
  keyed.sort((a, b) => compare(a.key, b.key, sort.desc));
  const cursor = decode(request.cursor);
  let start = 0;
  if (cursor?.dir === "n") {
    start = keyed.findIndex((k) => compare(k.key, cursor.key, sort.desc) > 0);
    if (start < 0) start = keyed.length;
  } else if (cursor?.dir === "p") {
    let end = keyed.findIndex((k) => compare(k.key, cursor.key, sort.desc) >= 0);
    if (end < 0) end = keyed.length;
    start = Math.max(0, end - request.limit);
  }
  const page = keyed.slice(start, start + request.limit);
  const last = page.at(-1);
  const first = page[0];
  return {
    rows: page.map((k) => k.row),
    nextCursor: last && start + page.length < keyed.length ? encode("n", last.key) : null,
    prevCursor: first && start > 0 ? encode("p", first.key) : null,
  };
}
