import Link from "next/link";
import { hrefWithPortfolio } from "@/components/portfolios/portfolio-pages";
import { PERFORMANCE_RANGE_LABELS, PERFORMANCE_RANGES, type PerformanceRangeId } from "@/lib/read-models/performance-range";

const pill = "rounded-md px-2.5 py-1 text-sm font-medium";
const FIELD = "rounded-md border border-line bg-surface px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600";

/**
 * The range in the URL: a link per preset, and a custom range of local days in the
 * workspace's zone submitted as a plain GET form (?range=custom&from=…&to=…), so every view
 * is a link and nothing needs script to change it. The portfolio selection (`portfolio`, its
 * URL value) travels with every choice.
 */
export function RangeSelector(p: { selected: PerformanceRangeId | null; fromDay: string | null; toDay: string; today: string; timeZone: string; portfolio?: string }) {
  return (
    <div className="flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="range-selector">
      <nav aria-label="Range" className="flex flex-wrap gap-1">
        {PERFORMANCE_RANGES.filter((r) => r !== "custom").map((r) => {
          const current = p.selected === r;
          return (
            <Link
              key={r}
              href={hrefWithPortfolio(`/performance?range=${r}`, p.portfolio ?? null)}
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
        {p.portfolio && p.portfolio !== "all" && <input type="hidden" name="portfolio" value={p.portfolio} />}
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
