"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { buttonClass } from "@/components/ui/button-class";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/states";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { transferOwnership } from "@/lib/actions/ownership";

interface Candidate {
  memberId: string;
  name: string;
  email: string;
  role: string;
}

/**
 * The owner picks a member to become owner; a dialog says what changes for both before it
 * happens (in one transaction: the member becomes owner, the old owner an admin).
 */
export function TransferForm({ workspace, candidates }: { workspace: string; candidates: Candidate[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState(candidates[0]?.memberId ?? "");
  const action = useConfirmedAction<{ newOwner: string }>();
  if (candidates.length === 0) {
    return (
      <EmptyState title="No one to hand it to yet" action={{ href: "/settings/members", label: "Invite someone on Members" }}>
        Ownership goes to someone already in {workspace}. Invite them first; once they have joined, they can be made owner here.
      </EmptyState>
    );
  }
  const to = candidates.find((c) => c.memberId === chosen) ?? candidates[0]!;
  return (
    <div className="space-y-3">
      <p className="text-sm text-fg-muted">The new owner can do everything you can now. You stay in the workspace as an admin.</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="min-w-0 flex-1 basis-64 space-y-1 text-sm">
          <span className="block font-medium">New owner</span>
          <select
            name="memberId"
            value={to.memberId}
            onChange={(e) => setChosen(e.target.value)}
            className="block w-full rounded-md border border-line bg-surface px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
          >
            {candidates.map((c) => (
              <option key={c.memberId} value={c.memberId}>
                {c.name} ({c.email}), {c.role}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={action.ask} className={buttonClass.primary}>
          Transfer ownership…
        </button>
      </div>
      <ConfirmDialog
        open={action.open}
        title={`Make ${to.name} the owner of ${workspace}?`}
        confirmLabel="Transfer ownership"
        pendingLabel="Transferring…"
        pending={action.pending}
        error={action.error}
        onCancel={action.cancel}
        onConfirm={() =>
          action.run(
            () => transferOwnership({ memberId: to.memberId }),
            (done) => {
              toast.success(`${done.newOwner} owns ${workspace} now; you are an admin`);
              router.refresh();
            },
          )
        }
      >
        <p>
          {to.name} becomes the owner and you become an admin: you can no longer delete {workspace} or transfer it. Only {to.name} can hand it back.
        </p>
      </ConfirmDialog>
    </div>
  );
}
