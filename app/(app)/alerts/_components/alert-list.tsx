"use client";

import { useMemo } from "react";
import { alertTableConfig } from "@/components/alerts/alert-table-config";
import { DataTable } from "@/components/data-table/data-table";
import type { AlertView } from "@/lib/read-models/alert-schemas";
import { alertPageQuery } from "@/lib/read-models/query-options";
import { alertColumns } from "./alert-columns";

const rowId = (a: AlertView) => a.id;

/** The workspace's alerts, newest first, filtered in the URL. */
export function AlertList({ connections, canAct }: { connections: Array<{ id: string; label: string }>; canAct: boolean }) {
  const url = useMemo(() => alertTableConfig(connections), [connections]);
  const columns = useMemo(() => alertColumns(canAct), [canAct]);
  return (
    <DataTable
      label="Alerts"
      columns={columns}
      url={url}
      query={alertPageQuery}
      getRowId={rowId}
      empty={{
        title: "No alerts",
        description: "Alerts appear when a sync fails, a connection needs attention, snapshots have a gap, or a risk limit is crossed.",
      }}
    />
  );
}
