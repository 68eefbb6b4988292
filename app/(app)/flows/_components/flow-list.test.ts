import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { flowTableConfig } from "@/components/cash-flows/flow-table-config";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import type { FlowView } from "@/lib/read-models/cash-flow-schemas";
import type { KeysetPage } from "@/lib/read-models/keyset-page";
import { cashFlowKeys } from "@/lib/read-models/query-options";
import { FlowList } from "./flow-list";
import { NetDeposits } from "./net-deposits";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const conn = "0e2c4a6e-1111-4a4a-8a8a-000000000001";
const account = "0e2c4a6e-2222-4a4a-8a8a-000000000001";
const connections = [{ id: conn, label: "Groww" }];
const accounts = [{ id: account, label: "Main", connectionId: conn, connectionLabel: "Groww" }];
const workspace = { baseCurrency: "USD", timeZone: "Asia/Kolkata" };
const base: FlowView = {
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000001",
  occurredAt: "2026-11-20T04:30:00.000Z",
  recordedAt: "2026-11-21T10:00:00.000Z",
  connectionId: conn,
  connectionLabel: "Groww",
  connectionDeleted: false,
  provider: "groww",
  accountId: account,
  holderLabel: "Main",
  kind: "deposit",
  incomeKind: null,
  asset: "USD",
  amount: "1000",
  fee: null,
  feeAsset: null,
  valueBase: "1000",
  baseCurrency: "USD",
  priceSource: "par",
  status: "confirmed",
  venueStatus: null,
  source: "manual",
  enteredBy: "Owner",
  note: "first wire",
  description: null,
  txId: null,
  network: null,
  internalReason: null,
  counts: "counted",
  reversal: null,
  replaces: null,
  replacedById: null,
};
const unvalued: FlowView = {
  ...base,
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000002",
  asset: "BTC",
  amount: "0.1",
  valueBase: null,
  priceSource: null,
  source: "venue",
  enteredBy: null,
  note: null,
  txId: "0xabc123def456abc123def456",
  network: "BTC",
};
const reversed: FlowView = {
  ...base,
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000003",
  amount: "300",
  valueBase: "300",
  counts: "reversed",
  reversal: { at: "2026-11-22T10:00:00.000Z", by: "Member", note: "the statement says 350" },
  replacedById: "0e2c4a6e-3333-4a4a-8a8a-000000000004",
};
const replacement: FlowView = {
  ...base,
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000004",
  amount: "350",
  valueBase: "350",
  replaces: { id: reversed.id, kind: "deposit", asset: "USD", amount: "300", occurredAt: "2026-11-20T04:30:00.000Z" },
};

function render(canAct: boolean, rows: FlowView[] = [base, unvalued, reversed, replacement]): string {
  const client = new QueryClient();
  const page: KeysetPage<FlowView> = { rows, nextCursor: null, prevCursor: null };
  client.setQueryData(cashFlowKeys.page(parseTableState("", flowTableConfig(connections))), page);
  return renderToHtml(createElement(FlowList, { connections, accounts, canAct, workspace }), { search: "", client });
}
// React separates adjacent text with empty comments: dropped, so a sentence reads as one.
const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("the /flows list", () => {
  it("shows each flow's value in USD with its sign, times in the workspace's zone, who entered it, and the filters", () => {
    const t = text(render(false));
    expect(t).toContain("+$1,000.00");
    expect(t).toContain("20 Nov 2026, 10:00"); // 04:30 UTC in Asia/Kolkata
    expect(t).toContain("by Owner");
    for (const filter of ["Connection", "Kind", "Status", "Source", "Counts", "Flow, tx or venue id"]) expect(t).toContain(filter);
  });

  it("an unvalued flow says so and why, never 0; its tx id is shortened with the whole in the title", () => {
    const html = render(false);
    expect(text(html)).toContain("unvalued");
    expect(html).toContain("No price in USD was known at this flow&#x27;s time");
    expect(html).toContain('title="0xabc123def456abc123def456"');
    expect(text(html)).toContain("0xabc123…def456");
  });

  it("a reversed flow shows who reversed it and why, and links to both it and its replacement; the replacement names the 300 deposit", () => {
    const html = render(false);
    const t = text(html);
    expect(t).toContain("Reversed by Member");
    expect(t).toContain("“the statement says 350”");
    expect(html).toContain(`href="/flows?find=${reversed.id}"`);
    expect(t).toContain("Replaces deposit 300 USD of 20 Nov 2026");
  });

  it("a viewer gets no Reverse or Replace; a member gets both on each flow not yet reversed", () => {
    expect(render(false)).not.toMatch(/aria-label="(Reverse|Replace) /);
    const html = render(true);
    expect(html).toContain('aria-label="Reverse deposit 1,000 USD of 20 Nov 2026"');
    expect(html).toContain('aria-label="Replace deposit 1,000 USD of 20 Nov 2026"');
    expect(html).not.toContain('aria-label="Reverse deposit 300 USD');
  });

  it("with no flows it says how flows arrive, Groww's by hand", () => {
    expect(text(render(false, []))).toContain("Groww has no API: add its deposits and withdrawals with “Add a flow”");
  });

  it("net deposits name the method and what they leave out", () => {
    const html = renderToHtml(createElement(NetDeposits, { net: { net: "1190", currency: "USD", counted: 4, unvalued: 1 } }), { search: "", client: new QueryClient() });
    const t = text(html);
    expect(t).toContain("+$1,190.00");
    expect(t).toContain("Confirmed deposits and subscriptions minus withdrawals and redemptions, valued at the flow's time; internal and matched transfers excluded.");
    expect(t).toContain("Over 4 counted flows");
    expect(t).toContain("Excludes 1 unvalued flow");
  });
});
