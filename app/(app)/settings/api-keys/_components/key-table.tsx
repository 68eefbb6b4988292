"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { formatDateTime } from "@/components/format";
import { Badge } from "@/components/ui/badge";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { revokeApiKey } from "@/lib/actions/api-keys";
import type { ApiKeyView } from "@/lib/read-models/api-keys";

/**
 * The workspace's keys: name and creator, the first characters, role, created, last used
 * and expiry, each revocable after a confirmation that names what stops working. The table
 * scrolls inside its card on a phone.
 */
export function KeyTable({ keys }: { keys: ApiKeyView[] }) {
  return (
    <ScrollRegion label="API keys">
      <table className="w-full min-w-[44rem] text-sm" data-testid="api-key-table">
        <thead>
          <tr className="border-b border-line text-left text-xs uppercase tracking-wide text-fg-subtle">
            <th scope="col" className="py-2 pr-4 font-medium">Name</th>
            <th scope="col" className="py-2 pr-4 font-medium">Key</th>
            <th scope="col" className="py-2 pr-4 font-medium">Role</th>
            <th scope="col" className="py-2 pr-4 font-medium">Created</th>
            <th scope="col" className="py-2 pr-4 font-medium">Last used</th>
            <th scope="col" className="py-2 pr-4 font-medium">Expires</th>
            <th scope="col" className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-b border-line align-top last:border-0">
              <td className="py-2 pr-4">
                <span className="font-medium">{k.name}</span>
                {k.createdBy && <span className="block text-xs text-fg-subtle">by {k.createdBy}</span>}
              </td>
              <td className="py-2 pr-4 font-mono text-xs text-fg-muted">{k.start ? `${k.start}…` : "—"}</td>
              <td className="py-2 pr-4">
                {k.role ? (
                  <Badge tone={k.role === "admin" ? "good" : "neutral"}>{k.role}</Badge>
                ) : (
                  <Badge tone="bad" title="Made outside this page: the API refuses it">
                    no role
                  </Badge>
                )}
              </td>
              <td className="py-2 pr-4 text-fg-muted">
                <Time iso={k.createdAt} />
              </td>
              <td className="py-2 pr-4 text-fg-muted">{k.lastUsedAt ? <Time iso={k.lastUsedAt} /> : "never"}</td>
              <td className="py-2 pr-4 text-fg-muted">
                {k.expiresAt === null ? "never" : k.expired ? <Badge tone="bad">expired</Badge> : <Time iso={k.expiresAt} />}
              </td>
              <td className="py-2 text-right">
                <RevokeButton id={k.id} name={k.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={iso} suppressHydrationWarning>
      {formatDateTime(iso)}
    </time>
  );
}

/** Revoke, then "Revoke <name>? …" with the consequence; Escape or Cancel steps back. */
function RevokeButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => openRef.current?.focus());
  };
  const revoke = () =>
    startTransition(async () => {
      const answer = await revokeApiKey({ keyId: id }).catch(() => null);
      if (!answer) toast.error("The server could not be reached; the key was not revoked");
      else if (answer.serverError) toast.error(answer.serverError.message);
      else toast.success(`Key "${name}" revoked`);
      setConfirming(false);
      router.refresh();
    });

  if (!confirming) {
    return (
      <button
        ref={openRef}
        type="button"
        onClick={() => setConfirming(true)}
        aria-label={`Revoke ${name}`}
        className="rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        Revoke
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-label={`Confirm revoking ${name}`}
      className="ml-auto flex max-w-[16rem] flex-col items-end gap-1 text-left"
      onKeyDown={(e) => {
        if (e.key === "Escape") cancel();
      }}
    >
      <p className="text-xs text-fg-muted">Anything using this key gets 401 from its next request. This cannot be undone.</p>
      <span className="flex gap-2">
        <button
          ref={confirmRef}
          type="button"
          disabled={pending}
          onClick={revoke}
          className="rounded-md bg-rose-600 px-2 py-1 text-xs font-medium text-white hover:bg-rose-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? "Revoking…" : "Yes, revoke"}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={cancel}
          className="rounded-md border border-line px-2 py-1 text-xs hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          Cancel
        </button>
      </span>
    </div>
  );
}
