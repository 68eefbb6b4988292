"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatDateTime } from "@/components/format";
import { SyncProgress } from "@/components/syncs/sync-progress";
import { formatDuration, isOpenStatus, statusTone, weightText } from "@/components/syncs/sync-format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { followedBatchQuery } from "@/lib/read-models/query-options";
import type { RawResponseSummary } from "@/lib/read-models/raw-response-schemas";
import { RETRYABLE_STATUSES } from "@/lib/read-models/sync-history-schemas";
import { RetryButton } from "../../_components/retry-button";
import { RawResponses } from "./raw-responses";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-fg-subtle">{label}</dt>
      <dd className="mt-0.5 text-sm tabular-nums">{children}</dd>
    </div>
  );
}

const time = (iso: string | null) =>
  iso ? (
    <time dateTime={iso} suppressHydrationWarning>
      {formatDateTime(iso)}
    </time>
  ) : (
    "—"
  );

/**
 * One run: what started it, how it went stream by stream (live while it runs: polled
 * every 750 ms), what it wrote and cost, why it failed, and for admins the venue's own
 * answers it kept.
 */
export function SyncRunDetail({
  batchId,
  connection,
  canRetry,
  rawResponses,
}: {
  batchId: string;
  connection: { id: string; label: string; provider: string };
  canRetry: boolean;
  /** Null: the viewer may not read them (admins only). */
  rawResponses: RawResponseSummary[] | null;
}) {
  const q = useQuery(followedBatchQuery(batchId));
  if (q.isPending) return <LoadingState label="Loading the run" blocks={["h-32", "h-40"]} />;
  if (q.isError) return <ErrorState title="This run could not load" message={q.error.message} onRetry={() => void q.refetch()} />;
  const run = q.data;
  const c = run.counts;
  return (
    <div className="space-y-4">
      <Card
        title={`Sync of ${connection.label}`}
        actions={canRetry && RETRYABLE_STATUSES.includes(run.status) ? <RetryButton batchId={run.id} label={connection.label} size="page" /> : undefined}
      >
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
          <Field label="Status">
            <Badge tone={statusTone(run.status)}>{run.status}</Badge>
          </Field>
          <Field label="Connection">
            <Link href={`/connections/${connection.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {connection.label}
            </Link>{" "}
            <span className="text-fg-subtle">({connection.provider})</span>
          </Field>
          <Field label="Trigger · mode">
            {run.trigger} · {run.mode ?? "—"}
          </Field>
          <Field label="Started">{time(run.startedAt)}</Field>
          <Field label="Finished">{time(run.finishedAt)}</Field>
          <Field label="Duration">{formatDuration(run.durationMs)}</Field>
        </dl>
      </Card>

      <Card title={isOpenStatus(run.status) ? "Progress" : "Streams"}>
        {run.progress || isOpenStatus(run.status) ? (
          <SyncProgress status={run.status} progress={run.progress} observedAt={run.observedAt} variant="full" />
        ) : (
          <p className="text-sm text-fg-muted">This run predates per-stream progress.</p>
        )}
      </Card>

      {(run.error || run.failedStreams.length > 0) && (
        <Card title={run.status === "partial" ? "Streams that failed" : "Error"}>
          {run.failedStreams.length > 0 ? (
            <ul className="space-y-1 text-sm">
              {run.failedStreams.map((f) => (
                <li key={f.stream}>
                  <span className="font-medium">{f.stream}</span> <Badge tone="bad">{f.kind}</Badge> {f.message}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm break-words">
              <Badge tone="bad">{run.errorKind ?? "error"}</Badge> {run.error}
            </p>
          )}
        </Card>
      )}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="What it wrote">
          {c ? (
            <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3">
              <Field label="Accounts">{c.accounts}</Field>
              <Field label="Balances">{c.balances}</Field>
              <Field label="Positions">{c.positions}</Field>
              <Field label="Orders new">{c.ordersNew.toLocaleString("en-US")}</Field>
              <Field label="Orders changed">{c.ordersChanged.toLocaleString("en-US")}</Field>
              <Field label="Order events">{c.orderEvents.toLocaleString("en-US")}</Field>
              <Field label="Fills">{c.fills.toLocaleString("en-US")}</Field>
              <Field label="NAV points">{(c.valuations ?? 0).toLocaleString("en-US")}</Field>
              <Field label="Snapshot">{c.snapshots > 0 ? "taken" : "none"}</Field>
            </dl>
          ) : (
            <p className="text-sm text-fg-muted">{isOpenStatus(run.status) ? "Counts appear when the run commits." : "Nothing: the run wrote nothing (a failed run leaves the previous state)."}</p>
          )}
        </Card>
        <Card title="Venue API">
          <dl className="grid grid-cols-2 gap-4">
            <Field label="Requests">{run.apiCalls?.toLocaleString("en-US") ?? "—"}</Field>
            <Field label="Weight used">{weightText(run.apiWeight) ?? "not reported"}</Field>
            <Field label="Responses kept">{c?.rawResponses ?? "—"}</Field>
          </dl>
        </Card>
      </div>

      {rawResponses && (
        <Card title="Stored venue responses">
          <RawResponses responses={rawResponses} />
        </Card>
      )}
    </div>
  );
}
