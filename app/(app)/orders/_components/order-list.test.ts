import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import { orderTableConfig } from "@/components/orders/order-table-config";
import type { KeysetPage } from "@/lib/read-models/keyset-page";
import type { OrderDetailView, OrderView } from "@/lib/read-models/order-schemas";
import { orderKeys } from "@/lib/read-models/query-options";
import { OrderTimeline } from "../[id]/_components/order-timeline";
import { OrderList } from "./order-list";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const choices = { connections: [{ id: "0e2c4a6e-1111-4a4a-8a8a-000000000001", label: "Demo" }], accounts: [{ id: "0e2c4a6e-2222-4a4a-8a8a-000000000001", label: "Demo · Main" }] };
const order: OrderView = {
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000001",
  placedAt: "2026-11-20T04:30:00.000Z",
  lastChangeAt: "2026-11-20T05:00:00.000Z",
  connectionId: choices.connections[0]!.id,
  connectionLabel: "Demo",
  accountId: choices.accounts[0]!.id,
  accountName: "Main",
  venueOrderId: "mm-btc-4189-b",
  clientOrderId: "mm-btc:4189b",
  symbol: "BTC/USDT",
  side: "buy",
  type: "limit",
  status: "partially_filled",
  price: "91234.5",
  quantity: "0.12",
  filledQuantity: "0.05",
  averagePrice: "91234.5",
  strategy: "mm-btc",
};
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

function render(rows: OrderView[]): string {
  const client = new QueryClient();
  const page: KeysetPage<OrderView> = { rows, nextCursor: null, prevCursor: null };
  client.setQueryData(orderKeys.page(parseTableState("", orderTableConfig(choices))), page);
  return renderToHtml(createElement(OrderList, { choices, timeZone: "Asia/Kolkata" }), { search: "", client });
}

describe("the /orders list", () => {
  it("shows placed-at in the workspace's zone linked to the order, price in USDT and quantities in BTC, the status in words, and every filter", () => {
    const html = render([order]);
    const t = text(html);
    expect(t).toContain("20 Nov 2026, 10:00"); // 04:30 UTC in Asia/Kolkata
    expect(html).toContain(`href="/orders/${order.id}"`);
    expect(t).toContain("91,234.5 USDT");
    expect(t).toContain("0.12 BTC");
    expect(t).toContain("0.05 BTC");
    expect(t).toContain("partially filled");
    expect(t).toContain("mm-btc");
    for (const f of ["Connection", "Account", "Symbol", "Side", "Status", "Strategy", "Placed from (YYYY-MM-DD)", "Placed to (YYYY-MM-DD)", "Venue or client order id"]) expect(t).toContain(f);
  });

  it("with no orders it says how orders arrive", () => {
    expect(text(render([]))).toContain("Orders arrive with each sync of a connection");
  });
});

describe("an order's timeline", () => {
  const event = (seq: number, verified: boolean) => ({
    seq,
    type: seq === 1 ? ("ORDER_PLACED" as const) : ("ORDER_CANCELLED" as const),
    statusBefore: seq === 1 ? null : ("open" as const),
    statusAfter: seq === 1 ? ("open" as const) : ("cancelled" as const),
    quantityBefore: seq === 1 ? null : "0.12",
    quantityAfter: "0.12",
    filledBefore: seq === 1 ? null : "0",
    filledAfter: "0",
    occurredAt: "2026-11-20T04:30:00.000Z",
    recordedAt: "2026-11-20T04:31:00.000Z",
    syncBatchId: "0e2c4a6e-4444-4a4a-8a8a-000000000001",
    hash: `${seq}`.repeat(64),
    prevHash: "0".repeat(64),
    verified,
    raw: null,
  });
  it("marks a verified event and a not-verified one in words, links the sync run, shows the hash shortened with the whole in the title", () => {
    const detail: OrderDetailView = { order, raw: null, events: [event(1, true), event(2, false)], fills: [], chain: { checkedEvents: 2, checkpoint: null, broken: { seq: 2, reason: "edited", detail: "x" } } };
    const html = renderToHtml(createElement(OrderTimeline, { detail, timeZone: "UTC" }), { search: "", client: new QueryClient() });
    const t = text(html);
    expect(t).toContain("✓ verified");
    expect(t).toContain("✗ not verified");
    expect(t).toContain("Placed");
    expect(t).toContain("open → cancelled");
    expect(html).toContain('href="/syncs/0e2c4a6e-4444-4a4a-8a8a-000000000001"');
    expect(html).toContain(`title="${"2".repeat(64)}"`);
    expect(t).toContain("2222222222…2222");
  });
});
