"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { leaveWorkspace } from "@/lib/actions/member-roles";

/**
 * Leaving the workspace yourself. Its only owner cannot (they transfer ownership or delete it
 * instead), so for them the button is replaced by where to go. After leaving, the person is
 * in their next workspace, or on the page that says they have none.
 */
export function LeaveWorkspace({ workspace, onlyOwner }: { workspace: string; onlyOwner: boolean }) {
  const router = useRouter();
  const action = useConfirmedAction<{ left: string; next: { id: string; name: string } | null }>();
  if (onlyOwner) {
    return (
      <p className="text-sm text-fg-muted">
        You are the only owner of {workspace}, so you cannot leave it: transfer ownership to someone first, or delete the workspace. Both are on the{" "}
        <Link href="/settings/ownership" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          Ownership
        </Link>{" "}
        tab.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <p className="text-sm text-fg-muted">You lose access to {workspace} until an admin invites you again.</p>
      <button type="button" onClick={action.ask} className={buttonClass.quiet}>
        Leave workspace
      </button>
      <ConfirmDialog
        open={action.open}
        title={`Leave ${workspace}?`}
        confirmLabel="Leave"
        pendingLabel="Leaving…"
        destructive
        pending={action.pending}
        error={action.error}
        onCancel={action.cancel}
        onConfirm={() =>
          action.run(
            () => leaveWorkspace({}),
            (done) => {
              toast.success(done.next ? `You left ${done.left}; you are in ${done.next.name} now` : `You left ${done.left}`);
              router.replace(done.next ? "/" : "/no-workspace");
              router.refresh();
            },
          )
        }
      >
        <p>You will no longer see its portfolio. To come back, you need a new invitation from one of its admins.</p>
      </ConfirmDialog>
    </div>
  );
}
