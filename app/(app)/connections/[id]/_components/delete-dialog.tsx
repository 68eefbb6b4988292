"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FieldError, inputClass } from "@/components/connections/form-fields";
import { Dialog } from "@/components/ui/dialog";
import { deleteConnection } from "@/lib/actions/connection-delete";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";
import { connectionKeys } from "@/lib/read-models/connection-queries";

/**
 * Delete, said plainly and confirmed by typing the label. What it does is what
 * lib/connections/delete-connection.ts does: keys erased, no more syncs, history kept
 * read-only, current holdings out of today's totals; a run in progress is waited for or
 * cancelled.
 */
export function DeleteDialog({ open, onClose, detail }: { open: boolean; onClose: () => void; detail: ConnectionDetail }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = typed.trim() === detail.label.trim();

  const submit = () =>
    startTransition(async () => {
      setError(null);
      const answer = await deleteConnection({ connectionId: detail.id, confirmLabel: typed });
      const result = answer?.data;
      if (!result) return setError(answer?.serverError?.message ?? "Deleting failed on the server");
      if (!result.ok) return setError(result.message);
      toast.success(`${result.label} deleted${result.cancelledRuns > 0 ? "; its run in progress was cancelled" : ""}`);
      // The list must not show it again from its cache.
      await queryClient.invalidateQueries({ queryKey: connectionKeys.all });
      router.push("/connections");
      router.refresh();
    });

  return (
    <Dialog open={open} onClose={onClose} title={`Delete ${detail.label}?`}>
      <form
        noValidate
        className="space-y-4 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          if (matches) submit();
        }}
      >
        <ul className="list-disc space-y-1 pl-5">
          <li>Its credentials are erased from this server and it is never synced again. This cannot be undone.</li>
          <li>
            Its history stays, read-only: the orders, fills and audit trail, {detail.snapshots.length > 0 ? "its snapshots and NAV points, " : ""}and its sync runs
            remain in reports and in the equity history up to now.
          </li>
          <li>Its current holdings ({detail.accounts.length} account{detail.accounts.length === 1 ? "" : "s"}) leave today&apos;s totals.</li>
          <li>A sync in progress is waited for if it is saving, or cancelled if it is still reading the venue.</li>
        </ul>
        <div className="space-y-1">
          <label htmlFor="confirm-label" className="block font-medium">
            Type <span className="font-mono">{detail.label}</span> to confirm
          </label>
          <input
            id="confirm-label"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "confirm-label-error" : undefined}
            className={inputClass}
          />
          <FieldError id="confirm-label" message={error ?? undefined} />
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded-md px-3 py-2 font-medium hover:bg-surface-2">
            Cancel
          </button>
          <button type="submit" disabled={!matches || pending} className="inline-flex items-center gap-1.5 rounded-md bg-rose-600 px-3 py-2 font-medium text-white hover:bg-rose-700 disabled:cursor-not-allowed disabled:opacity-50">
            {pending && <LoaderCircle aria-hidden className="size-4 animate-spin" />}
            Delete {detail.label}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
