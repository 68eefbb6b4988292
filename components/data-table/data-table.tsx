"use client";

import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useTable, type RowData } from "@tanstack/react-table";
import { Suspense, useMemo, type ReactNode } from "react";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { Skeleton } from "@/components/ui/skeleton";
import { EmptyState, ErrorState } from "@/components/ui/states";
import type { KeysetPage, KeysetPageRequest } from "@/lib/read-models/keyset-page";
import { SkeletonRows } from "./skeleton-rows";
import { SortHeader } from "./sort-header";
import { dataTableFeatures, type DataTableColumn } from "./table-features";
import { TableFilters } from "./table-filters";
import { TablePager } from "./table-pager";
import { fromColumnFilters, fromSortingState, pageSteps, toColumnFilters, toSortingState, type TableUrlConfig } from "./url-state";
import { useTableUrlState } from "./use-table-url-state";

/**
 * The shared list view (ui-conventions, "Tables"): the route pages, sorts and filters; the
 * URL holds the view; this component renders it with its loading, empty and error states.
 * `columns`, `url`, `query` and `getRowId` must be stable (module constants): they are the
 * table model's inputs.
 */
export interface DataTableProps<Row extends RowData, Key extends QueryKey = QueryKey, Page extends KeysetPage<Row> = KeysetPage<Row>> {
  /** Names the table, its scroll region and its pager for assistive technology. */
  label: string;
  columns: DataTableColumn<Row>[];
  url: TableUrlConfig;
  /** The page's query options from lib/read-models: one request in, one keyset page out. */
  query: (request: KeysetPageRequest) => UseQueryOptions<Page, Error, Page, Key>;
  getRowId: (row: Row) => string;
  /** Why the list is empty and what to do next, when no filter is the reason; `filteredTitle` when one is ("Nothing matches these filters"). */
  empty: { title: string; description?: ReactNode; action?: { href: string; label: string }; filteredTitle?: string };
  /**
   * Shown between the filters and the rows, from the same response (a list's totals);
   * undefined while the first page loads. `request` is the page's, for a summary that the
   * first page alone carries (it does not change with the page).
   */
  summary?: (page: Page | undefined, request: KeysetPageRequest) => ReactNode;
}

// One empty array for every render: a new [] would make the table rebuild its row model each time.
const NO_ROWS: never[] = [];
const SKELETON_ROWS = 8;

export function DataTable<Row extends RowData, Key extends QueryKey = QueryKey, Page extends KeysetPage<Row> = KeysetPage<Row>>(props: DataTableProps<Row, Key, Page>) {
  // The URL state comes from useSearchParams, which needs a Suspense boundary on a statically rendered page.
  return (
    <Suspense fallback={<Skeleton className="h-64" />}>
      <DataTableView {...props} />
    </Suspense>
  );
}

function DataTableView<Row extends RowData, Key extends QueryKey, Page extends KeysetPage<Row>>({ label, columns, url, query, getRowId, empty, summary }: DataTableProps<Row, Key, Page>) {
  const { state, change } = useTableUrlState(url);
  const result = useQuery({ ...query(state), placeholderData: keepPreviousData });
  const sorting = useMemo(() => toSortingState(state.sort), [state.sort]);
  const columnFilters = useMemo(() => toColumnFilters(state.filters), [state.filters]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: result.data?.rows ?? NO_ROWS,
    getRowId,
    // The route sorts and filters; the table holds that state, mirrored from the URL.
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    // With a default order, "no sort" would snap back to it and a click would seem to do nothing.
    enableSortingRemoval: !url.defaultSort,
    state: { sorting, columnFilters },
    onSortingChange: (updater) =>
      change({ kind: "sort", sort: fromSortingState(typeof updater === "function" ? updater(sorting) : updater, url) }),
    onColumnFiltersChange: (updater) =>
      change({ kind: "filters", filters: fromColumnFilters(typeof updater === "function" ? updater(columnFilters) : updater, url) }),
  });

  const page = result.data;
  const steps = page ? pageSteps(state.cursor, page) : { previous: null, next: null };
  const filtered = Object.keys(state.filters).length > 0;
  const columnCount = table.getAllLeafColumns().length;

  let body: ReactNode;
  if (result.isError && !page) {
    body = <ErrorState title={`${label} could not load`} message={result.error.message} onRetry={() => void result.refetch()} />;
  } else if (page && page.rows.length === 0) {
    body = filtered ? (
      <EmptyState title={empty.filteredTitle ?? "Nothing matches these filters"}>
        <button type="button" onClick={() => change({ kind: "filters", filters: {} })} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          Clear filters
        </button>
      </EmptyState>
    ) : (
      <EmptyState title={empty.title} action={empty.action}>
        {empty.description}
      </EmptyState>
    );
  } else {
    body = (
      <ScrollRegion label={`${label}, scrollable`} className="max-h-[70vh] overflow-y-auto">
        <table className="w-full whitespace-nowrap text-sm" aria-busy={result.isFetching} data-testid="data-table">
          <caption className="sr-only">{label}</caption>
          <thead className="text-xs uppercase tracking-wide text-fg-subtle">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-line">
                {group.headers.map((header) => (
                  <SortHeader key={header.id} header={header} sortable={url.sortable.includes(header.column.id)} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody className={result.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
            {result.isPending ? (
              <SkeletonRows rows={Math.min(state.limit, SKELETON_ROWS)} columns={columnCount} />
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className="border-b border-line-soft last:border-0">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className={cell.column.columnDef.meta?.align === "right" ? "py-2 pr-4 text-right" : "py-2 pr-4"}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </ScrollRegion>
    );
  }

  return (
    <div className="min-w-0 space-y-3">
      {url.filters && url.filters.length > 0 && (
        <TableFilters
          filters={url.filters}
          values={state.filters}
          onChange={(id, value) => change({ kind: "filter", id, value })}
          onClear={() => change({ kind: "filters", filters: {} })}
        />
      )}
      {/* Not beside a failed first load: its error says what happened, a skeleton would say "loading". */}
      {!(result.isError && !page) && summary?.(page, state)}
      {body}
      {/* A refetch failed while the last page is still shown: say so, keep the rows. */}
      {result.isError && page && <ErrorState title="Could not refresh" message={result.error.message} onRetry={() => void result.refetch()} />}
      {!(page && page.rows.length === 0 && state.cursor === null) && (
        <TablePager
          label={label}
          limit={state.limit}
          onFirstPage={state.cursor === null}
          previous={steps.previous}
          next={steps.next}
          onPage={(cursor) => change({ kind: "page", cursor })}
          onLimit={(limit) => change({ kind: "limit", limit })}
        />
      )}
    </div>
  );
}
