import type { Db } from "@/db/client";
import { chunk } from "@/db/chunk";
import { flowKey, settledFlowKeys } from "@/db/queries/cash-flows";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { cashFlows } from "@/db/schema";
import type { CashFlow } from "@/lib/connectors/types";
import { valueCashFlows } from "./value-cash-flows";

export interface CashFlowWrite {
  /** Rows added: flows seen for the first time, or with a new status. */
  written: number;
  /** The earliest `occurredAt` among the rows added; null when none was. */
  earliestAt: Date | null;
}

const settled = (f: CashFlow) => f.status !== "pending";

/**
 * Appends a run's cash flows, each valued in the workspace's base currency at its time.
 * `cash_flows` is append-only and unique on (holder, venue flow id, status): a re-read with
 * an unchanged status adds nothing (ON CONFLICT DO NOTHING), a new status adds a row, which
 * becomes the flow's current state (db/queries/cash-flows.ts).
 *
 * A settled flow is never taken back to pending: a venue re-reporting one as pending would
 * otherwise leave it pending for good (its settled row already exists, so settling again
 * adds nothing) and hold every later read back to it.
 *
 * Every flow's holder was listed by the venue in this run (checkReferences), so it is in
 * `accountIds` or `portfolioIds`. Runs after the snapshot is written: see valueCashFlows.
 */
export async function appendCashFlows(
  tx: Db,
  p: {
    ownerId: string;
    connectionId: string;
    batchId: string;
    at: Date;
    flows: CashFlow[];
    accountIds: Map<string, string>;
    portfolioIds: Map<string, string>;
    /** The currency this run's prices are in. */
    runCurrency: string;
    runPrices: Record<string, string>;
  },
): Promise<CashFlowWrite> {
  if (p.flows.length === 0) return { written: 0, earliestAt: null };
  const holderOf = (f: CashFlow) => ({
    accountId: f.accountUid !== undefined ? p.accountIds.get(f.accountUid)! : null,
    portfolioId: f.portfolioExternalId !== undefined ? p.portfolioIds.get(f.portfolioExternalId)! : null,
  });
  const keyOf = (f: CashFlow) => {
    const h = holderOf(f);
    return flowKey((h.accountId ?? h.portfolioId)!, f.venueFlowId);
  };
  const scope = { ownerId: p.ownerId, connectionId: p.connectionId };
  const alreadySettled = await settledFlowKeys(tx, { ...scope, venueFlowIds: p.flows.filter((f) => !settled(f)).map((f) => f.venueFlowId) });
  // In time order, a settled status after a pending one of the same flow: rows are numbered
  // (seq) as inserted, and the last is the flow's current state.
  const flows = p.flows
    .filter((f) => settled(f) || !alreadySettled.has(keyOf(f)))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || Number(settled(a)) - Number(settled(b)));

  // The workspace's currency now (the snapshot just written holds its row under a share
  // lock); the run's prices serve only when they are in it.
  const { baseCurrency } = await getWorkspaceSettings(tx, { ownerId: p.ownerId, lock: "share" });
  const values = await valueCashFlows(tx, {
    ...scope,
    runAt: p.at,
    baseCurrency,
    runPrices: baseCurrency === p.runCurrency ? p.runPrices : null,
    flows,
  });

  let written = 0;
  let earliest: number | null = null;
  const rows = flows.map((f, i) => ({
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    ...holderOf(f),
    venueFlowId: f.venueFlowId,
    kind: f.kind,
    incomeKind: f.incomeKind ?? null,
    asset: f.asset,
    amount: f.amount,
    valueBase: values[i]!.valueBase,
    baseCurrency,
    priceSource: values[i]!.priceSource,
    occurredAt: f.at,
    status: f.status,
    venueStatus: f.venueStatus ?? null,
    txId: f.txId ?? null,
    network: f.network ?? null,
    fee: f.fee ?? null,
    feeAsset: f.feeAsset ?? null,
    internalReason: f.internal?.reason ?? null,
    counterpartyAccountUid: f.internal?.counterpartyAccountUid ?? null,
    source: f.source,
    description: f.description ?? null,
    raw: f.raw ?? null,
    syncBatchId: p.batchId,
  }));
  for (const part of chunk(rows)) {
    // No conflict target: the key is one of two partial indexes (account or portfolio flows).
    const added = await tx.insert(cashFlows).values(part).onConflictDoNothing().returning({ occurredAt: cashFlows.occurredAt });
    written += added.length;
    for (const r of added) earliest = Math.min(earliest ?? r.occurredAt.getTime(), r.occurredAt.getTime());
  }
  return { written, earliestAt: earliest === null ? null : new Date(earliest) };
}
