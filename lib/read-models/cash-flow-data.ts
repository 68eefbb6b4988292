import { z } from "zod";
import type { Db } from "@/db/client";
import { listCashFlowPage, listFlowAccounts } from "@/db/queries/cash-flow-list";
import { readCountedFlows } from "@/db/queries/cash-flows";
import { decodeCursor } from "@/db/queries/keyset";
import { CASH_FLOW_KINDS, CASH_FLOW_STATUSES } from "@/lib/connectors/types";
import { sum, toDecimalString } from "@/lib/money/decimal";
import { filterText } from "./trade-filters";
import { CASH_FLOW_SOURCES, flowCountState, type FlowAccountOption, type FlowView, type NetDepositsView } from "./cash-flow-schemas";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";

// Each filter on its own: one unknown value drops that filter only.
const filtersSchema = z.object({
  connection: z.uuid().optional().catch(undefined),
  kind: z.enum(CASH_FLOW_KINDS).optional().catch(undefined),
  status: z.enum(CASH_FLOW_STATUSES).optional().catch(undefined),
  source: z.enum(CASH_FLOW_SOURCES).optional().catch(undefined),
  counted: z.enum(["yes", "no"]).optional().catch(undefined),
  find: filterText(200).optional().catch(undefined),
});

/** One page of the workspace's flows for a table request, valued in its base currency. */
export async function loadFlowPage(db: Db, p: { ownerId: string; baseCurrency: string; request: KeysetPageRequest }): Promise<KeysetPage<FlowView>> {
  const f = filtersSchema.parse(p.request.filters);
  const page = await listCashFlowPage(db, {
    ownerId: p.ownerId,
    baseCurrency: p.baseCurrency,
    cursor: decodeCursor(p.request.cursor),
    limit: p.request.limit,
    descending: p.request.sort?.desc ?? true,
    filters: {
      connectionId: f.connection,
      kind: f.kind,
      status: f.status,
      source: f.source,
      counted: f.counted === undefined ? undefined : f.counted === "yes",
      find: f.find,
    },
  });
  return {
    ...page,
    rows: page.rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurredAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
      connectionId: r.connectionId,
      connectionLabel: r.connectionLabel,
      connectionDeleted: r.connectionDeleted,
      provider: r.provider,
      accountId: r.accountId,
      holderLabel: r.accountName ?? r.portfolioName,
      kind: r.kind,
      incomeKind: r.incomeKind,
      asset: r.asset,
      amount: r.amount,
      fee: r.fee,
      feeAsset: r.feeAsset,
      valueBase: r.value,
      baseCurrency: p.baseCurrency,
      priceSource: r.priceSource,
      status: r.status,
      venueStatus: r.venueStatus,
      source: r.source,
      enteredBy: r.enteredByName,
      note: r.note,
      description: r.description,
      txId: r.txId,
      network: r.network,
      internalReason: r.internalReason,
      counts: flowCountState({ status: r.status, kind: r.kind, internal: r.internalReason !== null, reversed: r.reversed, matched: r.matched }),
      reversal: r.reversal ? { at: r.reversal.at.toISOString(), by: r.reversal.byName, note: r.reversal.note } : null,
      replaces: r.replaces ? { ...r.replaces, occurredAt: r.replaces.occurredAt.toISOString() } : null,
      replacedById: r.replacedById,
    })),
  };
}

/**
 * Net deposits: Σ of the counted flows' values in the base currency (deposits and
 * subscriptions in, withdrawals and redemptions out, each valued at its time), by the one
 * rule of db/queries/cash-flows.ts. Unvalued flows are counted apart, never as zero.
 */
export async function loadNetDeposits(db: Db, p: { ownerId: string; baseCurrency: string }): Promise<NetDepositsView> {
  const { counted, unvalued } = await readCountedFlows(db, p);
  return { net: toDecimalString(sum(counted.map((c) => c.value))), currency: p.baseCurrency, counted: counted.length, unvalued: unvalued.length };
}

/** The accounts the Add and Replace forms offer, labelled with their connection. */
export async function loadFlowAccounts(db: Db, p: { ownerId: string }): Promise<FlowAccountOption[]> {
  return (await listFlowAccounts(db, p)).map((a) => ({
    id: a.id,
    label: a.name === a.accountUid ? a.name : `${a.name} (${a.accountUid})`,
    connectionId: a.connectionId,
    connectionLabel: a.connectionLabel,
  }));
}
