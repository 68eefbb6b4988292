"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/components/format";
import { cancelInvitation } from "@/lib/actions/members";

export interface InvitationView {
  id: string;
  email: string;
  role: string;
  expiresAt: string;
  path: string;
}

/** Open invitations with their links, each withdrawable. */
export function InvitationList({ invitations }: { invitations: InvitationView[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (invitations.length === 0) return <p className="text-sm text-fg-muted">No open invitations.</p>;
  const withdraw = (id: string, email: string) =>
    startTransition(async () => {
      const answer = await cancelInvitation({ invitationId: id });
      if (answer?.serverError) toast.error(answer.serverError.message);
      else toast.success(`Invitation for ${email} withdrawn`);
      router.refresh();
    });
  return (
    <ul className="divide-y divide-line text-sm" aria-label="Open invitations">
      {invitations.map((i) => (
        <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span className="min-w-0">
            <span className="font-medium">{i.email}</span> as {i.role}
            <span className="ml-2 text-fg-subtle">
              until{" "}
              <time dateTime={i.expiresAt} suppressHydrationWarning>
                {formatDateTime(i.expiresAt)}
              </time>
            </span>
          </span>
          <span className="flex gap-2">
          <button
            type="button"
            onClick={() =>
              navigator.clipboard
                .writeText(new URL(i.path, window.location.origin).toString())
                .then(() => toast.success("Link copied"), () => toast.error("Copying was refused by the browser"))
            }
            className="rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2"
          >
            Copy link
          </button>
          <button
            type="button"
            disabled={pending}
            onClick={() => withdraw(i.id, i.email)}
            className="rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2 disabled:opacity-60"
          >
            Withdraw
          </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
