"use client";

import { useSearchParams } from "next/navigation";
import { useId } from "react";
import { fieldClass, secondaryButton } from "@/components/ui/buttons";
import { EXPORT_BUCKET_LABELS, EXPORT_BUCKETS, EXPORT_MAX_DAYS, type ExportDataset } from "@/lib/exports/export-options";
import { exportFormState, exportPath } from "./export-form-state";

export interface ExportTarget {
  dataset: ExportDataset;
  /** What the buttons call it: "Orders", "Order events". */
  label: string;
}

/**
 * Download a page's datasets as CSV or NDJSON (GET /api/exports/[dataset]). A plain GET
 * form inside a disclosure: each button submits to its dataset's route (formAction) with
 * its format, and the browser saves the attachment — no script needed, and the page stays.
 * The range starts as the page's (its URL's from/to days, else `defaultRange`), and the
 * filters named in `forward` ride along as hidden fields, read from the URL as it is now
 * (the table changes it without reloading the page). `buckets`: offer the snapshots
 * export's interval. Columns and limits: docs/architecture.md, "Exports".
 */
export function ExportForm(p: {
  targets: readonly ExportTarget[];
  defaultRange: { from: string; to: string };
  timeZone: string;
  forward?: readonly string[];
  buckets?: boolean;
}) {
  const search = useSearchParams();
  const state = exportFormState(new URLSearchParams(search?.toString() ?? ""), { defaultRange: p.defaultRange, forward: p.forward ?? [] });
  const id = useId();
  const first = p.targets[0];
  if (!first) return null;
  return (
    <details className="group rounded-md border border-line text-sm">
      <summary className="cursor-pointer select-none px-3 py-2 font-medium text-fg hover:bg-surface-2">Download CSV or NDJSON</summary>
      {/* Keyed by the URL: a filter changed on the page resets the fields to the new view. */}
      <form key={search?.toString()} method="get" action={exportPath(first.dataset)} className="space-y-3 border-t border-line px-3 py-3">
        <div className="flex flex-wrap gap-3">
          <label htmlFor={`${id}-from`} className="flex min-w-[9rem] flex-1 flex-col gap-1 text-xs font-medium text-fg-subtle sm:flex-none">
            From (day, {p.timeZone})
            <input id={`${id}-from`} name="from" type="date" required defaultValue={state.from} className={fieldClass} />
          </label>
          <label htmlFor={`${id}-to`} className="flex min-w-[9rem] flex-1 flex-col gap-1 text-xs font-medium text-fg-subtle sm:flex-none">
            To (included)
            <input id={`${id}-to`} name="to" type="date" required defaultValue={state.to} className={fieldClass} />
          </label>
          {p.buckets && (
            <label htmlFor={`${id}-bucket`} className="flex min-w-[9rem] flex-1 flex-col gap-1 text-xs font-medium text-fg-subtle sm:flex-none">
              Interval
              <select id={`${id}-bucket`} name="bucket" defaultValue="1d" className={fieldClass}>
                {EXPORT_BUCKETS.map((b) => (
                  <option key={b} value={b}>
                    {EXPORT_BUCKET_LABELS[b]}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        {state.hidden.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {state.hidden.length > 0 && <p className="text-xs text-fg-subtle">With this page&apos;s filters: {state.hidden.map(([k, v]) => `${k} ${v}`).join(", ")}.</p>}
        <div className="flex flex-wrap gap-2">
          {p.targets.map((t) => (
            <div key={t.dataset} role="group" aria-label={`Download ${t.label.toLowerCase()}`} className="flex flex-wrap gap-2">
              <button type="submit" name="format" value="csv" formAction={exportPath(t.dataset)} className={secondaryButton}>
                {t.label} · CSV
              </button>
              <button type="submit" name="format" value="ndjson" formAction={exportPath(t.dataset)} className={secondaryButton}>
                {t.label} · NDJSON
              </button>
            </div>
          ))}
        </div>
        <p className="text-xs text-fg-subtle">
          Up to {EXPORT_MAX_DAYS} days per file. Money as exact decimals, times in UTC (ISO-8601). A file that fails part-way is marked: CSV downloads fail, NDJSON ends with an
          error line.
        </p>
      </form>
    </details>
  );
}
