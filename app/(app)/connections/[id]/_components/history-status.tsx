import { formatDate, formatDateTime, formatMoney, formatQuantity } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import type { HistoryView } from "@/lib/read-models/connection-detail";

const th = "py-2 pr-4 font-medium";

/** What each residual kind means, in words (lib/engines/history/backward-walk.ts). */
const KIND = {
  opening: { label: "held before the history", why: "Held before the first stored fill, deposit or withdrawal: the venue's older history was not read" },
  "negative-balance": { label: "left unseen", why: "Undoing the history would take this balance below zero: something moved it out that no stored event records" },
  "unexplained-change": { label: "differs from a snapshot", why: "A measured snapshot disagrees with the history (an airdrop, a venue-internal conversion, a missed event): the measurement wins" },
} as const;

/** A local day as stored ("2026-11-17"): the date itself, whatever zone the page renders in. */
const day = (d: string) => formatDate(`${d}T00:00:00Z`, "UTC");

/**
 * A connection's reconstruction as it stands: the last run (when, how many days, or why it
 * failed) and every residual event it booked, which the equity chart counts as a deposit or
 * withdrawal, never as a gain. Shown, never hidden (issue 18).
 */
export function HistoryStatus({ history }: { history: HistoryView }) {
  const { run } = history;
  return (
    <div className="space-y-3" data-testid="history-status">
      {!run ? (
        <p className="text-fg-muted">Not reconstructed yet: it runs after the first sync that stores fills, deposits or withdrawals.</p>
      ) : (
        <>
          {run.outcome === "failed" && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800 dark:border-red-800 dark:bg-red-950/40 dark:text-red-200">
              The last run, {formatDateTime(run.ranAt)}, failed: {run.error ?? "no message"}.{" "}
              {run.succeededAt ? `What is shown is from the run of ${formatDateTime(run.succeededAt)}.` : "Nothing has been reconstructed yet."}
            </p>
          )}
          {run.succeededAt && (
            <p>
              {run.days > 0 && run.firstDay && run.lastDay ? (
                <>
                  <span className="font-medium">{run.days.toLocaleString("en-GB")} day(s)</span> reconstructed before the first measured snapshot, {day(run.firstDay)} to{" "}
                  {day(run.lastDay)}
                </>
              ) : (
                <>No day before the first measured snapshot to rebuild</>
              )}
              {run.gapDays > 0 && (
                <>
                  , and <span className="font-medium">{run.gapDays.toLocaleString("en-GB")} day(s)</span> filling {run.gapsFilled.toLocaleString("en-GB")} gap(s) between measured
                  snapshots
                </>
              )}
              , by the run of {formatDateTime(run.succeededAt)}.
            </p>
          )}
        </>
      )}
      {run?.succeededAt && <Residuals history={history} />}
    </div>
  );
}

function Residuals({ history }: { history: HistoryView }) {
  const { residuals, residualCount } = history;
  if (residualCount === 0) {
    return <p className="text-fg-muted">No residual: every change of holdings is explained by the stored fills, deposits and withdrawals.</p>;
  }
  return (
    <div className="space-y-2">
      <h3 className="font-medium">
        Residuals <Badge tone="warn">{residualCount.toLocaleString("en-GB")}</Badge>
      </h3>
      <p className="text-fg-muted">
        Changes of holdings nothing in the stored history explains. Each is counted as a deposit (+) or a withdrawal (−) on its day, so missing history never shows
        as a gain or a loss.{residualCount > residuals.length ? ` The first ${residuals.length} by day are listed.` : ""}
      </p>
      <ScrollRegion label="Residuals, scrollable">
        <table className="w-full whitespace-nowrap text-sm" data-testid="residuals-table">
          <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
            <tr className="border-b border-line">
              <th scope="col" className={th}>Day</th>
              <th scope="col" className={th}>Asset</th>
              <th scope="col" className={th}>What</th>
              <th scope="col" className={`${th} text-right`}>Quantity</th>
              <th scope="col" className={`${th} text-right`} title="At the day's close in the base currency">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {residuals.map((r, i) => (
              <tr key={`${r.day}-${r.asset}-${r.kind}-${i}`} className="border-b border-line-soft last:border-0">
                <td className="py-2 pr-4">
                  {day(r.day)} <span className="text-xs text-fg-subtle">({r.at === "start" ? "start of day" : "end of day"})</span>
                </td>
                <td className="py-2 pr-4 font-medium">{r.asset}</td>
                <td className="py-2 pr-4" title={KIND[r.kind].why}>
                  {KIND[r.kind].label}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums" title={r.quantity}>
                  {r.quantity.startsWith("-") ? "−" : "+"}
                  {formatQuantity(r.quantity.replace(/^-/, ""))}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {r.valueBase === null ? <span className="text-fg-subtle" title="No close for this asset on that day">unpriced</span> : formatMoney(r.valueBase, r.baseCurrency, { signed: true })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
