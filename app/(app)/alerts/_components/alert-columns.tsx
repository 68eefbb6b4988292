"use client";

import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { dataTableColumns } from "@/components/data-table/table-features";
import { Badge } from "@/components/ui/badge";
import type { NotifyStatus } from "@/db/schema/alert-enums";
import { ALERT_KIND_LABELS, type AlertView } from "@/lib/read-models/alert-schemas";
import { AlertRowActions } from "./alert-row-actions";

const col = dataTableColumns<AlertView>();
const severityTone = { critical: "bad", warning: "warn", info: "neutral" } as const;
const NOTIFIED: Record<NotifyStatus, string> = {
  delivered: "sent",
  partial: "sent to some channels",
  failed: "delivery failed",
  muted: "muted: not sent",
  no_channel: "no channel takes it",
};

const time = (iso: string) => (
  <time dateTime={iso} suppressHydrationWarning>
    {formatDateTime(iso)}
  </time>
);

/** The /alerts columns; the actions menu only for roles that may act (member and above). */
export function alertColumns(canAct: boolean) {
  const columns = col.columns([
    col.accessor("severity", { header: "Severity", cell: (info) => <Badge tone={severityTone[info.getValue()]}>{info.getValue()}</Badge> }),
    col.accessor("title", {
      header: "Alert",
      cell: (info) => (
        <div className="max-w-md min-w-64 whitespace-normal">
          <p className="font-medium">{info.getValue()}</p>
          <p className="text-xs text-fg-muted">{info.row.original.message}</p>
          <p className="mt-0.5 text-xs text-fg-subtle">{ALERT_KIND_LABELS[info.row.original.kind]}</p>
        </div>
      ),
    }),
    col.accessor("connectionLabel", {
      header: "Connection",
      cell: (info) =>
        info.row.original.connectionId ? (
          <Link href={`/connections/${info.row.original.connectionId}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            {info.getValue()}
          </Link>
        ) : (
          <span className="text-fg-subtle">{info.row.original.kind === "concentration" ? info.row.original.subject : "—"}</span>
        ),
    }),
    col.accessor("lastSeenAt", { header: "Last seen", cell: (info) => time(info.getValue()) }),
    col.accessor("firstSeenAt", { header: "First seen", cell: (info) => time(info.getValue()) }),
    col.accessor("occurrences", { header: "Times", meta: { align: "right" }, cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
    col.display({
      id: "state",
      header: "State",
      cell: (info) => {
        const a = info.row.original;
        return (
          <div className="flex flex-col items-start gap-1">
            <span className="flex flex-wrap gap-1">
              {a.resolvedAt ? <Badge tone="good">resolved</Badge> : <Badge tone="bad">open</Badge>}
              {a.acknowledgedAt && <Badge>acknowledged</Badge>}
            </span>
            {a.mutedUntil && <span className="text-xs text-fg-muted">muted until {time(a.mutedUntil)}</span>}
            {a.notifyStatus && <span className="text-xs text-fg-subtle">{NOTIFIED[a.notifyStatus]}</span>}
          </div>
        );
      },
    }),
  ]);
  if (!canAct) return columns;
  return [...columns, col.display({ id: "actions", header: () => <span className="sr-only">Actions</span>, cell: (info) => <AlertRowActions alert={info.row.original} /> })];
}
