import type { TableUrlConfig } from "@/components/data-table/url-state";
import { CASH_FLOW_KINDS, CASH_FLOW_SOURCES, CASH_FLOW_STATUSES, FLOW_KIND_LABELS, FLOW_SOURCE_LABELS } from "@/lib/read-models/cash-flow-schemas";

/** The /flows table's URL view (and GET /api/cash-flows's query): newest first, by connection, kind, status, source, counted or not. */
export function flowTableConfig(connections: ReadonlyArray<{ id: string; label: string }>): TableUrlConfig {
  return {
    sortable: ["occurredAt"],
    defaultSort: { id: "occurredAt", desc: true },
    filters: [
      { id: "connection", label: "Connection", options: connections.map((c) => ({ value: c.id, label: c.label })) },
      { id: "kind", label: "Kind", options: CASH_FLOW_KINDS.map((k) => ({ value: k, label: FLOW_KIND_LABELS[k] })) },
      { id: "status", label: "Status", options: CASH_FLOW_STATUSES.map((s) => ({ value: s, label: s })) },
      { id: "source", label: "Source", options: CASH_FLOW_SOURCES.map((s) => ({ value: s, label: FLOW_SOURCE_LABELS[s] })) },
      { id: "counted", label: "Counts", options: [{ value: "yes", label: "Counted" }, { value: "no", label: "Not counted" }] },
      { id: "find", label: "Flow, tx or venue id" },
    ],
  };
}
