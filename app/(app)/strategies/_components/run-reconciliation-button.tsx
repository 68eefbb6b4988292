"use client";

import { LoaderCircle, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { secondaryButton } from "@/components/ui/buttons";
import { runReconciliation } from "@/lib/actions/strategies";

/**
 * Run now: the reconciliation job for this workspace, at once (members and above; the page
 * hides the button from viewers). The toast reports the outcome and the page re-reads, so
 * the time of the last reconciliation moves.
 */
export function RunReconciliationButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      const answer = await runReconciliation({});
      const result = answer?.data;
      if (!result) {
        toast.error(answer?.serverError?.message ?? "The reconciliation was refused");
        return;
      }
      toast.success(
        result.connections === 0
          ? "Nothing to reconcile: no connection has a snapshot yet"
          : `Reconciled ${result.connections} connection${result.connections === 1 ? "" : "s"} (${result.rows} rows)`,
      );
      router.refresh();
    });
  return (
    <button type="button" onClick={run} disabled={pending} className={secondaryButton} data-testid="run-reconciliation">
      {pending ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <RefreshCw aria-hidden className="size-3.5" />}
      {pending ? "Reconciling…" : "Run now"}
    </button>
  );
}
