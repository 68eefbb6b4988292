import type { TableUrlConfig } from "@/components/data-table/url-state";
import { ALERT_KINDS, ALERT_SEVERITIES } from "@/db/schema/alert-enums";
import { ALERT_KIND_LABELS } from "@/lib/read-models/alert-schemas";

/** The /alerts table's URL view (and GET /api/alerts's query). */
export function alertTableConfig(connections: ReadonlyArray<{ id: string; label: string }>): TableUrlConfig {
  return {
    sortable: ["lastSeenAt", "firstSeenAt"],
    defaultSort: { id: "lastSeenAt", desc: true },
    filters: [
      { id: "kind", label: "Kind", options: ALERT_KINDS.map((k) => ({ value: k, label: ALERT_KIND_LABELS[k] })) },
      { id: "severity", label: "Severity", options: ALERT_SEVERITIES.map((s) => ({ value: s, label: s })) },
      { id: "connection", label: "Connection", options: connections.map((c) => ({ value: c.id, label: c.label })) },
      { id: "acknowledged", label: "Acknowledged", options: [{ value: "no", label: "Not yet" }, { value: "yes", label: "Acknowledged" }] },
      { id: "state", label: "State", options: [{ value: "open", label: "Open" }, { value: "resolved", label: "Resolved" }] },
    ],
  };
}
