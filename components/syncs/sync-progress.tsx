"use client";

import { Check, Circle, LoaderCircle, X } from "lucide-react";
import { useSyncExternalStore } from "react";
import { useNow } from "@/components/ui/use-now";
import type { SyncStatus } from "@/db/schema/sync-enums";
import { progressSummary, STREAM_LABELS, type SyncProgressView } from "@/lib/read-models/sync-progress-view";
import { formatDuration, isOpenStatus } from "./sync-format";

export interface SyncProgressProps {
  status: SyncStatus;
  progress: SyncProgressView | null;
  /** The server's clock when the run was read: elapsed times are measured on it, not on the browser's. */
  observedAt: string;
  /** compact: a bar and one line (a table row); full: also every stream with its count and time. */
  variant?: "compact" | "full";
}

/**
 * A run's progress: a bar over its steps (each stream read, pricing, writing), what is
 * happening now and for how long. The clock ticks in the browser between polls, so a long
 * read (an IBKR Flex statement) or the one write transaction of a 10,000-order first sync
 * shows its time growing instead of a bar that seems stuck. Reusable: /syncs, a run's page,
 * and anything that starts a sync and wants to show it.
 */
export function SyncProgress({ status, progress, observedAt, variant = "compact" }: SyncProgressProps) {
  const open = isOpenStatus(status);
  const now = useNow(open ? 500 : 60_000);
  const offset = useServerOffset(observedAt);
  const summary = progressSummary(status, progress);
  const serverNow = now === null || offset === null ? null : now + offset;
  const elapsed = open && summary.since && serverNow !== null ? Math.max(0, serverNow - Date.parse(summary.since)) : null;
  const pct = Math.round(summary.fraction * 100);
  const tone = status === "failed" || status === "stale" ? "bg-rose-500" : status === "partial" ? "bg-amber-500" : "bg-indigo-500";

  return (
    <div className={variant === "compact" ? "w-56 max-w-full space-y-1" : "space-y-3"}>
      <div
        role="progressbar"
        aria-label="Sync progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={summary.label}
        className="h-2 overflow-hidden rounded-full bg-surface-2"
      >
        <div className={`h-full rounded-full transition-[width] duration-500 ${tone} ${open ? "animate-pulse" : ""}`} style={{ width: `${Math.max(pct, open ? 4 : 0)}%` }} />
      </div>
      <p className="text-xs text-fg-muted" data-testid="sync-progress-label">
        {summary.label}
        {elapsed !== null && <span className="text-fg-subtle"> · for {formatDuration(elapsed)}</span>}
      </p>
      {variant === "full" && progress && <StreamList progress={progress} serverNow={serverNow} />}
    </div>
  );
}

// Server clock minus browser clock, per reading, taken the first time the browser renders
// that reading (about when it arrived). Bounded: only the latest readings are kept.
const offsets = new Map<string, number>();
function offsetFor(observedAt: string): number {
  let offset = offsets.get(observedAt);
  if (offset === undefined) {
    offset = Date.parse(observedAt) - Date.now();
    offsets.set(observedAt, offset);
    if (offsets.size > 200) offsets.delete(offsets.keys().next().value!);
  }
  return offset;
}
const noSubscription = () => () => {};

/** So "for 12 s" is right even when the server's and the browser's clocks disagree. Null on the server. */
function useServerOffset(observedAt: string): number | null {
  return useSyncExternalStore(noSubscription, () => offsetFor(observedAt), () => null);
}

function StreamList({ progress, serverNow }: { progress: SyncProgressView; serverNow: number | null }) {
  return (
    <ol aria-label="Streams" className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-4">
      {progress.streams.map((s) => {
        const took =
          s.startedAt && s.finishedAt
            ? Date.parse(s.finishedAt) - Date.parse(s.startedAt)
            : s.startedAt && serverNow !== null
              ? serverNow - Date.parse(s.startedAt)
              : null;
        return (
          <li key={s.stream} className="flex items-center gap-2 rounded-md border border-line px-3 py-2">
            <StreamIcon state={s.state} />
            <span className="font-medium capitalize">{STREAM_LABELS[s.stream]}</span>
            <span className="ml-auto text-right text-xs text-fg-muted tabular-nums">
              {s.state === "pending" && "waiting"}
              {s.state === "running" && `reading${took !== null ? ` · ${formatDuration(took)}` : ""}`}
              {s.state === "done" && `${(s.items ?? 0).toLocaleString("en-US")}${took !== null ? ` · ${formatDuration(took)}` : ""}`}
              {s.state === "failed" && "failed"}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function StreamIcon({ state }: { state: SyncProgressView["streams"][number]["state"] }) {
  const label = { pending: "waiting", running: "in progress", done: "done", failed: "failed" }[state];
  const icon = {
    pending: <Circle aria-hidden className="size-4 text-fg-subtle" />,
    running: <LoaderCircle aria-hidden className="size-4 animate-spin text-indigo-600 dark:text-indigo-400" />,
    done: <Check aria-hidden className="size-4 text-emerald-600 dark:text-emerald-400" />,
    failed: <X aria-hidden className="size-4 text-rose-600 dark:text-rose-400" />,
  }[state];
  return (
    <span title={label}>
      {icon}
      <span className="sr-only">{label}</span>
    </span>
  );
}
