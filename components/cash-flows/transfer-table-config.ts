import type { TableUrlConfig } from "@/components/data-table/url-state";
import { TRANSFER_METHOD_LABELS } from "@/lib/read-models/transfer-match-schemas";

/** The /flows/transfers table's URL view (and GET /api/cash-flows/transfers's query): newest match first, by state and method. */
export const transferTableConfig: TableUrlConfig = {
  sortable: ["matchedAt"],
  defaultSort: { id: "matchedAt", desc: true },
  filters: [
    {
      id: "state",
      label: "State",
      options: [
        { value: "live", label: "Matched" },
        { value: "undone", label: "Undone or released" },
      ],
    },
    { id: "method", label: "Method", options: Object.entries(TRANSFER_METHOD_LABELS).map(([value, label]) => ({ value, label })) },
  ],
};
