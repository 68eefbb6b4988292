import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import { QUANTITY_CHANGE_TABLE } from "@/components/orders/quantity-change-table";
import type { KeysetPage } from "@/lib/read-models/keyset-page";
import type { QuantityChangeView } from "@/lib/read-models/quantity-change-schemas";
import { quantityChangeKeys } from "@/lib/read-models/query-options";
import { QuantityChangeList } from "./quantity-change-list";
import { SymbolPicker } from "./symbol-picker";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const change = (seq: number, type: QuantityChangeView["type"], before: string, after: string, delta: string): QuantityChangeView => ({
  seq,
  occurredAt: "2026-11-20T04:30:00.000Z",
  accountId: "0e2c4a6e-2222-4a4a-8a8a-000000000001",
  accountName: "Main",
  connectionLabel: "Demo",
  orderId: "0e2c4a6e-3333-4a4a-8a8a-000000000001",
  venueOrderId: "mm-btc-4189-b",
  type,
  quantityBefore: before,
  quantityAfter: after,
  delta,
  statusAfter: "partially_filled",
  syncBatchId: "0e2c4a6e-4444-4a4a-8a8a-000000000001",
});
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

function render(rows: QuantityChangeView[], symbol = "BTC/USDT:USDT"): string {
  const client = new QueryClient();
  const page: KeysetPage<QuantityChangeView> = { rows, nextCursor: null, prevCursor: null };
  client.setQueryData(quantityChangeKeys.page(symbol, parseTableState(`?symbol=${encodeURIComponent(symbol)}`, QUANTITY_CHANGE_TABLE)), page);
  return renderToHtml(createElement(QuantityChangeList, { symbol, timeZone: "Asia/Kolkata" }), { search: `?symbol=${encodeURIComponent(symbol)}`, client });
}

describe("a symbol's quantity changes", () => {
  it("shows time in the workspace's zone, account, the order linked, the type in words, before → after in the base asset, a signed delta with an arrow, status, the sync run", () => {
    const html = render([change(1, "QUANTITY_ADDED", "0.1", "0.15", "0.05"), change(2, "QUANTITY_REMOVED", "0.15", "0.1", "-0.05")]);
    const t = text(html);
    expect(t).toContain("20 Nov 2026, 10:00");
    expect(t).toContain("Main");
    expect(html).toContain('href="/orders/0e2c4a6e-3333-4a4a-8a8a-000000000001"');
    expect(t).toContain("Quantity added");
    expect(t).toContain("Quantity removed");
    expect(t).toContain("0.1 → 0.15 BTC");
    expect(t).toContain("▲ +0.05 BTC");
    expect(t).toContain("▼ -0.05 BTC");
    expect(t).toContain("partially filled");
    expect(html).toContain('href="/syncs/0e2c4a6e-4444-4a4a-8a8a-000000000001"');
  });

  it("with none, says so for the symbol and links its orders, the symbol encoded", () => {
    const html = render([]);
    expect(text(html)).toContain("No quantity changes of BTC/USDT:USDT");
    expect(html).toContain('href="/orders?symbol=BTC%2FUSDT%3AUSDT"');
  });

  it("picks a symbol with a GET form over the workspace's symbols, the current one chosen", () => {
    const html = renderToHtml(createElement(SymbolPicker, { symbols: ["BTC/USDT", "ETH/USDT"], current: "ETH/USDT" }), { search: "", client: new QueryClient() });
    expect(html).toContain('action="/orders/quantity-changes"');
    expect(html).toMatch(/<option value="ETH\/USDT" selected="">/);
  });
});
