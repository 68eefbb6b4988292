import type { Db } from "@/db/client";
import { accountsToAudit, underConnectionLock, workspacesWithAccounts } from "@/db/queries/audit-checkpoints";
import type { WebhookConfig } from "@/lib/alerts/notify";
import { webhookFromEnv } from "@/lib/alerts/webhook-config";
import { alertChainResults } from "./chain-alerts";
import { rewalkAccount } from "./checkpoint";
import type { ChainReport, ChainScope } from "./verify-chain";

/**
 * The full re-walk (`npm run audit:verify`): every account in scope from its genesis link,
 * each result recorded as the account's checkpoint — the only check that clears a break —
 * and alerted on. Reports the first broken link (lowest account id), as verifyOrderEventChains.
 */
export async function rewalkChains(db: Db, scope: ChainScope, p: { at: Date; webhook?: WebhookConfig }): Promise<ChainReport> {
  const accounts = await accountsToAudit(db, scope);
  let events = 0;
  let broken: ChainReport["broken"] = null;
  for (const a of accounts) {
    const audit = await underConnectionLock(db, a.connectionId, (tx) => rewalkAccount(tx, { ownerId: a.ownerId, accountId: a.id, at: p.at }));
    events += audit.hashed;
    broken ??= audit.broken;
    await alertChainResults(db, [audit], p);
  }
  return { accounts: accounts.length, events, broken };
}

/**
 * The scheduled full re-walk (daily, lib/schedules/definitions.ts "audit-rewalk"): each
 * workspace in turn, explicitly by its id (never one unscoped pass), every account's chain
 * from its genesis link, saving each checkpoint — which is what lets the order detail and
 * the after-sync check trust everything before it — and raising the critical
 * `audit_chain_broken` alert on a break (resolving it when a chain is found intact again).
 * Idempotent: a retry re-walks and records the same.
 */
export async function rewalkEveryWorkspace(db: Db, p: { now: Date; webhook?: WebhookConfig }): Promise<{ workspaces: number; accounts: number; events: number; broken: number }> {
  const webhook = p.webhook ?? webhookFromEnv();
  const owners = await workspacesWithAccounts(db);
  let accounts = 0;
  let events = 0;
  let broken = 0;
  for (const ownerId of owners) {
    const report = await rewalkChains(db, { ownerId }, { at: p.now, webhook });
    accounts += report.accounts;
    events += report.events;
    if (report.broken) broken++;
  }
  return { workspaces: owners.length, accounts, events, broken };
}
