import type { Db } from "@/db/client";
import { resolveAlerts } from "@/db/queries/alerts";
import { ownedAccount } from "@/db/queries/audit-checkpoints";
import { raiseAlert, type WebhookConfig } from "@/lib/alerts/notify";
import { redact } from "@/lib/security/redact";
import type { AccountAudit } from "./checkpoint";

/**
 * A critical alert (subject: the account) for each chain a check found newly broken, naming
 * the account and its first bad event; a chain a full re-walk found intact again resolves
 * its alert. Runs after the check's transaction commits (a channel's delivery must not hold
 * it), and never throws: an alert that cannot be raised is logged, the check stands.
 */
export async function alertChainResults(db: Db, audits: AccountAudit[], p: { at: Date; webhook?: WebhookConfig }): Promise<void> {
  for (const { checkpoint: cp, broken, newlyBroken, repaired } of audits) {
    try {
      if (repaired) await resolveAlerts(db, { ownerId: cp.ownerId, kind: "audit_chain_broken", subject: cp.accountId, at: p.at });
      if (!newlyBroken || !broken) continue;
      const account = await ownedAccount(db, { ownerId: cp.ownerId, accountId: cp.accountId });
      const name = account?.name ?? cp.accountId;
      await raiseAlert(
        db,
        {
          ownerId: cp.ownerId,
          kind: "audit_chain_broken",
          subject: cp.accountId,
          severity: "critical",
          title: `Audit chain broken: ${name}`,
          message: `The order-event hash chain of account ${name} is broken at event ${broken.seq} (${broken.reason}: ${broken.detail}).`,
          details: { accountId: cp.accountId, connectionId: account?.connectionId ?? null, seq: broken.seq, reason: broken.reason },
          at: p.at,
        },
        p.webhook,
      );
    } catch (e) {
      console.warn(`[audit] could not alert on account ${cp.accountId}: ${redact(e instanceof Error ? e.message : String(e))}`);
    }
  }
}
