import { ScrollRegion } from "@/components/ui/scroll-region";
import type { MonthlyReturn } from "@/lib/read-models/performance-series-schemas";
import { pctText } from "./percent";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A cell's tint: green for gains, red for losses, stronger up to ±10 % a month. Colour only
 * adds to the signed number in the cell, never replaces it (ui-conventions, "Signs and colour").
 */
function tint(r: number | null): string {
  if (r === null || r === 0) return "";
  const step = Math.min(3, Math.ceil((Math.abs(r) / 0.1) * 3));
  const up = ["bg-emerald-50 dark:bg-emerald-950/40", "bg-emerald-100 dark:bg-emerald-900/50", "bg-emerald-200 dark:bg-emerald-800/60"];
  const down = ["bg-rose-50 dark:bg-rose-950/40", "bg-rose-100 dark:bg-rose-900/50", "bg-rose-200 dark:bg-rose-800/60"];
  return (r > 0 ? up : down)[step - 1]!;
}

/**
 * Monthly returns as a year × month table: the values are the content (screen readers read
 * a real table), the colour is an enhancement. No chart library: a grid needs none. A month
 * the range or the history cuts is marked with an asterisk.
 */
export function MonthlyReturnsHeatmap({ months, timeZone, method }: { months: MonthlyReturn[]; timeZone: string; method: string }) {
  const years = [...new Set(months.map((m) => m.year))].sort((a, b) => b - a);
  const at = new Map(months.map((m) => [`${m.year}-${m.month}`, m]));
  const anyPartial = months.some((m) => m.partial);
  return (
    <figure className="m-0" data-testid="monthly-returns-heatmap">
      <ScrollRegion label="Monthly returns, scrollable">
        <table className="w-full border-separate border-spacing-0.5 text-right text-xs tabular-nums">
          <caption className="sr-only">{`Monthly returns by year and month, in ${timeZone}`}</caption>
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium text-fg-subtle">
                Year
              </th>
              {MONTHS.map((m) => (
                <th key={m} scope="col" className="px-2 py-1 font-medium text-fg-subtle">
                  {m}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y}>
                <th scope="row" className="px-2 py-1 text-left font-medium">
                  {y}
                </th>
                {MONTHS.map((name, i) => {
                  const m = at.get(`${y}-${i + 1}`);
                  return (
                    <td
                      key={name}
                      className={`rounded px-2 py-1 whitespace-nowrap ${tint(m?.return ?? null)}`}
                      title={m?.partial ? `${name} ${y}: part of the month only` : undefined}
                    >
                      {m ? (
                        <>
                          {pctText(m.return, { signed: true })}
                          {m.partial && (
                            <>
                              <span aria-hidden="true">*</span>
                              <span className="sr-only"> (part of the month)</span>
                            </>
                          )}
                        </>
                      ) : (
                        <>
                          <span className="text-fg-subtle" aria-hidden="true">
                            ·
                          </span>
                          <span className="sr-only">no data</span>
                        </>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <figcaption className="mt-2 text-xs text-fg-subtle">
        {method}
        {anyPartial && " * part of the month only."}
      </figcaption>
    </figure>
  );
}
