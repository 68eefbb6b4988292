import type { TableUrlConfig } from "@/components/data-table/url-state";
import { SYNC_STATUSES, SYNC_TRIGGERS } from "@/db/schema/sync-enums";

/** The /syncs table's URL view (and GET /api/syncs's query): newest first, by connection, status, trigger. */
export function syncTableConfig(connections: ReadonlyArray<{ id: string; label: string }>): TableUrlConfig {
  return {
    sortable: ["startedAt"],
    defaultSort: { id: "startedAt", desc: true },
    filters: [
      { id: "connection", label: "Connection", options: connections.map((c) => ({ value: c.id, label: c.label })) },
      { id: "status", label: "Status", options: SYNC_STATUSES.map((s) => ({ value: s, label: s })) },
      { id: "trigger", label: "Trigger", options: SYNC_TRIGGERS.map((t) => ({ value: t, label: t })) },
    ],
  };
}
