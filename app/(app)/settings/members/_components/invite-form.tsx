"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { CopyButton } from "@/components/ui/copy-button";
import { inviteMember } from "@/lib/actions/members";
import { INVITABLE_ROLES, inviteInputSchema } from "@/lib/read-models/members";

/**
 * Invite by email and role. The link is shown once it exists, to copy and hand over (no
 * email is sent). The same zod schema checks here and in the action; a refused invitation
 * keeps what was typed.
 */
export function InviteForm() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);

  const submit = (form: HTMLFormElement) =>
    startTransition(async () => {
      setError(null);
      const parsed = inviteInputSchema.safeParse(Object.fromEntries(new FormData(form).entries()));
      if (!parsed.success) return setError(parsed.error.issues[0]!.message);
      const answer = await inviteMember(parsed.data);
      if (!answer?.data) return setError(answer?.serverError?.message ?? "The invitation was refused");
      const url = new URL(answer.data.path, window.location.origin).toString();
      setLink({ email: answer.data.email, url });
      toast.success(`Invitation for ${answer.data.email} created`);
      form.reset();
      router.refresh();
    });

  return (
    <div className="space-y-3">
      <form
        noValidate
        aria-label="Invite someone"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <label className="min-w-0 flex-1 basis-56 space-y-1 text-sm">
          <span className="block font-medium">Email</span>
          <input
            name="email"
            type="email"
            autoComplete="off"
            className="block w-full rounded-md border border-line bg-surface px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
          />
        </label>
        <label className="space-y-1 text-sm">
          <span className="block font-medium">Role</span>
          <select name="role" defaultValue="viewer" className="block rounded-md border border-line bg-surface px-3 py-2 focus-visible:outline-2 focus-visible:outline-indigo-600">
            {INVITABLE_ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? "Inviting…" : "Invite"}
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      )}
      {link && (
        <div role="status" className="space-y-1 rounded-md bg-surface-2 p-3 text-sm">
          <p>Send this link to {link.email}; signing up or in through it joins the workspace:</p>
          <div className="flex min-w-0 items-center gap-2">
            <code data-testid="invitation-link" className="min-w-0 flex-1 truncate">
              {link.url}
            </code>
            <CopyButton text={link.url} label="Copy the invitation link" copied="Link copied" refused="Copying was refused; select the link instead" />
          </div>
        </div>
      )}
    </div>
  );
}
