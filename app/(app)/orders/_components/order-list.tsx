"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { orderTableConfig, type OrderFilterChoices } from "@/components/orders/order-table-config";
import type { OrderView } from "@/lib/read-models/order-schemas";
import { orderPageQuery } from "@/lib/read-models/query-options";
import { orderColumns } from "./order-columns";

const rowId = (o: OrderView) => o.id;

/** The workspace's orders, newest placed first, filtered in the URL; each row opens its audit trail. */
export function OrderList(p: { choices: OrderFilterChoices; timeZone: string }) {
  const url = useMemo(() => orderTableConfig(p.choices), [p.choices]);
  const columns = useMemo(() => orderColumns({ timeZone: p.timeZone }), [p.timeZone]);
  return (
    <DataTable
      label="Orders"
      columns={columns}
      url={url}
      query={orderPageQuery}
      getRowId={rowId}
      empty={{
        title: "No orders yet",
        description: "Orders arrive with each sync of a connection whose venue reports them (Binance, OKX, IBKR, the demo venue). Each change is recorded as an event in the account's hash chain.",
        action: p.choices.connections.length === 0 ? { href: "/connections/new", label: "Add a connection" } : undefined,
      }}
    />
  );
}
