import type { Db } from "@/db/client";
import { accountsToAudit, underConnectionLock } from "@/db/queries/audit-checkpoints";
import type { WebhookConfig } from "@/lib/alerts/notify";
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
