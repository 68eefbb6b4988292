import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executeRows } from "@/db/execute-rows";
import { currentFlowRows } from "@/db/queries/cash-flows";
import { accountHoldings, fills, tradingAccounts } from "@/db/schema";
import { D, toDecimalString } from "@/lib/money/decimal";
import type { HistoryFill, HistoryFlow, HistoryIncome } from "@/lib/engines/history";

/**
 * What the reconstruction of one connection starts from, read from the database: its spot
 * fills, the deposits and withdrawals of its accounts (flows), their income and fee rows
 * (performance: interest, dividends, staking rewards received, charges paid), and today's
 * balances the last sync stored (account_holdings: the venue's word, the truth the backward
 * walk starts from).
 *
 * Left out, and said so in docs/architecture.md: derivative fills and positions (a
 * perpetual's PnL needs funding and marks, not a spot close), fund-level subscriptions and
 * redemptions (they hold no coins of an account). A flow internal to the connection moves
 * nothing between its accounts' sum.
 */
export interface ConnectionHistoryInputs {
  fills: HistoryFill[];
  flows: HistoryFlow[];
  /** Income (+) and fees outside trades (−): they move holdings and are performance, never flows. */
  income: HistoryIncome[];
  /** asset → total across the connection's accounts and wallets. */
  balances: Record<string, string>;
}

export async function loadConnectionInputs(db: Db, p: { ownerId: string; connectionId: string }): Promise<ConnectionHistoryInputs> {
  const accounts = await db
    .select({ id: tradingAccounts.id })
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.ownerId, p.ownerId), eq(tradingAccounts.connectionId, p.connectionId)));
  const ids = accounts.map((a) => a.id);
  if (ids.length === 0) return { fills: [], flows: [], income: [], balances: {} };

  const fillRows = await db
    .select({ at: fills.executedAt, symbol: fills.symbol, side: fills.side, price: fills.price, quantity: fills.quantity, fee: fills.fee, feeCurrency: fills.feeCurrency })
    .from(fills)
    .where(and(eq(fills.ownerId, p.ownerId), inArray(fills.accountId, ids)))
    .orderBy(asc(fills.executedAt), asc(fills.id));
  const spot: HistoryFill[] = [];
  for (const f of fillRows) {
    // Unified spot symbols only ("BTC/USDT"); a derivative's carries its settle ("BTC/USDT:USDT").
    const m = /^([^/:]+)\/([^/:]+)$/.exec(f.symbol);
    if (!m) continue;
    spot.push({ at: f.at, base: m[1]!, quote: m[2]!, side: f.side, quantity: f.quantity, price: f.price, fee: f.fee, feeCurrency: f.feeCurrency });
  }

  const flowRows = await executeRows<{ occurred_at: Date | string; kind: string; income_kind: string | null; asset: string; amount: string }>(
    db,
    sql`select f.occurred_at, f.kind, f.income_kind, f.asset, f.amount::text as amount
      from (${currentFlowRows(p.ownerId)}) f
      where f.connection_id = ${p.connectionId} and f.status = 'confirmed' and f.internal_reason is null and not f.reversed
        and f.kind in ('deposit', 'withdrawal', 'income', 'fee')
      order by f.occurred_at, f.id`,
  );
  const flows: HistoryFlow[] = [];
  const income: HistoryIncome[] = [];
  for (const r of flowRows) {
    const at = new Date(r.occurred_at);
    if (r.kind === "deposit" || r.kind === "withdrawal") flows.push({ at, asset: r.asset, amount: r.kind === "withdrawal" ? `-${r.amount}` : r.amount });
    else income.push({ at, asset: r.asset, amount: r.kind === "fee" ? `-${r.amount}` : r.amount, kind: INCOME_KIND[r.income_kind ?? ""] ?? "other" });
  }

  const held = await db
    .select({ balances: accountHoldings.balances })
    .from(accountHoldings)
    .where(and(eq(accountHoldings.ownerId, p.ownerId), inArray(accountHoldings.accountId, ids)));
  const totals = new Map<string, InstanceType<typeof D>>();
  for (const h of held) for (const b of h.balances) totals.set(b.asset, (totals.get(b.asset) ?? new D(0)).plus(b.total));
  const balances: Record<string, string> = {};
  for (const [asset, v] of totals) if (!v.isZero()) balances[asset] = toDecimalString(v);
  return { fills: spot, flows, income, balances };
}

/** The cash-flow ledger's income kinds in the engine's words; a fee (and anything else) is "other". */
const INCOME_KIND: Record<string, HistoryIncome["kind"]> = { dividend: "dividend", interest: "interest", staking_reward: "staking", other: "other" };
