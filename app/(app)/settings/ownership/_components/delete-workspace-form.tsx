"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button-class";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteWorkspace } from "@/lib/actions/ownership";
import { deleteConfirmationFor } from "@/lib/read-models/ownership";

/**
 * Deleting the workspace: what goes is named, and the workspace's name must be typed (checked
 * here and again in the action). Afterwards the person is in their next workspace, or on the
 * page that says they have none.
 */
export function DeleteWorkspaceForm({ workspaceId, workspace, memberCount }: { workspaceId: string; workspace: string; memberCount: number }) {
  const router = useRouter();
  const form = useActionForm({
    parse: (values) => deleteConfirmationFor(workspace).safeParse({ workspaceId, confirmName: values.get("confirmName") ?? "" }),
    action: deleteWorkspace,
    onDone: ({ deleted, next }) => {
      toast.success(next ? `${deleted} is deleted; you are in ${next.name} now` : `${deleted} is deleted`);
      router.replace(next ? "/" : "/no-workspace");
      router.refresh();
    },
  });
  return (
    <form noValidate className="max-w-xl space-y-4" onSubmit={form.onSubmit}>
      <div className="space-y-2 text-sm text-fg-muted">
        <p>
          Deletes <strong className="text-fg">{workspace}</strong> and everything in it, for good: its connections with their stored credentials, accounts,
          holdings, orders with their audit trail, fills, snapshots, roll-ups, alerts, sync history, API keys and invitations. {memberCount === 1 ? "You are" : `All ${memberCount} members are`} taken
          out of it.
        </p>
        <p>Nothing of your other workspaces is touched. This cannot be undone.</p>
      </div>
      <TextField name="confirmName" label={`Type ${workspace} to confirm`} autoComplete="off" error={form.errors.confirmName} />
      <FormError message={form.errors[""]} />
      <button type="submit" disabled={form.pending} className={buttonClass.danger}>
        {form.pending ? "Deleting…" : "Delete this workspace"}
      </button>
    </form>
  );
}
