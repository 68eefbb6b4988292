"use client";

import Link from "next/link";
import { DataTable } from "@/components/data-table/data-table";
import { dataTableColumns } from "@/components/data-table/table-features";
import { StateBadge } from "@/components/connections/state-badge";
import { CONNECTION_TABLE_URL } from "@/components/connections/table-url";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { connectionPageQuery } from "@/lib/read-models/connection-queries";
import type { ConnectionRow } from "@/lib/read-models/connection-schemas";

const number = new Intl.NumberFormat("en-US");
const col = dataTableColumns<ConnectionRow>();

const columns = col.columns([
  col.accessor("label", {
    header: "Connection",
    cell: ({ row: { original: c } }) => (
      <div className="min-w-40">
        <Link href={`/connections/${c.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {c.label}
        </Link>
        <div className="flex items-center gap-1 text-xs text-fg-subtle">
          {c.providerName}
          {c.isDemo && <Badge tone="demo">Demo</Badge>}
        </div>
      </div>
    ),
  }),
  col.accessor("state", {
    header: "State",
    cell: ({ row: { original: c } }) => (
      <div className="max-w-xs whitespace-normal">
        <StateBadge state={c.state} />
        {c.reason && (
          <p className="mt-1 line-clamp-2 text-xs text-fg-muted" title={c.reason}>
            {c.reason}
          </p>
        )}
        {c.retryNotBefore && (
          <p className="text-xs text-fg-subtle">
            Waiting until <When iso={c.retryNotBefore} />
          </p>
        )}
      </div>
    ),
  }),
  col.accessor("lastSuccessAt", { header: "Last success", cell: ({ row: { original: c } }) => <When iso={c.lastSuccessAt} staleAfter={c.staleAfter} /> }),
  col.accessor("nextRunAt", {
    header: "Next run",
    cell: ({ row: { original: c } }) => (
      <div className="max-w-56 whitespace-normal">
        {c.nextRunAt ? <When iso={c.nextRunAt} /> : <span className="text-xs text-fg-muted">{c.nextRunNote}</span>}
        <p className="text-xs text-fg-subtle">{c.schedule}</p>
      </div>
    ),
  }),
  col.accessor("accounts", { header: "Accounts", meta: { align: "right" }, cell: ({ getValue }) => number.format(getValue()) }),
  col.accessor("apiCalls24h", {
    header: "API, 24 h",
    meta: { align: "right" },
    cell: ({ row: { original: c } }) => (
      <div>
        <span title={`${number.format(c.runs24h)} runs in the last 24 hours`}>{number.format(c.apiCalls24h)} calls</span>
        {c.peakWeight24h && (
          <p className="text-xs text-fg-subtle" title="The highest per-minute request weight the venue reported in these runs">
            peak weight {number.format(c.peakWeight24h.used)}
            {c.peakWeight24h.limit ? ` / ${number.format(c.peakWeight24h.limit)}` : ""} per min ({c.peakWeight24h.bucket})
          </p>
        )}
      </div>
    ),
  }),
]);

/** Every connection of the workspace: its state and why, its last and next run, what it costs at the venue. */
export function ConnectionTable({ canAdd }: { canAdd: boolean }) {
  return (
    <DataTable
      label="Connections"
      columns={columns}
      url={CONNECTION_TABLE_URL}
      query={connectionPageQuery}
      getRowId={(c) => c.id}
      empty={
        canAdd
          ? { title: "No connections yet", description: "Connect an exchange, a broker, a fund platform or a wallet with a read-only key.", action: { href: "/connections/new", label: "Add a connection" } }
          : { title: "No connections yet", description: "An admin or the owner of this workspace adds them." }
      }
    />
  );
}
