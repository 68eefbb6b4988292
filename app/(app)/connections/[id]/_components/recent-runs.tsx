import Link from "next/link";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/states";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";

const TONE: Record<string, "good" | "bad" | "warn" | "neutral"> = { succeeded: "good", partial: "warn", failed: "bad", stale: "bad" };
const duration = (ms: number | null) => (ms === null ? "—" : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);

/** The last few runs, with the full history one link away. */
export function RecentRuns({ connectionId, runs }: { connectionId: string; runs: ConnectionDetail["recentRuns"] }) {
  return (
    <Card
      title="Recent syncs"
      actions={
        <Link href={`/syncs?connection=${connectionId}`} className="text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          All syncs →
        </Link>
      }
    >
      {runs.length === 0 ? (
        <EmptyState title="Not synced yet" />
      ) : (
        <ul className="divide-y divide-line-soft text-sm">
          {runs.map((r) => (
            <li key={r.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2">
              <Badge tone={TONE[r.status] ?? "neutral"}>{r.status}</Badge>
              <span>{formatDateTime(r.startedAt)}</span>
              <span className="text-fg-subtle">
                {r.trigger} · {duration(r.durationMs)}
                {r.apiCalls !== null ? ` · ${r.apiCalls} API calls` : ""}
              </span>
              {r.error && <span className="basis-full break-words text-xs text-fg-muted">{r.error}</span>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
