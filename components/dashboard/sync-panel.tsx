"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { resync } from "@/lib/actions/resync";
import { formatAgo, formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { useNow } from "@/components/ui/use-now";
import { syncOutcome, type SyncOutcome } from "./sync-outcome";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";
import { dashboardKeys, summaryQuery, syncBatchQuery } from "@/lib/read-models/query-options";
import { usePortfolioKey } from "@/components/portfolios/use-portfolio-key";

const POLL_MS = 1_000;
// A run the reaper has not yet marked stale could keep us polling; stop following it sooner.
const FOLLOW_LIMIT_MS = 10 * 60_000;

/**
 * Follows runs through GET /api/sync/batches/[id] (the shared query factory) until none
 * is queued or running; returns their last state.
 */
async function followBatches(queryClient: QueryClient, ids: string[]): Promise<SyncBatchView[]> {
  const deadline = Date.now() + FOLLOW_LIMIT_MS;
  for (;;) {
    const batches = await Promise.all(ids.map((id) => queryClient.fetchQuery(syncBatchQuery(id))));
    const open = batches.some((b) => b.status === "queued" || b.status === "running");
    if (!open || Date.now() > deadline) return batches;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The outcome goes to a toast: it outlives the button's "Syncing…" and reads out once. */
function announce(outcome: SyncOutcome) {
  toast[outcome.tone](outcome.text);
}

/** A connection's trouble in two words, or null when it is healthy. */
function connectionBadge(c: { status: string; lastError: string | null; consecutiveFailures: number }): string | null {
  if (c.status === "needs_attention") return "needs attention";
  if (c.status === "paused") return "paused";
  if (!c.lastError) return null;
  return c.consecutiveFailures > 0 ? `failing (${c.consecutiveFailures})` : "partly synced";
}

/** `canResync`: the viewer's role allows Resync (member and above); a viewer gets no button. */
export function SyncPanel({ canResync }: { canResync: boolean }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(summaryQuery(usePortfolioKey()));
  const [pending, startTransition] = useTransition();
  const now = useNow(15_000);

  const lastSync = data?.connections
    .map((c) => c.lastSyncAt)
    .filter((t): t is string => t !== null)
    .sort()
    .at(-1);

  // The action answers as soon as the runs have their batch ids; the button stays on
  // "Syncing…" while we follow them, then the dashboard re-reads what they wrote.
  const onResync = () =>
    startTransition(async () => {
      try {
        const answer = await resync({});
        const result = answer?.data;
        if (!result) announce({ tone: "error", text: answer?.serverError?.message ?? "Resync was refused" });
        else if (!result.ok) announce({ tone: "error", text: result.error });
        else if (result.mode === "queued") announce({ tone: "success", text: `Queued ${result.connections} sync(s) on Inngest` });
        else announce(syncOutcome(await followBatches(queryClient, result.batchIds)));
      } catch (e) {
        // The server or the network failed us, not the sync: say so instead of tearing the page down.
        announce({ tone: "error", text: `Could not follow the sync: ${e instanceof Error ? e.message : String(e)}` });
      }
      await queryClient.invalidateQueries({ queryKey: dashboardKeys.all });
    });

  return (
    <div className="flex min-w-0 flex-wrap items-center justify-end gap-3 text-sm">
      <span className="text-fg-muted">
        Last sync:{" "}
        <time data-testid="last-sync" dateTime={lastSync ?? ""} suppressHydrationWarning className="font-medium text-fg">
          {lastSync ? formatDateTime(lastSync) : "never"}
        </time>
        {lastSync && now !== null && <span className="ml-1 text-fg-subtle">({formatAgo(lastSync, now)})</span>}
      </span>
      {data?.connections.map((c) => {
        const state = connectionBadge(c);
        return state ? (
          <Badge key={c.id} tone="bad" title={c.lastError ?? undefined}>
            {c.label}: {state}
          </Badge>
        ) : null;
      })}
      {canResync && (
        <button
          type="button"
          onClick={onResync}
          disabled={pending}
          className="inline-flex items-center gap-1.5 rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white shadow-sm hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
        >
          {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
          {pending ? "Syncing…" : "Resync"}
        </button>
      )}
    </div>
  );
}
