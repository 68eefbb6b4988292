"use client";

import Link from "next/link";
import { dataTableColumns } from "@/components/data-table/table-features";
import { Amount } from "@/components/orders/amount";
import { ORDER_STATUS_TONE, symbolParts } from "@/components/orders/order-words";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { ORDER_STATUS_LABELS, type OrderView } from "@/lib/read-models/order-schemas";
import { quantityChangesHref } from "@/lib/read-models/quantity-change-schemas";

const col = dataTableColumns<OrderView>();
const link = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";
const small = "text-xs text-fg-subtle";

/** The /orders columns: each order's current state, placed-at in the workspace's zone. */
export function orderColumns(p: { timeZone: string }) {
  return col.columns([
    col.accessor("placedAt", {
      header: "Placed at",
      cell: (info) => (
        <Link href={`/orders/${info.row.original.id}`} className={link} aria-label={`Order ${info.row.original.venueOrderId}`}>
          <When iso={info.getValue()} absolute timeZone={p.timeZone} />
        </Link>
      ),
    }),
    col.accessor("symbol", {
      header: "Symbol",
      cell: (info) => (
        <span className="flex flex-col">
          <Link href={quantityChangesHref(info.getValue())} className="hover:underline" title={`Every quantity change of ${info.getValue()} across the accounts`}>
            {info.getValue()}
          </Link>
          <span className={small}>{info.row.original.accountName}</span>
        </span>
      ),
    }),
    col.accessor("side", { header: "Side", cell: (info) => <span className={info.getValue() === "buy" ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}>{info.getValue()}</span> }),
    col.accessor("type", { header: "Type" }),
    col.accessor("price", { header: "Price", meta: { align: "right" }, cell: (info) => <Amount value={info.getValue()} unit={symbolParts(info.row.original.symbol).quote} /> }),
    col.accessor("quantity", { header: "Quantity", meta: { align: "right" }, cell: (info) => <Amount value={info.getValue()} unit={symbolParts(info.row.original.symbol).base} /> }),
    col.accessor("filledQuantity", { header: "Filled", meta: { align: "right" }, cell: (info) => <Amount value={info.getValue()} unit={symbolParts(info.row.original.symbol).base} /> }),
    col.accessor("averagePrice", {
      header: () => <span title="Volume-weighted average price of the order's fills, as the venue reports it">Avg fill price</span>,
      meta: { align: "right" },
      cell: (info) => <Amount value={info.getValue()} unit={symbolParts(info.row.original.symbol).quote} />,
    }),
    col.accessor("status", { header: "Status", cell: (info) => <Badge tone={ORDER_STATUS_TONE[info.getValue()]}>{ORDER_STATUS_LABELS[info.getValue()]}</Badge> }),
    col.accessor("strategy", {
      header: () => <span title="The strategy tag the client order id carries (docs/strategy-tags.md)">Strategy</span>,
      cell: (info) => info.getValue() ?? <span className="text-fg-subtle">untagged</span>,
    }),
    col.accessor("lastChangeAt", { header: "Last change", cell: (info) => <When iso={info.getValue()} absolute timeZone={p.timeZone} /> }),
  ]);
}
