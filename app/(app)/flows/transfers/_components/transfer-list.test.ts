import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { transferTableConfig } from "@/components/cash-flows/transfer-table-config";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import type { KeysetPage } from "@/lib/read-models/keyset-page";
import { transferMatchKeys } from "@/lib/read-models/query-options";
import type { TransferMatchView } from "@/lib/read-models/transfer-match-schemas";
import { TransferList } from "./transfer-list";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const binance = "0e2c4a6e-1111-4a4a-8a8a-000000000001";
const okx = "0e2c4a6e-1111-4a4a-8a8a-000000000002";
const leg = (connectionId: string, connectionLabel: string, amount: string, at: string) => ({
  flowId: `0e2c4a6e-2222-4a4a-8a8a-00000000000${connectionId.slice(-1)}`,
  connectionId,
  connectionLabel,
  connectionDeleted: false,
  holder: "Funding",
  asset: "BTC",
  amount,
  fee: null,
  feeAsset: null,
  occurredAt: at,
  txId: "0xabcdef0123456789abcdef",
  network: "BTC",
});
const live: TransferMatchView = {
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000001",
  state: "live",
  method: "tx_id",
  matchedAt: "2026-03-02T11:00:00.000Z",
  matchedBy: null,
  undoneAt: null,
  undoneBy: null,
  out: { ...leg(binance, "Binance main", "0.5", "2026-03-02T10:00:00.000Z"), fee: "0.0001", feeAsset: "BTC" },
  in: leg(okx, "OKX", "0.4995", "2026-03-02T10:40:00.000Z"),
};
const undone: TransferMatchView = { ...live, id: "0e2c4a6e-3333-4a4a-8a8a-000000000002", state: "undone", undoneAt: "2026-03-03T09:00:00.000Z", undoneBy: "Ana" };

function render(canUndo: boolean, rows: TransferMatchView[] = [live, undone]): string {
  const client = new QueryClient();
  const page: KeysetPage<TransferMatchView> = { rows, nextCursor: null, prevCursor: null };
  client.setQueryData(transferMatchKeys.page(parseTableState("", transferTableConfig)), page);
  return renderToHtml(createElement(TransferList, { canUndo }), { search: "", client });
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the /flows/transfers list", () => {
  it("shows both legs linked to their connections, 0.5 BTC sent and 0.4995 BTC received, the 0.0001 BTC fee, the method and the state", () => {
    const html = render(false);
    const t = text(html);
    expect(html).toContain(`href="/connections/${binance}"`);
    expect(html).toContain(`href="/connections/${okx}"`);
    expect(t).toContain("0.5 BTC");
    expect(t).toContain("received 0.4995 BTC");
    expect(t).toContain("fee 0.0001 BTC");
    expect(t).toContain("by transaction id");
    expect(t).toContain("automatically");
    expect(t).toContain("matched");
    expect(t).toContain("by Ana");
    for (const filter of ["State", "Method"]) expect(t).toContain(filter);
  });

  it("a viewer gets no Undo; a member gets Undo match on the live match only (1 button)", () => {
    expect(render(false)).not.toContain("Undo match");
    const html = render(true);
    expect(html.match(/aria-label="Undo the match of 0.5 BTC from Binance main to OKX"/g)).toHaveLength(1);
  });

  it("empty: says how transfers are matched, with the window (10 minutes before to 6 hours after)", () => {
    const t = text(render(true, []));
    expect(t).toContain("No transfers between your connections matched yet");
    expect(t).toContain("by transaction id, or by the same asset and amount within 10 minutes before to 6 hours after the withdrawal");
  });
});
