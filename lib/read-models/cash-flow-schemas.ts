import { z } from "zod";
import type { CashFlowSource } from "@/db/schema/cash-flows";
import { CASH_FLOW_KINDS, CASH_FLOW_STATUSES, flowDirection, INCOME_KINDS, type CashFlowKind, type CashFlowStatus, type IncomeKind } from "@/lib/connectors/types";
import { keysetPageSchema } from "./keyset-page";

/** The flows list's JSON contract and its words, free of server code: the browser validates with it. */
const iso = z.iso.datetime({ offset: true });

export { CASH_FLOW_KINDS, CASH_FLOW_STATUSES, flowDirection, INCOME_KINDS };
export type { CashFlowKind, CashFlowSource, CashFlowStatus, IncomeKind };

export const FLOW_KIND_LABELS: Record<CashFlowKind, string> = {
  deposit: "Deposit",
  withdrawal: "Withdrawal",
  subscription: "Subscription",
  redemption: "Redemption",
  income: "Income",
  fee: "Fee",
};

export const INCOME_KIND_LABELS: Record<IncomeKind, string> = {
  dividend: "Dividend",
  interest: "Interest",
  staking_reward: "Staking reward",
  other: "Other income",
};

export const FLOW_SOURCE_LABELS: Record<CashFlowSource, string> = {
  venue: "venue",
  manual: "manual",
  derived: "derived",
};
/** The sources, from the labels (a Record over the type holds each exactly once): the table definitions stay out of the browser. */
export const CASH_FLOW_SOURCES = Object.keys(FLOW_SOURCE_LABELS) as [CashFlowSource, ...CashFlowSource[]];

/**
 * Whether a flow moves the workspace's net deposits, and if not, why: the rule of
 * db/queries/cash-flows.ts in a word, in the order the reasons are checked.
 */
export const FLOW_COUNT_STATES = ["reversed", "failed", "pending", "performance", "internal", "matched", "counted"] as const;
export type FlowCountState = (typeof FLOW_COUNT_STATES)[number];

export const FLOW_COUNT_LABELS: Record<FlowCountState, { label: string; explain: string }> = {
  counted: { label: "counted", explain: "Confirmed money in or out of the workspace: it moves net deposits." },
  internal: { label: "internal", explain: "Moved between two accounts of the same connection: each account's balance changed, the connection's did not." },
  matched: { label: "matched transfer", explain: "One leg of a transfer between two of the workspace's own connections: the money never left the workspace." },
  reversed: { label: "reversed", explain: "Reversed by a person: it counts for nothing (a replacement, if any, counts instead)." },
  pending: { label: "pending", explain: "Not settled at the venue yet: it counts once confirmed." },
  failed: { label: "failed", explain: "The venue reports it failed: no money moved." },
  performance: { label: "income or fee", explain: "Income and fees are performance, not money added or taken out: shown, never netted out of returns." },
};

const EXTERNAL: ReadonlySet<CashFlowKind> = new Set(["deposit", "withdrawal", "subscription", "redemption"]);

/** The first reason in FLOW_COUNT_STATES' order that holds; "counted" when none does. */
export function flowCountState(f: { status: CashFlowStatus; kind: CashFlowKind; internal: boolean; reversed: boolean; matched: boolean }): FlowCountState {
  if (f.reversed) return "reversed";
  if (f.status === "failed") return "failed";
  if (f.status === "pending") return "pending";
  if (!EXTERNAL.has(f.kind)) return "performance";
  if (f.internal) return "internal";
  if (f.matched) return "matched";
  return "counted";
}

/** One flow as the list shows it: its current state, where it went, its value in the workspace's base currency. */
export const flowViewSchema = z.object({
  id: z.uuid(),
  occurredAt: iso,
  recordedAt: iso,
  connectionId: z.uuid(),
  connectionLabel: z.string(),
  connectionDeleted: z.boolean(),
  provider: z.string(),
  accountId: z.uuid().nullable(),
  /** The account's name, or the fund's for a fund-level flow. */
  holderLabel: z.string().nullable(),
  kind: z.enum(CASH_FLOW_KINDS),
  incomeKind: z.enum(INCOME_KINDS).nullable(),
  asset: z.string(),
  amount: z.string(),
  fee: z.string().nullable(),
  feeAsset: z.string().nullable(),
  /** In `baseCurrency` at the flow's time; null: unvalued (no price was known then). */
  valueBase: z.string().nullable(),
  baseCurrency: z.string(),
  priceSource: z.string().nullable(),
  status: z.enum(CASH_FLOW_STATUSES),
  venueStatus: z.string().nullable(),
  source: z.enum(CASH_FLOW_SOURCES),
  /** Who entered a manual row (null for what a venue reported). */
  enteredBy: z.string().nullable(),
  note: z.string().nullable(),
  description: z.string().nullable(),
  txId: z.string().nullable(),
  network: z.string().nullable(),
  internalReason: z.string().nullable(),
  counts: z.enum(FLOW_COUNT_STATES),
  reversal: z.object({ at: iso, by: z.string().nullable(), note: z.string().nullable() }).nullable(),
  /** The flow this one replaced (it was reversed in the same step). */
  replaces: z.object({ id: z.uuid(), kind: z.enum(CASH_FLOW_KINDS), asset: z.string(), amount: z.string(), occurredAt: iso }).nullable(),
  /** The flow that replaced this one, when it was replaced rather than only reversed. */
  replacedById: z.uuid().nullable(),
});
export type FlowView = z.infer<typeof flowViewSchema>;
export const flowPageSchema = keysetPageSchema(flowViewSchema);

/** The workspace's net deposits (the header): Σ counted flows' values, and what was left out as unvalued. */
export interface NetDepositsView {
  net: string;
  currency: string;
  counted: number;
  unvalued: number;
}

/** An account a manual flow may go to, as the form lists it. */
export interface FlowAccountOption {
  id: string;
  label: string;
  connectionId: string;
  connectionLabel: string;
}
