"use client";

import { UserMinus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useConfirmedAction } from "@/components/ui/use-confirmed-action";
import { changeMemberRole, removeMember } from "@/lib/actions/member-roles";
import { INVITABLE_ROLES } from "@/lib/read-models/members";

type Role = (typeof INVITABLE_ROLES)[number];

/** What each role may do, said where a role is given. */
const ROLE_MEANS: Record<Role, string> = {
  admin: "manages connections, members, invitations, API keys and settings",
  member: "reads everything and can Resync",
  viewer: "reads everything and changes nothing",
};

/**
 * A member's row actions (for admins and owners, on rows they may change): a role picker and
 * Remove, each confirmed in a dialog that names what it does. Native <select> and a modal
 * <dialog>, because a popup panel would be clipped by the table's scroll region.
 */
export function MemberActions({ member, workspace }: { member: { memberId: string; name: string; role: string }; workspace: string }) {
  const router = useRouter();
  const [target, setTarget] = useState<Role | "remove" | null>(null);
  const action = useConfirmedAction<unknown>();
  const open = (t: Role | "remove") => {
    setTarget(t);
    action.ask();
  };
  const close = () => {
    setTarget(null);
    action.cancel();
  };
  const done = (message: string) => () => {
    setTarget(null);
    toast.success(message);
    router.refresh();
  };
  const confirm = () => {
    if (target === "remove") action.run(() => removeMember({ memberId: member.memberId }), done(`${member.name} removed from ${workspace}`));
    else if (target) action.run(() => changeMemberRole({ memberId: member.memberId, role: target }), done(`${member.name} is now ${article(target)} ${target}`));
  };

  return (
    <div className="flex items-center justify-end gap-2">
      <select
        aria-label={`Role of ${member.name}`}
        value={target && target !== "remove" ? target : member.role}
        onChange={(e) => open(e.target.value as Role)}
        className="rounded-md border border-line bg-surface px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {INVITABLE_ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="button" aria-label={`Remove ${member.name}`} onClick={() => open("remove")} className="rounded-md p-1.5 text-fg-muted hover:bg-surface-2 hover:text-rose-700">
        <UserMinus aria-hidden className="size-4" />
      </button>
      <ConfirmDialog
        open={action.open}
        title={target === "remove" ? `Remove ${member.name}?` : `Make ${member.name} ${article(target ?? "")} ${target}?`}
        confirmLabel={target === "remove" ? "Remove" : "Change role"}
        pendingLabel={target === "remove" ? "Removing…" : "Changing…"}
        destructive={target === "remove"}
        pending={action.pending}
        error={action.error}
        onConfirm={confirm}
        onCancel={close}
      >
        {target === "remove" ? (
          <p>
            {member.name} loses access to {workspace} at once. Their account stays; an admin can invite them again.
          </p>
        ) : target ? (
          <p>
            {member.name} is {member.role} now. As {target}, they {ROLE_MEANS[target]}.
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

const article = (role: string) => (role === "admin" ? "an" : "a");
