import type { TableUrlConfig } from "@/components/data-table/url-state";
import { PROVIDER_FORMS } from "@/lib/read-models/connection-forms";
import { CONNECTION_SORTS } from "@/lib/read-models/connection-schemas";
import { CONNECTION_STATE_LABELS, CONNECTION_STATES } from "@/lib/read-models/connection-state";

/** The connections list's view in the URL (?state=failing&sort=nextRunAt.asc): the table and its route share it. */
export const CONNECTION_TABLE_URL: TableUrlConfig = {
  sortable: CONNECTION_SORTS,
  filters: [
    { id: "state", label: "State", options: CONNECTION_STATES.map((s) => ({ value: s, label: CONNECTION_STATE_LABELS[s] })) },
    { id: "provider", label: "Venue", options: PROVIDER_FORMS.map((f) => ({ value: f.provider, label: f.name })) },
  ],
  defaultSort: { id: "label", desc: false },
  defaultLimit: 25,
};
