"use client";

import Link from "next/link";
import { dataTableColumns } from "@/components/data-table/table-features";
import { Amount } from "@/components/orders/amount";
import { symbolParts } from "@/components/orders/order-words";
import { When } from "@/components/ui/when";
import type { FillView } from "@/lib/read-models/fill-schemas";

const col = dataTableColumns<FillView>();
const link = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";
const small = "text-xs text-fg-subtle";
const quote = (f: FillView) => symbolParts(f.symbol).quote;

/** The /fills columns: one execution each, executed-at in the workspace's zone; amounts with their asset. */
export function fillColumns(p: { timeZone: string }) {
  return col.columns([
    col.accessor("executedAt", { header: "Executed at", cell: (info) => <When iso={info.getValue()} absolute timeZone={p.timeZone} /> }),
    col.accessor("symbol", { header: "Symbol" }),
    col.accessor("side", { header: "Side", cell: (info) => <span className={info.getValue() === "buy" ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}>{info.getValue()}</span> }),
    col.accessor("price", { header: "Price", meta: { align: "right" }, cell: (info) => <Amount value={info.getValue()} unit={quote(info.row.original)} /> }),
    col.accessor("quantity", { header: "Quantity", meta: { align: "right" }, cell: (info) => <Amount value={info.getValue()} unit={symbolParts(info.row.original.symbol).base} /> }),
    col.accessor("notional", {
      header: () => <span title="price × quantity, exact, in the quote asset">Notional</span>,
      meta: { align: "right" },
      cell: (info) => <Amount value={info.getValue()} unit={quote(info.row.original)} />,
    }),
    col.accessor("fee", { header: "Fee", meta: { align: "right" }, cell: (info) => <Amount value={info.getValue()} unit={info.row.original.feeAsset} /> }),
    col.accessor("liquidity", { header: "Maker / taker", cell: (info) => info.getValue() ?? <span className={small}>not reported</span> }),
    col.accessor("strategy", {
      header: () => <span title="The strategy tag the client order id carries (docs/strategy-tags.md)">Strategy</span>,
      cell: (info) => info.getValue() ?? <span className={small}>untagged</span>,
    }),
    col.accessor("accountName", {
      header: "Account",
      cell: (info) => (
        <span className="flex flex-col">
          <span>{info.getValue()}</span>
          <span className={small}>{info.row.original.connectionLabel}</span>
        </span>
      ),
    }),
    col.accessor("orderId", {
      header: "Order",
      cell: (info) => {
        const id = info.getValue();
        const venueOrderId = info.row.original.venueOrderId;
        return id ? (
          <Link href={`/orders/${id}`} className={`${link} font-mono text-xs`} aria-label={`Order ${venueOrderId}`}>
            {venueOrderId}
          </Link>
        ) : (
          <span className={`${small} font-mono`} title="No order with this id is recorded for the account">
            {venueOrderId}
          </span>
        );
      },
    }),
  ]);
}
