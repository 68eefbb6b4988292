import { columnFilteringFeature, createColumnHelper, rowSortingFeature, tableFeatures, type ColumnDef, type RowData } from "@tanstack/react-table";

/**
 * The TanStack Table features every data table registers: sorting and column filters, both
 * manual (the route sorts and filters; the table only holds the state, mirrored from the
 * URL). Pagination is keyset, by cursor, which TanStack's page-index model does not fit, so
 * the table pages itself.
 */
export interface DataTableColumnMeta {
  /** Numbers are right-aligned (ui-conventions, "Numbers"). */
  align?: "left" | "right";
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  columnMeta: {} as DataTableColumnMeta,
});

export type DataTableFeatures = typeof dataTableFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each column keeps its own value type
export type DataTableColumn<Row extends RowData> = ColumnDef<DataTableFeatures, Row, any>;

/** Column definitions for a page's table: `const col = dataTableColumns<Order>()`. */
export function dataTableColumns<Row extends RowData>() {
  return createColumnHelper<DataTableFeatures, Row>();
}
