"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, useSyncExternalStore, useTransition } from "react";
import { resync } from "@/app/actions/resync";
import { formatAgo, formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { dashboardKeys, summaryQuery } from "@/lib/api/query-options";

/**
 * The browser's clock, ticking every `intervalMs`; null on the server, whose clock and
 * time zone are not the viewer's, so "x min ago" renders in the browser only.
 */
function useNow(intervalMs: number): number | null {
  return useSyncExternalStore(
    (onTick) => {
      const id = setInterval(onTick, intervalMs);
      return () => clearInterval(id);
    },
    () => Math.floor(Date.now() / intervalMs) * intervalMs,
    () => null,
  );
}

export function SyncPanel() {
  const queryClient = useQueryClient();
  const { data } = useQuery(summaryQuery());
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "good" | "bad"; text: string } | null>(null);
  const now = useNow(15_000);

  const lastSync = data?.connections
    .map((c) => c.lastSyncAt)
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);

  const onResync = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await resync();
      if (!result.ok) setMessage({ tone: "bad", text: result.error });
      else if (result.mode === "queued") setMessage({ tone: "good", text: `Queued ${result.connections} sync(s) on Inngest` });
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    });

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className="text-slate-600">
        Last sync:{" "}
        <time data-testid="last-sync" dateTime={lastSync ?? ""} suppressHydrationWarning className="font-medium text-slate-900">
          {lastSync ? formatDateTime(lastSync) : "never"}
        </time>
        {lastSync && now !== null && <span className="ml-1 text-slate-500">({formatAgo(lastSync, now)})</span>}
      </span>
      {data?.connections.map((c) =>
        c.lastError ? (
          <Badge key={c.id} tone="bad" title={c.lastError}>
            {c.label}: failing ({c.consecutiveFailures})
          </Badge>
        ) : null,
      )}
      <button
        type="button"
        onClick={onResync}
        disabled={pending}
        className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
      >
        {pending ? "Syncing…" : "Resync"}
      </button>
      {message && (
        <span role="status" className={message.tone === "bad" ? "text-rose-700" : "text-emerald-700"}>
          {message.text}
        </span>
      )}
    </div>
  );
}
