"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Undo2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { formatDateTime, formatQuantity } from "@/components/format";
import { rowButton } from "@/components/ui/buttons";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { undoTransferMatch } from "@/lib/actions/transfer-matches";
import { transferMatchKeys } from "@/lib/read-models/query-options";
import type { TransferMatchView } from "@/lib/read-models/transfer-match-schemas";

/**
 * Undo a match, after a dialog that says what follows: both legs count as the workspace's
 * flows again, and the matcher never pairs them again.
 */
export function UndoMatchButton({ match }: { match: TransferMatchView }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const action = useConfirmedAction<{ matchId: string }>();
  const what = `${formatQuantity(match.out.amount)} ${match.out.asset} from ${match.out.connectionLabel} to ${match.in.connectionLabel}`;
  const confirm = () =>
    action.run(
      () => undoTransferMatch({ matchId: match.id }),
      () => {
        toast.success(`Match undone: ${what} counts as a withdrawal and a deposit of the workspace again`);
        void queryClient.invalidateQueries({ queryKey: transferMatchKeys.all });
        router.refresh();
      },
    );
  return (
    <>
      <button type="button" className={rowButton} onClick={action.ask} aria-label={`Undo the match of ${what}`}>
        <Undo2 aria-hidden className="size-3.5" />
        Undo match
      </button>
      <ConfirmDialog
        open={action.open}
        title="Undo this match?"
        confirmLabel="Undo match"
        pendingLabel="Undoing…"
        pending={action.pending}
        error={action.error}
        onConfirm={confirm}
        onCancel={action.cancel}
      >
        <p>
          The withdrawal of {formatQuantity(match.out.amount)} {match.out.asset} from {match.out.connectionLabel} ({formatDateTime(match.out.occurredAt)}) and
          the deposit of {formatQuantity(match.in.amount)} {match.in.asset} into {match.in.connectionLabel} ({formatDateTime(match.in.occurredAt)}) will
          each count as the workspace&apos;s own: money that left it and money that came in.
        </p>
        <p>The two are never matched again automatically.</p>
      </ConfirmDialog>
    </>
  );
}
