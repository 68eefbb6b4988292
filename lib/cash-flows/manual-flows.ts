import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { findReversal, getFlowAccount, getOwnedFlow, insertCashFlow, lockFlowIdentity } from "@/db/queries/cash-flow-corrections";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import type { CashFlowRow } from "@/db/schema";
import { FlowRefusedError } from "./flow-refused";
import { afterFlowsChanged } from "./flows-changed";
import { manualFlowSchema, replaceFlowSchema, reverseFlowSchema, type ManualFlow, type ManualFlowInput, type ReplaceFlowInput } from "./manual-flow-schema";

/**
 * Flows a person adds, reverses or replaces, for any account of the workspace (Groww has no
 * API: its flows arrive only this way). cash_flows is append-only, so a correction is rows:
 * a reversal (`reverses_id`, venue flow id `reversal:<id>`) voids the flow, and a replacement
 * is a new manual row (`replaces_id`) written in the same transaction. Each call answers the
 * earliest instant whose flows changed (`changedFrom`); in the same transaction, transfers
 * are matched again and the unitised series refreshed from there (afterFlowsChanged).
 *
 * Refusals are FlowRefusedError (with the field for bad input, without for a clash) or
 * NotFoundError (an account or flow of another workspace, or none): nothing is written.
 */

interface Who {
  ownerId: string;
  /** The person entering it (users.id). */
  enteredBy: string;
}

/** Parsed by the same schema as the form and the action; the first problem is refused with its field. */
function checked<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new FlowRefusedError(issue.message, issue.path.length > 0 ? String(issue.path[0]) : undefined);
}

export async function addManualFlow(db: Db, p: Who & ManualFlowInput): Promise<{ flow: CashFlowRow; changedFrom: Date }> {
  const { ownerId, enteredBy, ...fields } = p;
  const flow = checked(manualFlowSchema, fields);
  const row = await db.transaction(async (tx) => {
    const inserted = await insertManualFlow(tx, { ownerId, enteredBy, flow, replacesId: null });
    await afterFlowsChanged(tx, { ownerId, from: inserted.occurredAt });
    return inserted;
  });
  return { flow: row, changedFrom: row.occurredAt };
}

export async function reverseFlow(db: Db, p: Who & { flowId: string; note: string }): Promise<{ reversal: CashFlowRow; changedFrom: Date }> {
  const input = checked(reverseFlowSchema, { flowId: p.flowId, note: p.note });
  return db.transaction(async (tx) => {
    const { reversal, reversed } = await insertReversal(tx, { ownerId: p.ownerId, enteredBy: p.enteredBy, ...input });
    await afterFlowsChanged(tx, { ownerId: p.ownerId, from: reversed.occurredAt });
    return { reversal, changedFrom: reversed.occurredAt };
  });
}

/** Reverses the flow and enters its replacement, in one transaction: a refusal of either writes neither. */
export async function replaceFlow(
  db: Db,
  p: Who & ReplaceFlowInput,
): Promise<{ reversal: CashFlowRow; replacement: CashFlowRow; changedFrom: Date }> {
  const { ownerId, enteredBy, ...fields } = p;
  const input = checked(replaceFlowSchema, fields);
  return db.transaction(async (tx) => {
    const { reversal, reversed } = await insertReversal(tx, { ownerId, enteredBy, flowId: input.flowId, note: input.note });
    const replacement = await insertManualFlow(tx, { ownerId, enteredBy, flow: input, replacesId: reversed.id });
    const changedFrom = reversed.occurredAt < replacement.occurredAt ? reversed.occurredAt : replacement.occurredAt;
    await afterFlowsChanged(tx, { ownerId, from: changedFrom });
    return { reversal, replacement, changedFrom };
  });
}

async function insertManualFlow(tx: Db, p: Who & { flow: ManualFlow; replacesId: string | null }): Promise<CashFlowRow> {
  const { flow } = p;
  const account = await getFlowAccount(tx, { ownerId: p.ownerId, accountId: flow.accountId });
  // Held until commit: a change of base currency waits, so the value is stored in the base it was checked against.
  const { baseCurrency } = await getWorkspaceSettings(tx, { ownerId: p.ownerId, lock: "share" });
  return insertCashFlow(tx, {
    ownerId: p.ownerId,
    connectionId: account.connectionId,
    accountId: account.id,
    portfolioId: account.portfolioId,
    venueFlowId: `manual:${randomUUID()}`,
    kind: flow.kind,
    incomeKind: flow.incomeKind ?? null,
    asset: flow.asset,
    amount: flow.amount,
    ...valuation(flow, baseCurrency),
    baseCurrency,
    occurredAt: flow.occurredAt,
    status: "confirmed",
    source: "manual",
    enteredBy: p.enteredBy,
    note: flow.note,
    replacesId: p.replacesId,
  });
}

/**
 * A manual flow is never unvalued: in the base currency it is worth its amount ("par"); in any
 * other asset the person says what it was worth then ("manual"), as nothing here knows a
 * price at an arbitrary past instant.
 */
function valuation(flow: ManualFlow, baseCurrency: string): { valueBase: string; priceSource: "par" | "manual" } {
  if (flow.valueBase !== null) return { valueBase: flow.valueBase, priceSource: "manual" };
  if (flow.asset === baseCurrency) return { valueBase: flow.amount, priceSource: "par" };
  throw new FlowRefusedError(
    `Value in base currency: needed, since ${flow.asset} is not the workspace's base currency (${baseCurrency}); give what the flow was worth in ${baseCurrency} at its time`,
    "valueBase",
  );
}

async function insertReversal(tx: Db, p: Who & { flowId: string; note: string }): Promise<{ reversal: CashFlowRow; reversed: CashFlowRow }> {
  const { connectionDeleted, ...target } = await getOwnedFlow(tx, { ownerId: p.ownerId, flowId: p.flowId });
  if (target.reversesId !== null) throw new FlowRefusedError("This row is itself a reversal and cannot be reversed; add the flow again if it was right");
  if (connectionDeleted) throw new FlowRefusedError("This flow's connection was deleted: its history is kept as it was and cannot be corrected");
  await lockFlowIdentity(tx, target);
  const earlier = await findReversal(tx, target);
  if (earlier) {
    const by = earlier.byName ? ` by ${earlier.byName}` : "";
    throw new FlowRefusedError(`This flow was already reversed${by} on ${earlier.recordedAt.toISOString().slice(0, 16).replace("T", " ")} UTC; a flow is reversed only once`);
  }
  const reversal = await insertCashFlow(tx, {
    ownerId: target.ownerId,
    connectionId: target.connectionId,
    accountId: target.accountId,
    portfolioId: target.portfolioId,
    venueFlowId: `reversal:${target.id}`,
    kind: target.kind,
    incomeKind: target.incomeKind,
    asset: target.asset,
    amount: target.amount,
    valueBase: target.valueBase,
    baseCurrency: target.baseCurrency,
    priceSource: target.priceSource,
    // At the reversed flow's own time: it voids that flow where it stood.
    occurredAt: target.occurredAt,
    status: "confirmed",
    source: "manual",
    enteredBy: p.enteredBy,
    note: p.note,
    reversesId: target.id,
  });
  return { reversal, reversed: target };
}
