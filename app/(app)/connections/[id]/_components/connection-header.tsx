"use client";

import { LoaderCircle, Pause, Play, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useCallback, useState, useTransition } from "react";
import { toast } from "sonner";
import { RunProgress } from "@/components/connections/run-progress";
import { StateBadge } from "@/components/connections/state-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { When } from "@/components/ui/when";
import { pauseConnection, resumeConnection } from "@/lib/actions/connection-schedule";
import { resync } from "@/lib/actions/resync";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";
import { DeleteDialog } from "./delete-dialog";
import { RotateDialog } from "./rotate-dialog";

export interface ConnectionPermissions {
  /** Resync: members and above. */
  resync: boolean;
  /** Pause, resume, schedule, rotate, refresh token, delete: admins and owners. */
  admin: boolean;
}

const buttonClass =
  "inline-flex items-center gap-1.5 rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-surface-2 disabled:cursor-wait disabled:opacity-60";

/**
 * Who the connection is and how it is doing, with what the viewer's role allows them to
 * do about it. A run in progress (started here or by the schedule) is followed live; when
 * it ends the page re-reads what it wrote.
 */
export function ConnectionHeader({ detail, can }: { detail: ConnectionDetail; can: ConnectionPermissions }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busy, setBusy] = useState<string | null>(null);
  const [batchId, setBatchId] = useState<string | null>(detail.openBatchId);
  const [following, setFollowing] = useState(detail.openBatchId !== null);
  const [dialog, setDialog] = useState<"rotate" | "delete" | null>(null);

  const act = (name: string, fn: () => Promise<void>) =>
    startTransition(async () => {
      setBusy(name);
      try {
        await fn();
      } catch (e) {
        toast.error(`The server could not be reached: ${e instanceof Error ? e.message : String(e)}`);
      }
    });

  const onResync = () =>
    act("resync", async () => {
      const answer = await resync({ connectionId: detail.id });
      const result = answer?.data;
      if (!result) return void toast.error(answer?.serverError?.message ?? "Resync was refused");
      if (!result.ok) return void toast.error(result.error);
      if (result.mode === "queued") return void toast.success("Sync queued on Inngest");
      setBatchId(result.batchIds[0] ?? null);
      setFollowing(result.batchIds.length > 0);
    });

  const onPause = (paused: boolean) =>
    act(paused ? "pause" : "resume", async () => {
      const answer = await (paused ? pauseConnection : resumeConnection)({ connectionId: detail.id });
      if (!answer?.data?.ok) return void toast.error(answer?.serverError?.message ?? "The change was refused");
      toast.success(paused ? `${detail.label} paused` : `${detail.label} resumed`);
      router.refresh();
    });

  const onRunDone = useCallback(
    (batch: SyncBatchView) => {
      setFollowing(false);
      const ok = batch.status === "succeeded" || batch.status === "partial";
      toast[ok ? "success" : "error"](ok ? `${detail.label} synced` : `Sync ${batch.status}: ${batch.error ?? ""}`);
      router.refresh();
    },
    [detail.label, router],
  );

  const paused = detail.status === "paused";
  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <h2 className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            {detail.label}
            {detail.isDemo && <Badge tone="demo">Demo</Badge>}
          </h2>
          <p className="text-sm text-fg-muted">{detail.providerName}</p>
          <div className="flex flex-wrap items-center gap-2 pt-1" data-testid="connection-state">
            <StateBadge state={detail.state} />
            {detail.reason && <span className="max-w-prose break-words text-sm text-fg-muted">{detail.reason}</span>}
          </div>
          {detail.retryNotBefore && (
            <p className="text-sm text-fg-muted">
              The venue asked us to wait until <When iso={detail.retryNotBefore} absolute />
            </p>
          )}
        </div>
        {(can.resync || can.admin) && (
          <div className="flex flex-wrap gap-2" role="group" aria-label="Connection actions">
            {can.resync && (
              <button type="button" onClick={onResync} disabled={pending || following} className={buttonClass}>
                {busy === "resync" && pending ? <LoaderCircle aria-hidden className="size-4 animate-spin" /> : <RefreshCw aria-hidden className="size-4" />}
                Resync
              </button>
            )}
            {can.admin && (
              <>
                <button type="button" onClick={() => onPause(!paused)} disabled={pending} className={buttonClass}>
                  {paused ? <Play aria-hidden className="size-4" /> : <Pause aria-hidden className="size-4" />}
                  {paused ? "Resume" : "Pause"}
                </button>
                {detail.credentialsSavedAt && (
                  <button type="button" onClick={() => setDialog("rotate")} className={buttonClass}>
                    Rotate credentials
                  </button>
                )}
                <button type="button" onClick={() => setDialog("delete")} className={`${buttonClass} text-rose-700 dark:text-rose-300`}>
                  Delete
                </button>
              </>
            )}
          </div>
        )}
      </div>
      <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-xs uppercase tracking-wide text-fg-subtle">Last success</dt>
          <dd>
            <When iso={detail.lastSuccessAt} staleAfter={detail.staleAfter} />
          </dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-fg-subtle">Next run</dt>
          <dd data-testid="next-run">{detail.nextRunAt ? <When iso={detail.nextRunAt} /> : <span className="text-fg-muted">{detail.nextRunNote}</span>}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-fg-subtle">API calls, 24 h</dt>
          <dd>{detail.apiCalls24h.toLocaleString("en-US")}</dd>
        </div>
        <div>
          <dt className="text-xs uppercase tracking-wide text-fg-subtle">Credentials</dt>
          <dd>
            {detail.credentialsSavedAt ? (
              <>
                saved, encrypted · rotated <When iso={detail.credentialsSavedAt} />
              </>
            ) : (
              <span className="text-fg-muted">none needed</span>
            )}
          </dd>
        </div>
      </dl>
      {batchId && (
        <div className="mt-4 border-t border-line-soft pt-4">
          <RunProgress key={batchId} batchId={batchId} onDone={onRunDone} />
        </div>
      )}
      {can.admin && detail.credentialsSavedAt && <RotateDialog open={dialog === "rotate"} onClose={() => setDialog(null)} detail={detail} />}
      {can.admin && <DeleteDialog open={dialog === "delete"} onClose={() => setDialog(null)} detail={detail} />}
    </Card>
  );
}
