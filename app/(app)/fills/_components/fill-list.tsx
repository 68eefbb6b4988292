"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { fillTableConfig } from "@/components/fills/fill-table-config";
import type { OrderFilterChoices } from "@/components/orders/order-table-config";
import type { KeysetPageRequest } from "@/lib/read-models/keyset-page";
import type { FillPage, FillView } from "@/lib/read-models/fill-schemas";
import { fillPageQuery } from "@/lib/read-models/query-options";
import { fillColumns } from "./fill-columns";
import { FillTotalsPanel } from "./fill-totals";

const rowId = (f: FillView) => f.id;

/**
 * The filtered set's totals come with the first page only (GET /api/fills), so a later page
 * shows those of its first page: already cached when the reader paged on from it, fetched
 * once when the URL opened on a later page.
 */
function Totals({ page, request }: { page: FillPage | undefined; request: KeysetPageRequest }) {
  const onLaterPage = request.cursor !== null;
  const first = useQuery({ ...fillPageQuery({ ...request, cursor: null }), enabled: onLaterPage });
  // Nothing to total on an empty list: its empty state says why instead.
  if (page && page.rows.length === 0) return null;
  return <FillTotalsPanel totals={(onLaterPage ? first.data?.totals : page?.totals) ?? undefined} />;
}

const totals = (page: FillPage | undefined, request: KeysetPageRequest) => <Totals page={page} request={request} />;

/** The workspace's fills, newest executed first, filtered in the URL, with the filtered set's totals above. */
export function FillList(p: { choices: OrderFilterChoices; timeZone: string }) {
  const url = useMemo(() => fillTableConfig(p.choices), [p.choices]);
  const columns = useMemo(() => fillColumns({ timeZone: p.timeZone }), [p.timeZone]);
  const noConnection = p.choices.connections.length === 0;
  return (
    <DataTable
      label="Fills"
      columns={columns}
      url={url}
      query={fillPageQuery}
      getRowId={rowId}
      summary={totals}
      empty={{
        title: noConnection ? "Connect a venue to see fills" : "No fills yet",
        filteredTitle: "No fills match these filters",
        description: noConnection
          ? "Fills arrive with each sync of a connection whose venue reports its executions (Binance, OKX, IBKR, the demo venue)."
          : "Fills arrive with the next sync of a connection whose venue reports its executions; so far none has executed.",
        action: noConnection ? { href: "/connections/new", label: "Add a connection" } : undefined,
      }}
    />
  );
}
