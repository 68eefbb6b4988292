import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import { fillTableConfig } from "@/components/fills/fill-table-config";
import type { FillPage, FillView } from "@/lib/read-models/fill-schemas";
import { fillKeys } from "@/lib/read-models/query-options";
import { FillList } from "./fill-list";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const choices = { connections: [{ id: "0e2c4a6e-1111-4a4a-8a8a-000000000001", label: "Demo" }], accounts: [{ id: "0e2c4a6e-2222-4a4a-8a8a-000000000001", label: "Demo · Main" }] };
const fill: FillView = {
  id: "0e2c4a6e-5555-4a4a-8a8a-000000000001",
  executedAt: "2026-11-20T04:30:00.000Z",
  connectionId: choices.connections[0]!.id,
  connectionLabel: "Demo",
  accountId: choices.accounts[0]!.id,
  accountName: "Main",
  symbol: "BTC/USDT",
  side: "sell",
  price: "91234.5",
  quantity: "0.05",
  notional: "4561.725",
  fee: "4.561725",
  feeAsset: "USDT",
  liquidity: "maker",
  strategy: "mm-btc",
  venueOrderId: "mm-btc-4189-s",
  clientOrderId: "mm-btc:4189s",
  orderId: "0e2c4a6e-3333-4a4a-8a8a-000000000001",
};
const totals: FillPage["totals"] = {
  fills: 1234,
  quantity: [
    { asset: "BTC", total: "1.2345", fills: 1000 },
    { asset: "AAPL", total: "10", fills: 234 },
  ],
  notional: [
    { asset: "USDT", total: "112614.15025", fills: 1000 },
    { asset: null, total: "1900.5", fills: 234 },
  ],
  fees: [
    { asset: "USDT", total: "112.61415025", fills: 1000 },
    { asset: "BNB", total: "0.0003", fills: 234 },
  ],
};
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

function render(rows: FillView[], search = "", c = choices, client = new QueryClient()): string {
  const request = parseTableState(search, fillTableConfig(c));
  const page: FillPage = { rows, nextCursor: null, prevCursor: null, totals: request.cursor !== null ? null : rows.length ? totals : { fills: 0, quantity: [], notional: [], fees: [] } };
  client.setQueryData(fillKeys.page(request), page);
  return renderToHtml(createElement(FillList, { choices: c, timeZone: "Asia/Kolkata" }), { search, client });
}

describe("the /fills list", () => {
  it("shows executed-at in the workspace's zone, price and notional in USDT, quantity in BTC, the fee with its asset, maker, strategy, account, and links the order", () => {
    const html = render([fill]);
    const t = text(html);
    expect(t).toContain("20 Nov 2026, 10:00"); // 04:30 UTC in Asia/Kolkata
    expect(t).toContain("91,234.5 USDT");
    expect(t).toContain("0.05 BTC");
    expect(t).toContain("4,561.725 USDT");
    expect(t).toContain("4.561725 USDT");
    expect(t).toContain("maker");
    expect(t).toContain("mm-btc");
    expect(t).toContain("Main");
    expect(html).toContain(`href="/orders/${fill.orderId}"`);
    expect(t).toContain("mm-btc-4189-s");
  });

  it("shows the venue order id without a link when the order is not recorded", () => {
    const html = render([{ ...fill, orderId: null }]);
    expect(html).not.toContain('href="/orders/');
    expect(text(html)).toContain("mm-btc-4189-s");
  });

  it("has the /orders filters but status, executed-at days instead of placed-at", () => {
    const t = text(render([fill]));
    for (const f of ["Connection", "Account", "Symbol", "Side", "Strategy", "Executed from (YYYY-MM-DD)", "Executed to (YYYY-MM-DD)", "Venue or client order id"]) expect(t).toContain(f);
    expect(t).not.toContain("Status");
    expect(t).not.toContain("Placed from");
  });

  it("totals the filtered set above the table by asset, names its method, and never adds two assets", () => {
    const t = text(render([fill]));
    expect(t).toContain("1,234");
    expect(t).toContain("1.2345 BTC");
    expect(t).toContain("10 AAPL");
    expect(t).toContain("112,614.15025 USDT");
    expect(t).toContain("1,900.5 (quote not named by the symbol)");
    expect(t).toContain("0.0003 BNB");
    expect(t).toContain("Σ price × quantity and Σ quantity over the 1,234 fills matching the filters");
  });

  it("a later page (totals: null) shows the totals its first page carried, not a second sum", () => {
    const client = new QueryClient();
    const first = parseTableState("?symbol=BTC%2FUSDT", fillTableConfig(choices));
    client.setQueryData(fillKeys.page(first), { rows: [fill], nextCursor: "c2", prevCursor: null, totals } satisfies FillPage);
    const t = text(render([fill], "?symbol=BTC%2FUSDT&cursor=c2", choices, client));
    expect(t).toContain("1.2345 BTC");
    expect(t).toContain("over the 1,234 fills matching the filters");
  });

  it("empty: asks for a venue when there is no connection, says none executed otherwise, and names the filters when they are the reason", () => {
    expect(text(render([], "", { connections: [], accounts: [] }))).toContain("Connect a venue to see fills");
    expect(render([], "", { connections: [], accounts: [] })).toContain('href="/connections/new"');
    expect(text(render([]))).toContain("No fills yet");
    const filtered = text(render([], "?side=buy"));
    expect(filtered).toContain("No fills match these filters");
    expect(filtered).toContain("Clear filters");
    expect(filtered).not.toContain("matching the filters");
  });
});
