"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { PERFORMANCE_RANGE_LABELS, PERFORMANCE_RANGES, type PerformanceRangeId } from "@/lib/read-models/performance-range";

const pill = "rounded-md px-2.5 py-1 text-sm font-medium";
const FIELD = "rounded-md border border-line bg-surface px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600";
/** The range's own parameters; every other one (benchmark, portfolio, …) is the view's and is kept. */
const RANGE_PARAMS = new Set(["range", "from", "to"]);

/** The current URL's parameters that a range change must carry over. */
function keptParams(search: URLSearchParams): [string, string][] {
  return [...search.entries()].filter(([k]) => !RANGE_PARAMS.has(k));
}

export function rangeHref(range: PerformanceRangeId, kept: readonly [string, string][]): string {
  const q = new URLSearchParams([["range", range], ...kept]);
  return `/performance?${q.toString()}`;
}

/**
 * The range in the URL: a link per preset, and a custom range of local days in the
 * workspace's zone submitted as a plain GET form (?range=custom&from=…&to=…), so every view
 * is a link and nothing needs script to change it. A client component only to read the live
 * URL: the benchmark picker changes ?benchmark= in place, without a server render, and a
 * range link built on the server would drop it.
 */
export function RangeSelector(p: { selected: PerformanceRangeId | null; fromDay: string | null; toDay: string; today: string; timeZone: string }) {
  const kept = keptParams(new URLSearchParams(useSearchParams()?.toString() ?? ""));
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="range-selector">
      <nav aria-label="Range" className="flex flex-wrap gap-1">
        {PERFORMANCE_RANGES.filter((r) => r !== "custom").map((r) => {
          const current = p.selected === r;
          return (
            <Link
              key={r}
              href={rangeHref(r, kept)}
              aria-current={current ? "page" : undefined}
              className={`${pill} ${current ? "bg-indigo-600 text-white" : "text-fg-muted hover:bg-surface-2"}`}
            >
              {PERFORMANCE_RANGE_LABELS[r]}
            </Link>
          );
        })}
      </nav>
      <form method="get" action="/performance" className="flex flex-wrap items-end gap-2" aria-label="Custom range">
        <input type="hidden" name="range" value="custom" />
        {kept.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="text-xs text-fg-subtle">
          <span className="block">From</span>
          <input type="date" name="from" required defaultValue={p.fromDay ?? undefined} max={p.today} className={FIELD} />
        </label>
        <label className="text-xs text-fg-subtle">
          <span className="block">To</span>
          <input type="date" name="to" required defaultValue={p.toDay} max={p.today} className={FIELD} />
        </label>
        <button type="submit" className={`${pill} border border-line ${p.selected === "custom" ? "bg-indigo-600 text-white" : "hover:bg-surface-2"}`}>
          Custom
        </button>
        <span className="pb-1 text-xs text-fg-subtle">Days in {p.timeZone}</span>
      </form>
    </div>
  );
}
