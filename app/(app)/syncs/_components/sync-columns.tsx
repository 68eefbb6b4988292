"use client";

import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { dataTableColumns } from "@/components/data-table/table-features";
import { SyncProgress } from "@/components/syncs/sync-progress";
import { countParts, formatDuration, isOpenStatus, statusTone, weightText } from "@/components/syncs/sync-format";
import { Badge } from "@/components/ui/badge";
import { RETRYABLE_STATUSES, type SyncRunView } from "@/lib/read-models/sync-history-schemas";
import { RetryButton } from "./retry-button";

const col = dataTableColumns<SyncRunView>();
const link = "font-medium text-indigo-700 hover:underline dark:text-indigo-300";

/** The /syncs columns; the Retry column only for roles that may retry (member and above). */
export function syncColumns(canRetry: boolean) {
  const columns = col.columns([
    col.accessor("startedAt", {
      header: "Started",
      cell: (info) => (
        <Link href={`/syncs/${info.row.original.id}`} className={link} aria-label={`Sync run of ${info.row.original.connectionLabel}, started ${formatDateTime(info.getValue())}`}>
          <time dateTime={info.getValue()} suppressHydrationWarning>
            {formatDateTime(info.getValue())}
          </time>
        </Link>
      ),
    }),
    col.accessor("connectionLabel", {
      header: "Connection",
      cell: (info) => (
        <span className="flex flex-col">
          <Link href={`/connections/${info.row.original.connectionId}`} className={link}>
            {info.getValue()}
          </Link>
          <span className="text-xs text-fg-subtle">{info.row.original.provider}</span>
        </span>
      ),
    }),
    col.accessor("trigger", {
      header: "Trigger",
      cell: (info) => (
        <span className="flex flex-col">
          <span>{info.getValue()}</span>
          <span className="text-xs text-fg-subtle">{info.row.original.mode ?? "—"}</span>
        </span>
      ),
    }),
    col.accessor("status", {
      header: "Status",
      cell: (info) => {
        const r = info.row.original;
        return isOpenStatus(r.status) ? (
          <SyncProgress status={r.status} progress={r.progress} observedAt={r.observedAt} />
        ) : (
          <Badge tone={statusTone(r.status)}>{r.status}</Badge>
        );
      },
    }),
    col.accessor("durationMs", { header: "Duration", meta: { align: "right" }, cell: (info) => <span className="tabular-nums">{formatDuration(info.getValue())}</span> }),
    col.accessor("apiCalls", {
      header: "API calls",
      meta: { align: "right" },
      cell: (info) => {
        const weight = weightText(info.row.original.apiWeight);
        return (
          <span className="flex flex-col items-end tabular-nums">
            <span>{info.getValue()?.toLocaleString("en-US") ?? "—"}</span>
            {weight && <span className="text-xs text-fg-subtle">weight {weight}</span>}
          </span>
        );
      },
    }),
    col.accessor("counts", {
      header: "Wrote",
      cell: (info) => {
        const parts = countParts(info.getValue());
        return parts.length > 0 ? <span className="text-fg-muted">{parts.join(" · ")}</span> : <span className="text-fg-subtle">—</span>;
      },
    }),
    col.accessor("error", {
      header: "Error",
      cell: (info) => {
        const r = info.row.original;
        if (r.failedStreams.length > 0)
          return (
            <ul className="max-w-xs whitespace-normal text-xs">
              {r.failedStreams.map((f) => (
                <li key={f.stream}>
                  <span className="font-medium">{f.stream}</span> ({f.kind}): {f.message}
                </li>
              ))}
            </ul>
          );
        if (!r.error) return <span className="text-fg-subtle">—</span>;
        return (
          <span className="block max-w-xs truncate text-xs" title={r.error}>
            <span className="font-medium">{r.errorKind ?? "error"}</span>: {r.error}
          </span>
        );
      },
    }),
  ]);
  if (!canRetry) return columns;
  return [
    ...columns,
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => (RETRYABLE_STATUSES.includes(info.row.original.status) ? <RetryButton batchId={info.row.original.id} label={info.row.original.connectionLabel} /> : null),
    }),
  ];
}
