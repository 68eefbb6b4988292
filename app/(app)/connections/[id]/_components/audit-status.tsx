"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { When } from "@/components/ui/when";
import { verifyAccountChain } from "@/lib/actions/audit";
import type { AuditStatusView } from "@/lib/read-models/audit-status";

const METHOD = "Each order event is hashed (sha256) with its predecessor's hash; verification re-hashes the events recorded since the last check and follows their links.";

/** An account's order-event hash chain: verified up to which head, or where it broke; Verify now for members. */
export function AuditStatus({ accountId, accountName, audit, canVerify }: { accountId: string; accountName: string; audit: AuditStatusView | null; canVerify: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const verify = () =>
    startTransition(async () => {
      const answer = await verifyAccountChain({ accountId });
      const result = answer?.data;
      if (!result) {
        toast.error(answer?.serverError?.message ?? "The verification failed on the server");
        return;
      }
      if (result.status.status === "broken") toast.error(`${accountName}: chain broken at event ${result.status.brokenAtSeq} (${result.status.brokenReason})`);
      else toast.success(`${accountName}: chain verified, ${result.hashed} new event${result.hashed === 1 ? "" : "s"} checked`);
      router.refresh();
    });

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid={`audit-status-${accountId}`}>
      {audit === null ? (
        <span className="text-fg-subtle" title={METHOD}>
          Not verified yet
        </span>
      ) : audit.status === "broken" ? (
        <span title={METHOD}>
          <Badge tone="bad">Broken at event {audit.brokenAtSeq}</Badge> <span className="text-fg-muted">({audit.brokenReason})</span>
        </span>
      ) : (
        <span title={METHOD}>
          Chain verified: <span className="tabular-nums">{audit.eventsVerified}</span> events, head{" "}
          <code className="font-mono text-xs" title={audit.headHash}>
            {audit.headHash.slice(0, 6)}…
          </code>
          , checked at <When iso={audit.checkedAt} absolute />
        </span>
      )}
      {canVerify && (
        <button
          type="button"
          onClick={verify}
          disabled={pending}
          aria-label={`Verify the order-event chain of ${accountName} now`}
          className="rounded-md border border-line px-2 py-1 text-xs font-medium hover:bg-surface-2 disabled:opacity-50"
        >
          {pending ? "Verifying…" : "Verify now"}
        </button>
      )}
    </div>
  );
}
