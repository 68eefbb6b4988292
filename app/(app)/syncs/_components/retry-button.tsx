"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle, RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { rowButton, secondaryButton } from "@/components/ui/buttons";
import { retrySync } from "@/lib/actions/syncs";
import { syncKeys } from "@/lib/read-models/query-options";

/**
 * Retry a failed run: a new sync of its connection. The toast links the new run, whose
 * progress shows in the list (it polls while a run is open) and on its own page.
 */
export function RetryButton({ batchId, label, size = "row" }: { batchId: string; label: string; size?: "row" | "page" }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const retry = () =>
    startTransition(async () => {
      const answer = await retrySync({ batchId });
      const result = answer?.data;
      if (!result) toast.error(answer?.serverError?.message ?? "Retry was refused");
      else if (!result.ok) toast.error(result.error);
      else if (result.mode === "queued") toast.success(`Retry of ${label} queued`);
      else {
        const newId = result.batchIds[0];
        toast.success(`Retrying ${label}`, newId ? { action: { label: "Follow it", onClick: () => router.push(`/syncs/${newId}`) } } : undefined);
      }
      await queryClient.invalidateQueries({ queryKey: syncKeys.all });
    });
  return (
    <button type="button" onClick={retry} disabled={pending} className={size === "row" ? rowButton : secondaryButton} aria-label={size === "row" ? `Retry the sync of ${label}` : undefined}>
      {pending ? <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> : <RotateCcw aria-hidden className="size-3.5" />}
      {pending ? "Retrying…" : "Retry"}
    </button>
  );
}
