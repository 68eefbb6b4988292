"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { symbolParts } from "@/components/orders/order-words";
import { QUANTITY_CHANGE_TABLE } from "@/components/orders/quantity-change-table";
import { quantityChangePageQuery } from "@/lib/read-models/query-options";
import type { QuantityChangeView } from "@/lib/read-models/quantity-change-schemas";
import { quantityChangeColumns } from "./quantity-change-columns";

const rowId = (c: QuantityChangeView) => String(c.seq);

/** One symbol's quantity changes across the workspace's accounts, oldest first, keyset-paged. */
export function QuantityChangeList(p: { symbol: string; timeZone: string }) {
  const columns = useMemo(() => quantityChangeColumns({ timeZone: p.timeZone, base: symbolParts(p.symbol).base }), [p.symbol, p.timeZone]);
  // Stable per symbol: the table's query input.
  const query = useMemo(() => quantityChangePageQuery(p.symbol), [p.symbol]);
  return (
    <DataTable
      label={`Quantity changes of ${p.symbol}`}
      columns={columns}
      url={QUANTITY_CHANGE_TABLE}
      query={query}
      getRowId={rowId}
      empty={{
        title: `No quantity changes of ${p.symbol}`,
        description: "An order's quantity change is recorded when a sync sees an order amended up or down. None of this symbol's orders has been.",
        action: { href: `/orders?symbol=${encodeURIComponent(p.symbol)}`, label: `${p.symbol} orders` },
      }}
    />
  );
}
