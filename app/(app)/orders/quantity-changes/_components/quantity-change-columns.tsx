"use client";

import Link from "next/link";
import { formatQuantity } from "@/components/format";
import { dataTableColumns } from "@/components/data-table/table-features";
import { Amount } from "@/components/orders/amount";
import { ORDER_STATUS_TONE } from "@/components/orders/order-words";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { ORDER_EVENT_LABELS, ORDER_STATUS_LABELS } from "@/lib/read-models/order-schemas";
import type { QuantityChangeView } from "@/lib/read-models/quantity-change-schemas";

const col = dataTableColumns<QuantityChangeView>();
const link = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";
const small = "text-xs text-fg-subtle";

/** A change's exact delta with its sign and an arrow, never colour alone. */
function Delta({ value, unit }: { value: string | null; unit: string }) {
  if (value === null) return <span className="text-fg-subtle">—</span>;
  const down = value.startsWith("-");
  return (
    <span className={down ? "text-rose-700 dark:text-rose-300" : "text-emerald-700 dark:text-emerald-300"}>
      <span className="tabular-nums" title={value}>
        {`${down ? "▼ -" : "▲ +"}${formatQuantity(down ? value.slice(1) : value)}`}
      </span>
      <span className="ml-1 text-xs text-fg-subtle">{unit}</span>
    </span>
  );
}

/** The quantity-changes columns: time order, each event's account, order, before → after and delta in the base asset. */
export function quantityChangeColumns(p: { timeZone: string; base: string }) {
  return col.columns([
    col.accessor("occurredAt", { header: "Time", cell: (info) => <When iso={info.getValue()} absolute timeZone={p.timeZone} /> }),
    col.accessor("accountName", {
      header: "Account",
      cell: (info) => (
        <span className="flex flex-col">
          <span>{info.getValue()}</span>
          <span className={small}>{info.row.original.connectionLabel}</span>
        </span>
      ),
    }),
    col.accessor("venueOrderId", {
      header: "Order",
      cell: (info) => (
        <Link href={`/orders/${info.row.original.orderId}`} className={`${link} font-mono text-xs`} aria-label={`Order ${info.getValue()}`}>
          {info.getValue()}
        </Link>
      ),
    }),
    col.accessor("type", { header: "Type", cell: (info) => ORDER_EVENT_LABELS[info.getValue()] }),
    col.accessor("quantityAfter", {
      header: "Quantity before → after",
      meta: { align: "right" },
      cell: (info) => (
        <span className="tabular-nums">
          <Amount value={info.row.original.quantityBefore} unit={null} /> → <Amount value={info.getValue()} unit={p.base} />
        </span>
      ),
    }),
    col.accessor("delta", { header: () => <span title="after − before, exact">Change</span>, meta: { align: "right" }, cell: (info) => <Delta value={info.getValue()} unit={p.base} /> }),
    col.accessor("statusAfter", { header: "Status after", cell: (info) => <Badge tone={ORDER_STATUS_TONE[info.getValue()]}>{ORDER_STATUS_LABELS[info.getValue()]}</Badge> }),
    col.accessor("syncBatchId", {
      header: "Sync",
      cell: (info) => (
        <Link href={`/syncs/${info.getValue()}`} className={link}>
          Sync run →
        </Link>
      ),
    }),
  ]);
}
