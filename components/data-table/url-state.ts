import {
  createLoader,
  createParser,
  createSerializer,
  parseAsNumberLiteral,
  parseAsStringLiteral,
  type LoaderInput,
  type ParserMap,
} from "nuqs/server";
import type { KeysetPageRequest, KeysetSort } from "@/lib/read-models/keyset-page";

/**
 * A data table's view (cursor, page size, sort, filters) as URL query parameters, so every
 * view is a link someone can send. Pure: the same parsers serve the client hook, a server
 * page that prefetches from `searchParams`, and the tests. Anything the URL says that the
 * table does not allow (an unknown column, a page size of 10,000, a made-up status) reads as
 * the default, never as an error.
 *
 * URL shape: ?sort=createdAt.desc&limit=100&status=open&cursor=<opaque>
 */

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
const DEFAULT_PAGE_SIZE: PageSize = 50;

const RESERVED_KEYS = ["cursor", "limit", "sort"];
// A cursor is the route's encoding of one row's sort key; anything longer is not one of ours.
const MAX_CURSOR_LENGTH = 512;
const MAX_FILTER_LENGTH = 200;

export interface FilterDef {
  /** The URL key and the request's filter id. */
  id: string;
  label: string;
  /** A choice among these values; without options, free text. */
  options?: ReadonlyArray<{ value: string; label: string }>;
}

export interface TableUrlConfig {
  /** Column ids the route can order by. */
  sortable: readonly string[];
  filters?: readonly FilterDef[];
  /** The order the route uses when the URL names none; shown as the active sort. */
  defaultSort?: KeysetSort | null;
  defaultLimit?: PageSize;
}

export type TableUrlState = KeysetPageRequest;

/** "createdAt.desc" ⇄ { id: "createdAt", desc: true }; only for sortable columns. */
export function parseSort(value: string, sortable: readonly string[]): KeysetSort | null {
  const dot = value.lastIndexOf(".");
  if (dot <= 0) return null;
  const id = value.slice(0, dot);
  const dir = value.slice(dot + 1);
  if (!sortable.includes(id) || (dir !== "asc" && dir !== "desc")) return null;
  return { id, desc: dir === "desc" };
}

export function serializeSort(sort: KeysetSort): string {
  return `${sort.id}.${sort.desc ? "desc" : "asc"}`;
}

const sameSort = (a: KeysetSort | null, b: KeysetSort | null) => a?.id === b?.id && a?.desc === b?.desc;

function assertConfig(config: TableUrlConfig): void {
  const ids = (config.filters ?? []).map((f) => f.id);
  for (const id of ids) {
    if (RESERVED_KEYS.includes(id)) throw new Error(`Filter id "${id}" is reserved for the table's own URL state`);
  }
  if (new Set(ids).size !== ids.length) throw new Error("Filter ids must be unique");
  if (config.defaultSort && !config.sortable.includes(config.defaultSort.id)) {
    throw new Error(`Default sort "${config.defaultSort.id}" is not a sortable column`);
  }
}

const parseAsCursor = createParser({
  parse: (v) => (v.length > 0 && v.length <= MAX_CURSOR_LENGTH ? v : null),
  serialize: (v: string) => v,
});

const parseAsFilterText = createParser({
  parse: (v) => {
    const text = v.trim();
    return text.length > 0 && text.length <= MAX_FILTER_LENGTH ? text : null;
  },
  serialize: (v: string) => v,
});

/** The nuqs parsers for one table: the keys `useQueryStates`, `createLoader` and `createSerializer` share. */
export function tableParsers(config: TableUrlConfig): ParserMap {
  assertConfig(config);
  const sort = createParser({
    parse: (v) => parseSort(v, config.sortable),
    serialize: serializeSort,
    eq: (a, b) => sameSort(a, b),
  });
  const parsers: ParserMap = {
    cursor: parseAsCursor,
    limit: parseAsNumberLiteral(PAGE_SIZES).withDefault(config.defaultLimit ?? DEFAULT_PAGE_SIZE),
    sort: config.defaultSort ? sort.withDefault(config.defaultSort) : sort,
  };
  for (const f of config.filters ?? []) {
    parsers[f.id] = f.options ? parseAsStringLiteral(f.options.map((o) => o.value)) : parseAsFilterText;
  }
  return parsers;
}

/** What `useQueryStates(tableParsers(config))` or a loader returns, as a page request. */
export function fromUrlValues(values: Record<string, unknown>, config: TableUrlConfig): TableUrlState {
  const filters: Record<string, string> = {};
  for (const f of config.filters ?? []) {
    const v = values[f.id];
    if (typeof v === "string") filters[f.id] = v;
  }
  return {
    cursor: typeof values.cursor === "string" ? values.cursor : null,
    limit: typeof values.limit === "number" ? values.limit : (config.defaultLimit ?? DEFAULT_PAGE_SIZE),
    sort: (values.sort as KeysetSort | null | undefined) ?? config.defaultSort ?? null,
    filters,
  };
}

/** The values to hand nuqs's setter: every key, null where the URL should drop it. */
export function toUrlValues(state: TableUrlState, config: TableUrlConfig): Record<string, string | number | KeysetSort | null> {
  const values: Record<string, string | number | KeysetSort | null> = {
    cursor: state.cursor,
    limit: state.limit,
    sort: state.sort,
  };
  for (const f of config.filters ?? []) values[f.id] = state.filters[f.id] ?? null;
  return values;
}

/** Reads a table's state from a URL or a page's `searchParams` (server pages prefetch with it). */
export function parseTableState(input: LoaderInput, config: TableUrlConfig): TableUrlState {
  return fromUrlValues(createLoader(tableParsers(config))(input), config);
}

/** A link to a view of the table: "?sort=…&limit=…", defaults left out. */
export function tableSearch(state: TableUrlState, config: TableUrlConfig, base = ""): string {
  return createSerializer(tableParsers(config))(base, toUrlValues(state, config));
}

export type TableChange =
  | { kind: "page"; cursor: string | null }
  | { kind: "limit"; limit: number }
  | { kind: "sort"; sort: KeysetSort | null }
  | { kind: "filter"; id: string; value: string | null }
  /** Replaces every filter; `{}` clears them. */
  | { kind: "filters"; filters: Record<string, string> };

/**
 * The next view. Any change but paging starts again from the first page: a cursor points
 * into one order and one filtered set, and means nothing in another.
 */
export function applyTableChange(state: TableUrlState, change: TableChange): TableUrlState {
  switch (change.kind) {
    case "page":
      return { ...state, cursor: change.cursor };
    case "limit":
      return { ...state, cursor: null, limit: change.limit };
    case "sort":
      return { ...state, cursor: null, sort: change.sort };
    case "filter": {
      const { [change.id]: _dropped, ...rest } = state.filters;
      const value = change.value?.trim();
      return { ...state, cursor: null, filters: value ? { ...rest, [change.id]: value } : rest };
    }
    case "filters":
      return { ...state, cursor: null, filters: change.filters };
  }
}

export type PageStep = { cursor: string | null };

/**
 * Where Previous and Next lead, or null when they are disabled. Without a previous cursor
 * from the route, a page past the first goes back to the first.
 */
export function pageSteps(
  current: string | null,
  page: { nextCursor: string | null; prevCursor: string | null },
): { previous: PageStep | null; next: PageStep | null } {
  const previous = page.prevCursor !== null ? { cursor: page.prevCursor } : current !== null ? { cursor: null } : null;
  const next = page.nextCursor !== null ? { cursor: page.nextCursor } : null;
  return { previous, next };
}

/** TanStack Table's sorting state for the URL's sort (single-column). */
export function toSortingState(sort: KeysetSort | null): Array<{ id: string; desc: boolean }> {
  return sort ? [{ id: sort.id, desc: sort.desc }] : [];
}

/** The URL's sort from TanStack Table's sorting state: the first sortable entry, else the default. */
export function fromSortingState(sorting: ReadonlyArray<{ id: string; desc: boolean }>, config: TableUrlConfig): KeysetSort | null {
  const first = sorting.find((s) => config.sortable.includes(s.id));
  return first ? { id: first.id, desc: first.desc } : (config.defaultSort ?? null);
}

/** TanStack Table's column filters for the URL's filters. */
export function toColumnFilters(filters: Record<string, string>): Array<{ id: string; value: unknown }> {
  return Object.entries(filters).map(([id, value]) => ({ id, value }));
}

/** The URL's filters from TanStack Table's column filters: known ids, allowed values, non-empty text. */
export function fromColumnFilters(columnFilters: ReadonlyArray<{ id: string; value: unknown }>, config: TableUrlConfig): Record<string, string> {
  const defs = new Map((config.filters ?? []).map((f) => [f.id, f]));
  const out: Record<string, string> = {};
  for (const { id, value } of columnFilters) {
    const def = defs.get(id);
    const text = typeof value === "string" ? value.trim() : "";
    if (!def || !text || text.length > MAX_FILTER_LENGTH) continue;
    if (def.options && !def.options.some((o) => o.value === text)) continue;
    out[id] = text;
  }
  return out;
}
