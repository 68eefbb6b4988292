import { describe, expect, it } from "vitest";
import {
  applyTableChange,
  fromColumnFilters,
  fromSortingState,
  pageSteps,
  parseSort,
  parseTableState,
  tableParsers,
  tableSearch,
  toColumnFilters,
  toSortingState,
  type TableUrlConfig,
  type TableUrlState,
} from "./url-state";

const config: TableUrlConfig = {
  sortable: ["createdAt", "symbol"],
  filters: [
    { id: "status", label: "Status", options: [{ value: "open", label: "Open" }, { value: "filled", label: "Filled" }] },
    { id: "q", label: "Search" },
  ],
  defaultSort: { id: "createdAt", desc: true },
};

const first: TableUrlState = { cursor: null, limit: 50, sort: { id: "createdAt", desc: true }, filters: {} };

describe("reading a table's view from the URL", () => {
  it("gives the defaults for an empty query", () => {
    expect(parseTableState("", config)).toEqual(first);
  });

  it("reads cursor, page size, sort and filters", () => {
    expect(parseTableState("?cursor=abc123&limit=100&sort=symbol.asc&status=open&q=%20btc%20", config)).toEqual({
      cursor: "abc123",
      limit: 100,
      sort: { id: "symbol", desc: false },
      filters: { status: "open", q: "btc" },
    });
  });

  it("reads what the table does not allow as the default, never as an error", () => {
    expect(parseTableState("?limit=10000&sort=secret.asc&status=deleted&q=%20%20", config)).toEqual(first);
    expect(parseTableState("?sort=symbol.sideways", config).sort).toEqual(config.defaultSort);
    expect(parseTableState(`?cursor=${"x".repeat(513)}`, config).cursor).toBeNull();
    expect(parseTableState(`?q=${"y".repeat(201)}`, config).filters).toEqual({});
  });

  it("accepts a page's searchParams object, as a server page receives it", () => {
    expect(parseTableState({ sort: "createdAt.asc", status: ["filled", "open"] }, config)).toMatchObject({
      sort: { id: "createdAt", desc: false },
      filters: { status: "filled" },
    });
  });

  it("without a default sort, no sort reads as null", () => {
    expect(parseTableState("", { sortable: ["a"] }).sort).toBeNull();
  });

  it("parses sort ids that contain dots by their last dot", () => {
    expect(parseSort("fee.amount.desc", ["fee.amount"])).toEqual({ id: "fee.amount", desc: true });
    expect(parseSort(".desc", ["fee.amount"])).toBeNull();
  });
});

describe("writing a table's view to the URL", () => {
  it("leaves the defaults out", () => {
    expect(tableSearch(first, config)).toBe("");
  });

  it("writes every non-default part, and round-trips", () => {
    const view: TableUrlState = { cursor: "c:42", limit: 25, sort: { id: "symbol", desc: true }, filters: { status: "filled", q: "eth usd" } };
    const search = tableSearch(view, config);
    expect(new URLSearchParams(search).get("sort")).toBe("symbol.desc");
    expect(new URLSearchParams(search).get("limit")).toBe("25");
    expect(parseTableState(search, config)).toEqual(view);
  });

  it("keeps a page's other parameters when given a base", () => {
    const search = tableSearch({ ...first, filters: { status: "open" } }, config, "/orders?tab=all");
    expect(search.startsWith("/orders?")).toBe(true);
    const params = new URLSearchParams(search.split("?")[1]);
    expect(params.get("tab")).toBe("all");
    expect(params.get("status")).toBe("open");
  });
});

describe("a table config", () => {
  it("refuses filter ids that would collide with the table's own keys", () => {
    expect(() => tableParsers({ sortable: [], filters: [{ id: "cursor", label: "x" }] })).toThrow(/reserved/);
    expect(() => tableParsers({ sortable: [], filters: [{ id: "a", label: "x" }, { id: "a", label: "y" }] })).toThrow(/unique/);
    expect(() => tableParsers({ sortable: ["a"], defaultSort: { id: "b", desc: false } })).toThrow(/not a sortable/);
  });
});

describe("changing the view", () => {
  const deep: TableUrlState = { ...first, cursor: "page-3", filters: { status: "open" } };

  it("paging keeps sort and filters", () => {
    expect(applyTableChange(deep, { kind: "page", cursor: "page-4" })).toEqual({ ...deep, cursor: "page-4" });
  });

  it("sorting, filtering or resizing starts again from the first page", () => {
    expect(applyTableChange(deep, { kind: "sort", sort: { id: "symbol", desc: false } })).toMatchObject({ cursor: null, sort: { id: "symbol", desc: false } });
    expect(applyTableChange(deep, { kind: "limit", limit: 100 })).toMatchObject({ cursor: null, limit: 100 });
    expect(applyTableChange(deep, { kind: "filter", id: "q", value: " sol " })).toMatchObject({ cursor: null, filters: { status: "open", q: "sol" } });
  });

  it("an empty filter value removes the filter; an empty set clears them all", () => {
    expect(applyTableChange(deep, { kind: "filter", id: "status", value: "  " }).filters).toEqual({});
    expect(applyTableChange(deep, { kind: "filter", id: "status", value: null }).filters).toEqual({});
    expect(applyTableChange({ ...deep, filters: { status: "open", q: "x" } }, { kind: "filters", filters: {} })).toMatchObject({ cursor: null, filters: {} });
  });
});

describe("Previous and Next", () => {
  it("on the first page: no previous; next when the route gave a cursor", () => {
    expect(pageSteps(null, { prevCursor: null, nextCursor: "n1" })).toEqual({ previous: null, next: { cursor: "n1" } });
  });

  it("past the first page: previous follows the route's cursor, or returns to the first page", () => {
    expect(pageSteps("n1", { prevCursor: "p1", nextCursor: null })).toEqual({ previous: { cursor: "p1" }, next: null });
    expect(pageSteps("n1", { prevCursor: null, nextCursor: "n2" })).toEqual({ previous: { cursor: null }, next: { cursor: "n2" } });
  });
});

describe("TanStack Table state ⇄ URL state", () => {
  it("sorting: one column, only sortable ones, the default when cleared", () => {
    expect(toSortingState({ id: "symbol", desc: true })).toEqual([{ id: "symbol", desc: true }]);
    expect(toSortingState(null)).toEqual([]);
    expect(fromSortingState([{ id: "secret", desc: false }, { id: "symbol", desc: false }], config)).toEqual({ id: "symbol", desc: false });
    expect(fromSortingState([], config)).toEqual(config.defaultSort);
    expect(fromSortingState([], { sortable: ["a"] })).toBeNull();
  });

  it("filters: known ids and allowed values only", () => {
    expect(toColumnFilters({ status: "open" })).toEqual([{ id: "status", value: "open" }]);
    expect(
      fromColumnFilters(
        [
          { id: "status", value: "open" },
          { id: "q", value: "  btc " },
          { id: "unknown", value: "x" },
          { id: "status", value: "bogus" },
          { id: "q", value: 42 },
        ],
        config,
      ),
    ).toEqual({ status: "open", q: "btc" });
  });
});
