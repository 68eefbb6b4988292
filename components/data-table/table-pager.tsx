"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import { PAGE_SIZES, type PageStep } from "./url-state";

const buttonClass =
  "inline-flex items-center gap-1 rounded-md border border-line px-2.5 py-1.5 font-medium text-fg hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-50 disabled:hover:bg-transparent";

/**
 * Keyset paging: first, previous and next, never "page 7 of 40,000" (a cursor has no page
 * number). Disabled where there is nowhere to go.
 */
export function TablePager({
  label,
  limit,
  onFirstPage,
  previous,
  next,
  onPage,
  onLimit,
}: {
  label: string;
  limit: number;
  onFirstPage: boolean;
  previous: PageStep | null;
  next: PageStep | null;
  onPage: (cursor: string | null) => void;
  onLimit: (limit: number) => void;
}) {
  return (
    <nav aria-label={`${label}: pages`} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <label className="flex items-center gap-2 text-fg-muted">
        Rows per page
        <select value={limit} onChange={(e) => onLimit(Number(e.target.value))} className="rounded-md border border-line bg-surface px-2 py-1 text-fg">
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <div className="flex gap-2">
        <button type="button" className={buttonClass} disabled={onFirstPage} onClick={() => onPage(null)} aria-label="First page">
          <ChevronsLeft aria-hidden className="size-4" />
        </button>
        <button type="button" className={buttonClass} disabled={!previous} onClick={() => previous && onPage(previous.cursor)}>
          <ChevronLeft aria-hidden className="size-4" />
          Previous
        </button>
        <button type="button" className={buttonClass} disabled={!next} onClick={() => next && onPage(next.cursor)}>
          Next
          <ChevronRight aria-hidden className="size-4" />
        </button>
      </div>
    </nav>
  );
}
