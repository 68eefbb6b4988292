import type { TableUrlConfig } from "@/components/data-table/url-state";

/** The quantity-changes table's URL view: time order only; the symbol is the page's own parameter, not a table filter. */
export const QUANTITY_CHANGE_TABLE: TableUrlConfig = { sortable: [] };
