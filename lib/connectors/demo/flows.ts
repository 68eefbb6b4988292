import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { type CashFlow, type CashFlowStatus, flowDirection } from "../types";
import { hashString, uniform } from "./random";
import { DEMO_SPOT_ACCOUNT } from "./trading";

/**
 * Demo deposits and withdrawals: on about two days in five the owner moves money — a USDT
 * deposit to the funding wallet, a USDT withdrawal from it (never more than it holds), or
 * now and then a BTC deposit to the spot wallet (a flow in an asset other than the base
 * currency). Every flow is fixed by keyed hashes of (seed, day), so the flows at any time
 * are computed directly, like the rest of the demo.
 *
 * Balances follow the flows: a deposit raises its wallet by exactly its amount at its
 * time `at`, and a withdrawal lowers it by its amount plus its 1 USDT fee; the flow then
 * stays `pending` for PENDING_MS (chain confirmations, withdrawal processing) before it is
 * `confirmed`. About one withdrawal in seven is rejected at review: it is `failed` after
 * PENDING_MS and never touches a balance.
 *
 * Flows begin at DEMO_FLOWS_EPOCH: the demo's earlier history (which the figures pinned by
 * tests elsewhere read) has none.
 */
export const DEMO_FLOWS_EPOCH = Date.UTC(2026, 10, 23);
export const DEMO_FUNDING_ACCOUNT = "demo-funding";
/** The funding wallet's USDT before any flow. */
export const FUNDING_USDT_START = "5000";
const DAY = 86_400_000;
const MINUTE = 60_000;
const PENDING_MS = 20 * MINUTE;
const WITHDRAWAL_FEE_USDT = "1";
const STREAM = hashString("cash-flows");

export interface DemoFlow {
  id: string;
  day: number;
  at: number;
  kind: "deposit" | "withdrawal";
  accountUid: string;
  asset: "USDT" | "BTC";
  amount: string;
  fails: boolean;
}

/** The day's flow, before the funding wallet's balance caps a withdrawal. */
function drawDay(seed: number, day: number): Omit<DemoFlow, "amount"> & { size: number } | undefined {
  if (uniform(seed, STREAM, day, 1) >= 0.4) return undefined;
  const at = DEMO_FLOWS_EPOCH + day * DAY + Math.floor(uniform(seed, STREAM, day, 2) * 1440) * MINUTE;
  const size = uniform(seed, STREAM, day, 5);
  if (uniform(seed, STREAM, day, 3) < 0.2) {
    return { id: `demo-deposit-${day}`, day, at, kind: "deposit", accountUid: DEMO_SPOT_ACCOUNT, asset: "BTC", size, fails: false };
  }
  const withdrawal = uniform(seed, STREAM, day, 4) < 0.35;
  return {
    id: `demo-${withdrawal ? "withdrawal" : "deposit"}-${day}`,
    day,
    at,
    kind: withdrawal ? "withdrawal" : "deposit",
    accountUid: DEMO_FUNDING_ACCOUNT,
    asset: "USDT",
    size,
    fails: withdrawal && uniform(seed, STREAM, day, 6) < 0.15,
  };
}

/** Every flow of days [0, lastDay], amounts settled against the funding wallet, cached per seed. */
const cache = new Map<number, { flows: DemoFlow[]; days: number; funding: Dec }>();
function flowsThrough(seed: number, lastDay: number): DemoFlow[] {
  const c = cache.get(seed) ?? { flows: [], days: 0, funding: new D(FUNDING_USDT_START) };
  for (let day = c.days; day <= lastDay; day++) {
    const d = drawDay(seed, day);
    if (!d) continue;
    const { size, ...flow } = d;
    if (flow.asset === "BTC") {
      c.flows.push({ ...flow, amount: toDecimalString(new D(1 + Math.floor(size * 10)).times("0.05")) });
      continue;
    }
    let amount = new D(2 + Math.floor(size * 37)).times(500);
    if (flow.kind === "withdrawal") {
      // Never more than the wallet holds after the fee, in whole 500s; nothing to withdraw, no withdrawal.
      amount = D.min(amount, c.funding.minus(WITHDRAWAL_FEE_USDT).div(500).floor().times(500));
      if (amount.lte(0)) continue;
      if (!flow.fails) c.funding = c.funding.minus(amount).minus(WITHDRAWAL_FEE_USDT);
    } else {
      c.funding = c.funding.plus(amount);
    }
    c.flows.push({ ...flow, amount: toDecimalString(amount) });
  }
  c.days = Math.max(c.days, lastDay + 1);
  cache.set(seed, c);
  return c.flows;
}

/** Flows whose time has come at `now`. */
export function demoFlowsUntil(seed: number, now: number): DemoFlow[] {
  if (now < DEMO_FLOWS_EPOCH) return [];
  return flowsThrough(seed, Math.floor((now - DEMO_FLOWS_EPOCH) / DAY)).filter((f) => f.at <= now);
}

/** What the flows up to `now` added to each (account, asset), failed ones excluded. */
export function flowBalanceDeltas(seed: number, now: number): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const f of demoFlowsUntil(seed, now)) {
    if (f.fails) continue;
    const key = `${f.accountUid}:${f.asset}`;
    const signed = new D(f.amount).plus(feeOf(f) ?? 0).times(flowDirection(f.kind));
    out.set(key, (out.get(key) ?? new D(0)).plus(signed));
  }
  return out;
}

function feeOf(f: DemoFlow): string | undefined {
  return f.kind === "withdrawal" ? WITHDRAWAL_FEE_USDT : undefined;
}

function statusAt(f: DemoFlow, now: number): CashFlowStatus {
  if (now < f.at + PENDING_MS) return "pending";
  return f.fails ? "failed" : "confirmed";
}

export function toCashFlow(f: DemoFlow, now: number): CashFlow {
  const status = statusAt(f, now);
  return {
    accountUid: f.accountUid,
    venueFlowId: f.id,
    kind: f.kind,
    asset: f.asset,
    amount: f.amount,
    at: new Date(f.at),
    status,
    venueStatus: status,
    ...(feeOf(f) ? { fee: feeOf(f), feeAsset: "USDT" } : {}),
    source: "venue",
    description: f.fails && status === "failed" ? "rejected at review" : undefined,
    raw: f,
  };
}
