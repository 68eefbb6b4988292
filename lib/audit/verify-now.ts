import type { Db } from "@/db/client";
import { ownedAccount, underConnectionLock } from "@/db/queries/audit-checkpoints";
import { NotFoundError } from "@/db/queries/not-found";
import type { WebhookConfig } from "@/lib/alerts/notify";
import { alertChainResults } from "./chain-alerts";
import { verifyAccountIncremental, type AccountAudit } from "./checkpoint";

/**
 * "Verify now" on one of the workspace's accounts: the incremental check from its checkpoint,
 * under its connection's lock, then the alert if it found the chain newly broken. Another
 * workspace's account is not found.
 */
export async function verifyAccountNow(db: Db, p: { ownerId: string; accountId: string; at: Date; webhook?: WebhookConfig }): Promise<AccountAudit> {
  const account = await ownedAccount(db, p);
  if (!account) throw new NotFoundError("account");
  const audit = await underConnectionLock(db, account.connectionId, (tx) => verifyAccountIncremental(tx, p));
  await alertChainResults(db, [audit], p);
  return audit;
}
