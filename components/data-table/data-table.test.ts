import { QueryClient, queryOptions } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { KeysetPage, KeysetPageRequest } from "@/lib/read-models/keyset-page";
import { DataTable } from "./data-table";
import { dataTableColumns } from "./table-features";
import { renderToHtml } from "./testing/render-to-html";
import { parseTableState, type TableUrlConfig } from "./url-state";

/**
 * The DataTable rendered to HTML, its query cache seeded as a server prefetch would: the URL
 * decides the request, the request finds the page, and the page becomes rows, headers,
 * pager and filters. No browser needed; interactions are covered by the pure helpers.
 */
type Order = { id: string; symbol: string; quantity: string };

const col = dataTableColumns<Order>();
const columns = col.columns([
  col.accessor("symbol", { header: "Symbol" }),
  col.accessor("quantity", { header: "Quantity", meta: { align: "right" } }),
]);

const url: TableUrlConfig = {
  sortable: ["symbol"],
  filters: [{ id: "status", label: "Status", options: [{ value: "open", label: "Open" }, { value: "filled", label: "Filled" }] }],
  defaultSort: { id: "symbol", desc: false },
};

const ordersQuery = (request: KeysetPageRequest) =>
  queryOptions({
    queryKey: ["test-orders", request] as const,
    queryFn: (): Promise<KeysetPage<Order>> => Promise.reject(new Error("the cache is seeded; nothing fetches here")),
  });

function render(search: string, page?: KeysetPage<Order>): string {
  const client = new QueryClient();
  if (page) client.setQueryData(ordersQuery(parseTableState(search, url)).queryKey, page);
  const table = createElement(DataTable<Order, readonly ["test-orders", KeysetPageRequest]>, {
    label: "Orders",
    columns,
    url,
    query: ordersQuery,
    getRowId: (o) => o.id,
    empty: { title: "No orders yet", description: "They appear after the first sync.", action: { href: "/connections", label: "Add a connection" } },
  });
  return renderToHtml(table, { search, client });
}

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("DataTable", () => {
  it("renders the page the URL asks for, with sort, filter and pager state", () => {
    const html = render("?status=open&cursor=c2&sort=symbol.desc", {
      rows: [
        { id: "o1", symbol: "BTC-USDT", quantity: "0.5" },
        { id: "o2", symbol: "ETH-USDT", quantity: "12" },
      ],
      nextCursor: null,
      prevCursor: "p1",
    });
    expect(text(html)).toContain("BTC-USDT 0.5");
    expect(text(html)).toContain("ETH-USDT 12");
    expect(html).toMatch(/<th[^>]*aria-sort="descending"[^>]*>/);
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*">12<\/td>/);
    expect(html).toMatch(/<option value="open" selected="">Open<\/option>/);
    // Past the first page with a previous cursor; no next cursor: Next is disabled.
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Next/);
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>(<svg[^]*?<\/svg>)?Previous/);
    expect(html).toContain('role="region" aria-label="Orders, scrollable" tabindex="0"');
  });

  it("shows skeleton rows while the first page loads", () => {
    const html = render("?limit=25");
    expect(html.match(/data-testid="skeleton-row"/g)).toHaveLength(8);
    expect(text(html)).toContain("Symbol");
  });

  it("explains an empty list and links the next step", () => {
    const html = render("", { rows: [], nextCursor: null, prevCursor: null });
    expect(text(html)).toContain("No orders yet They appear after the first sync.");
    expect(html).toContain('href="/connections"');
    expect(text(html)).not.toContain("Rows per page");
  });

  it("says when filters are why the list is empty, and offers to clear them", () => {
    const html = render("?status=filled", { rows: [], nextCursor: null, prevCursor: null });
    expect(text(html)).toContain("Nothing matches these filters");
    expect(text(html)).not.toContain("No orders yet");
  });
});
