"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { toast } from "sonner";
import { Card } from "@/components/ui/card";
import { reconstructConnectionHistory } from "@/lib/actions/reconstruct-history";

/**
 * "Reconstruct history" (members and above): the connection's past, day by day, rebuilt
 * from its fills, deposits and withdrawals and the venue's daily closes, written before its
 * first measured snapshot and marked as reconstructed on the overview's equity chart.
 */
export function HistoryCard({ connectionId, canRun, children }: { connectionId: string; canRun: boolean; children?: ReactNode }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      setMessage(null);
      const answer = await reconstructConnectionHistory({ connectionId });
      const result = answer?.data;
      if (!result) return setMessage({ ok: false, text: answer?.serverError?.message ?? "The reconstruction failed on the server" });
      if (!result.ok) return setMessage({ ok: false, text: result.message });
      const until = result.until ? ` up to ${result.until.slice(0, 10)}` : "";
      const residuals = result.residuals > 0 ? `; ${result.residuals} change(s) nothing in the history explains were counted as flows (listed below)` : "";
      setMessage({ ok: true, text: `${result.written} day(s) reconstructed${until}${residuals}.` });
      toast.success("History reconstructed");
      router.refresh();
    });

  return (
    <Card title="Reconstructed history">
      <div className="space-y-3 text-sm">
        <p className="text-fg-muted">
          Rebuilds one value per day from the stored fills, deposits and withdrawals, walking back from today&apos;s balances and valuing each day at
          Binance&apos;s daily close. Days already measured by a sync are never replaced. It runs by itself after the first sync and every night at
          00:40 UTC (reading the day that just closed), and again when a sync stores fills or flows older than the first measured snapshot; run it here
          after changing what it reads.
        </p>
        {children}
        {canRun && (
          <button
            type="button"
            onClick={run}
            disabled={pending}
            className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {pending ? "Reconstructing…" : "Reconstruct history"}
          </button>
        )}
        {message && (
          <p role="status" className={message.ok ? "text-fg" : "text-red-700 dark:text-red-300"}>
            {message.text}
          </p>
        )}
      </div>
    </Card>
  );
}
