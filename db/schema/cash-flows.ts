import { sql } from "drizzle-orm";
import { bigserial, check, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { CashFlowKind, CashFlowStatus, IncomeKind } from "@/lib/connectors/types";
import { tradingAccounts } from "./accounts";
import { createdAt, money, utc } from "./columns";
import { connections } from "./connections";
import { portfolios } from "./portfolios";
import { syncBatches } from "./sync";
import { users } from "./users";
import { workspaces } from "./workspaces";

/** Where a cash-flow row came from: the venue's history, a person, or the connector's own derivation. */
export const CASH_FLOW_SOURCES = ["venue", "manual", "derived"] as const;
export type CashFlowSource = (typeof CASH_FLOW_SOURCES)[number];

/**
 * Money entering or leaving an account (deposits, withdrawals, fund subscriptions and
 * redemptions), plus income and fees, which are shown but are performance, not flows.
 *
 * Append-only: the database refuses UPDATE and DELETE (migration 0014, the trigger the audit
 * tables use). A row is an observation, never edited:
 * - a venue flow whose status moves (pending → confirmed or failed) gets a new row with the
 *   new status; the flow's state is its row with the highest `seq`. A re-read with an
 *   unchanged status adds nothing (the unique key below);
 * - a correction is a reversal row (`reversesId`: that flow counts no more) plus, when
 *   there is one, a replacement row (`replacesId`: the flow it stands for).
 *
 * The rules for which rows count are in db/queries/cash-flows.ts (effective flows).
 */
export const cashFlows = pgTable(
  "cash_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Recording order: the latest row of a flow is its current state. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => connections.id),
    /** The account the money entered or left; null for a fund-level flow (then `portfolioId`). */
    accountId: uuid("account_id").references(() => tradingAccounts.id),
    portfolioId: uuid("portfolio_id").references(() => portfolios.id),
    /** The venue's id of the flow; for a manual row `manual:<uuid>`, for a reversal `reversal:<id reversed>`. */
    venueFlowId: text("venue_flow_id").notNull(),
    kind: text("kind").$type<CashFlowKind>().notNull(),
    incomeKind: text("income_kind").$type<IncomeKind>(),
    asset: text("asset").notNull(),
    /** Positive; the direction is the kind's (flowDirection). */
    amount: money("amount").notNull(),
    /** Value in `baseCurrency` at the flow's time; null when no price was known (the flow is then listed as unvalued). */
    valueBase: money("value_base"),
    baseCurrency: text("base_currency"),
    /** How `valueBase` was found: "par", "snapshot", "reference", "manual". */
    priceSource: text("price_source"),
    occurredAt: utc("occurred_at").notNull(),
    status: text("status").$type<CashFlowStatus>().notNull(),
    venueStatus: text("venue_status"),
    txId: text("tx_id"),
    network: text("network"),
    fee: money("fee"),
    feeAsset: text("fee_asset"),
    /** Set when the money moved between two accounts of the same connection: never a flow of the connection. */
    internalReason: text("internal_reason"),
    counterpartyAccountUid: text("counterparty_account_uid"),
    source: text("source").$type<CashFlowSource>().notNull(),
    description: text("description"),
    /** The person who entered a manual row, a reversal or a replacement. */
    enteredBy: uuid("entered_by").references(() => users.id),
    note: text("note"),
    reversesId: uuid("reverses_id").references((): AnyPgColumn => cashFlows.id),
    replacesId: uuid("replaces_id").references((): AnyPgColumn => cashFlows.id),
    raw: jsonb("raw"),
    syncBatchId: uuid("sync_batch_id").references(() => syncBatches.id),
    recordedAt: createdAt(),
  },
  (t) => [
    check("cash_flows_amount_positive", sql`${t.amount} > 0`),
    check("cash_flows_holder", sql`${t.accountId} IS NOT NULL OR ${t.portfolioId} IS NOT NULL`),
    // Idempotent on (account, venue flow id): a re-read with the same status adds nothing.
    uniqueIndex("cash_flows_account_flow_status_uq")
      .on(t.accountId, t.venueFlowId, t.status)
      .where(sql`${t.accountId} IS NOT NULL`),
    uniqueIndex("cash_flows_portfolio_flow_status_uq")
      .on(t.portfolioId, t.venueFlowId, t.status)
      .where(sql`${t.accountId} IS NULL`),
    // A flow is reversed at most once.
    uniqueIndex("cash_flows_reverses_uq").on(t.reversesId).where(sql`${t.reversesId} IS NOT NULL`),
    // Serves: a workspace's flows over a range (unitisation, the flows page).
    index("cash_flows_owner_time_idx").on(t.ownerId, t.occurredAt),
    // Serves: cross-connection transfer matching by transaction id.
    index("cash_flows_owner_tx_idx").on(t.ownerId, t.txId).where(sql`${t.txId} IS NOT NULL`),
    // Serves: a connection's earliest pending flow (the re-read window).
    index("cash_flows_connection_time_idx").on(t.connectionId, t.occurredAt),
  ],
);

export const TRANSFER_MATCH_METHODS = ["tx_id", "amount_time"] as const;
export type TransferMatchMethod = (typeof TRANSFER_MATCH_METHODS)[number];

/**
 * A withdrawal from one connection and a deposit into another that are one transfer of the
 * workspace's own money: each is a flow of its connection, neither is a flow of the
 * workspace. A person may undo a match (`undoneAt`); an undone pair is never matched again
 * automatically (the pair key below stays taken).
 */
export const cashFlowMatches = pgTable(
  "cash_flow_matches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    outFlowId: uuid("out_flow_id")
      .notNull()
      .references(() => cashFlows.id),
    inFlowId: uuid("in_flow_id")
      .notNull()
      .references(() => cashFlows.id),
    method: text("method").$type<TransferMatchMethod>().notNull(),
    matchedAt: createdAt(),
    /** Null for a match made by the matcher. */
    matchedBy: uuid("matched_by").references(() => users.id),
    undoneAt: utc("undone_at"),
    undoneBy: uuid("undone_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("cash_flow_matches_pair_uq").on(t.outFlowId, t.inFlowId),
    uniqueIndex("cash_flow_matches_out_live_uq").on(t.outFlowId).where(sql`${t.undoneAt} IS NULL`),
    uniqueIndex("cash_flow_matches_in_live_uq").on(t.inFlowId).where(sql`${t.undoneAt} IS NULL`),
    index("cash_flow_matches_owner_idx").on(t.ownerId, t.matchedAt),
  ],
);

/**
 * The workspace's unit ledger: at each snapshot instant where money entered or left, units
 * issued or redeemed at the NAV per unit of that moment (before the flow). Derived from
 * snapshots and effective flows, rebuilt from the earliest instant a change touches
 * (lib/snapshots/unitised.ts). `cause` records what moved: external flows, a connection's
 * first snapshot (its opening equity joins) or its deletion (its last equity leaves).
 */
export const unitIssues = pgTable(
  "unit_issues",
  {
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => workspaces.id),
    /** The snapshot instant the flows are attributed to: the first at or after each flow. */
    at: utc("at").notNull(),
    /** Signed, in the workspace's base currency: + money in, − money out. */
    netFlow: money("net_flow").notNull(),
    /** Equity at `at` less `netFlow`: what the units held before the flow were worth. */
    equityBefore: money("equity_before").notNull(),
    /** NAV per unit at which units were issued or redeemed. */
    navPerUnit: money("nav_per_unit").notNull(),
    unitsDelta: money("units_delta").notNull(),
    unitsAfter: money("units_after").notNull(),
    /** Σ netFlow up to and including this instant. */
    cumNetFlows: money("cum_net_flows").notNull(),
    /** External flows counted here (0 for an opening or closing only). */
    flowCount: integer("flow_count").notNull(),
    /** "flows", "opening", "closing", or several joined by "+". */
    cause: text("cause").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.at] })],
);

export type CashFlowRow = typeof cashFlows.$inferSelect;
export type CashFlowMatchRow = typeof cashFlowMatches.$inferSelect;
export type UnitIssueRow = typeof unitIssues.$inferSelect;
