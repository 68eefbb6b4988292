"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";
import { useNow } from "@/components/ui/use-now";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";
import { syncBatchQuery } from "@/lib/read-models/query-options";

const POLL_MS = 1_000;
const OPEN = new Set(["queued", "running"]);

const STATUS_TEXT: Record<string, string> = {
  queued: "Waiting to start",
  running: "Reading the venue and writing what it holds",
  succeeded: "Synced",
  partial: "Synced, except some streams",
  failed: "Failed",
  stale: "Stopped: the run was left open too long",
};

function seconds(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** What the run wrote, in words; only the counts that are not zero or that matter. */
function countsText(b: SyncBatchView): string | null {
  const c = b.counts;
  if (!c) return null;
  const parts = [
    `${c.accounts} accounts`,
    `${c.balances} balances`,
    `${c.positions} positions`,
    c.ordersNew + c.ordersChanged > 0 ? `${c.ordersNew} new and ${c.ordersChanged} changed orders` : null,
    c.fills > 0 ? `${c.fills} fills` : null,
    c.valuations ? `${c.valuations} NAV points` : null,
    c.snapshots > 0 ? "a snapshot" : null,
  ];
  return parts.filter(Boolean).join(", ");
}

/**
 * A sync run followed live (GET /api/sync/batches/[id], every second while it is open):
 * its status, how long it has been going, and once it ends what it wrote or why it failed.
 * `onDone` is called once, with the run as it ended.
 */
export function RunProgress({ batchId, onDone }: { batchId: string; onDone?: (batch: SyncBatchView) => void }) {
  const { data, error } = useQuery({
    ...syncBatchQuery(batchId),
    refetchInterval: (q) => (q.state.data && !OPEN.has(q.state.data.status) ? false : POLL_MS),
  });
  const now = useNow(1_000);
  const reported = useRef(false);
  useEffect(() => {
    if (data && !OPEN.has(data.status) && !reported.current) {
      reported.current = true;
      onDone?.(data);
    }
  }, [data, onDone]);

  if (error && !data) return <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">Could not follow the sync: {error.message}</p>;
  const open = !data || OPEN.has(data.status);
  const elapsed = data ? (data.durationMs ?? (now === null ? null : now - new Date(data.startedAt).getTime())) : null;
  const counts = data ? countsText(data) : null;
  const failed = data?.status === "failed" || data?.status === "stale";
  return (
    <div className="space-y-2 text-sm" data-testid="run-progress" aria-live="polite">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={open ? "neutral" : failed ? "bad" : data?.status === "partial" ? "warn" : "good"}>{data?.status ?? "queued"}</Badge>
        <span>{STATUS_TEXT[data?.status ?? "queued"]}</span>
        {elapsed !== null && <span className="text-fg-subtle">{seconds(elapsed)}</span>}
        {data?.mode === "initial" && open && <span className="text-fg-subtle">· first sync: reading the history window</span>}
      </div>
      <div
        role="progressbar"
        aria-label="Sync progress"
        aria-valuetext={open ? `${STATUS_TEXT[data?.status ?? "queued"]}` : STATUS_TEXT[data!.status]}
        {...(open ? {} : { "aria-valuenow": 100, "aria-valuemin": 0, "aria-valuemax": 100 })}
        className="h-1.5 overflow-hidden rounded-full bg-surface-2"
      >
        <div className={`h-full rounded-full ${open ? "w-1/3 animate-pulse bg-indigo-500" : failed ? "w-full bg-rose-500" : "w-full bg-emerald-500"}`} />
      </div>
      {counts && <p className="text-fg-muted">Wrote {counts}{data?.apiCalls !== null && data?.apiCalls !== undefined ? ` · ${data.apiCalls} API calls` : ""}.</p>}
      {data?.error && <p className={failed ? "text-rose-700 dark:text-rose-300" : "text-amber-800 dark:text-amber-300"}>{data.error}</p>}
    </div>
  );
}
