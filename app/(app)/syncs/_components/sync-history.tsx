"use client";

import { useMemo } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { syncTableConfig } from "@/components/syncs/sync-table-config";
import { syncHistoryQuery } from "@/lib/read-models/query-options";
import type { SyncRunView } from "@/lib/read-models/sync-history-schemas";
import { syncColumns } from "./sync-columns";

const rowId = (r: SyncRunView) => r.id;

/**
 * The workspace's sync runs: filters and pages in the URL, running runs with their
 * progress (the list polls every second while one is open).
 */
export function SyncHistory({ connections, canRetry }: { connections: Array<{ id: string; label: string }>; canRetry: boolean }) {
  // The table's inputs must be stable across renders: built once per set of connections and role.
  const url = useMemo(() => syncTableConfig(connections), [connections]);
  const columns = useMemo(() => syncColumns(canRetry), [canRetry]);
  return (
    <DataTable
      label="Sync runs"
      columns={columns}
      url={url}
      query={syncHistoryQuery}
      getRowId={rowId}
      empty={{
        title: "No syncs yet",
        description: "Runs appear here as soon as a connection syncs: on its schedule, after Resync, or when a connection is added.",
        action: { href: "/connections", label: "Add a connection" },
      }}
    />
  );
}
