"use client";

import { FlexRender, type Header, type RowData } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { DataTableFeatures } from "./table-features";

const ariaSort = { asc: "ascending", desc: "descending" } as const;

/**
 * A column header: a button that cycles the route's sort for sortable columns, plain text
 * otherwise. `aria-sort` tells assistive technology which column orders the rows.
 */
export function SortHeader<Row extends RowData>({ header, sortable }: { header: Header<DataTableFeatures, Row, unknown>; sortable: boolean }) {
  const sorted = header.column.getIsSorted();
  const right = header.column.columnDef.meta?.align === "right";
  const Icon = sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <th
      scope="col"
      aria-sort={sorted ? ariaSort[sorted] : undefined}
      className={`sticky top-0 z-10 bg-surface py-2 pr-4 font-medium ${right ? "text-right" : "text-left"}`}
    >
      {header.isPlaceholder ? null : sortable ? (
        <button
          type="button"
          onClick={header.column.getToggleSortingHandler()}
          className={`inline-flex items-center gap-1 rounded uppercase tracking-wide hover:text-fg ${right ? "flex-row-reverse" : ""} ${sorted ? "text-fg" : ""}`}
        >
          <FlexRender header={header} />
          <Icon aria-hidden className={`size-3.5 shrink-0 ${sorted ? "" : "opacity-50"}`} />
        </button>
      ) : (
        <FlexRender header={header} />
      )}
    </th>
  );
}
