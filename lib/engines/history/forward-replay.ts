import { type Amount, amountToString, compare, div, isPositive, isZero, minus, negated, plus, times, ZERO_AMOUNT as ZERO } from "@/lib/money/amount";
import { CostLedger } from "@/lib/engines/history/cost-ledger";
import { FILL, FLOW, type HistoryEvent } from "@/lib/engines/history/events";
import type { PriceGrid } from "@/lib/engines/history/price-grid";
import type { RawResidual } from "@/lib/engines/history/backward-walk";
import type { AssetSeries, ByMethod } from "@/lib/engines/history/types";

/**
 * The forward pass: from zero, with the backward walk's residuals, day by day. Events move
 * holdings and cost basis; the end of each day records every asset's quantity, close,
 * value, cost basis and realised PnL (unrealised is value − cost basis, derived on demand:
 * stored per day it doubled the objects a two-year series keeps alive).
 *
 * Cost: per event a few exact additions (and FIFO lot updates); per day and asset one
 * multiplication (quantity × close). The
 * portfolio's fees and income are running totals moved by the events; its cost basis and
 * realised PnL move once per day by the change of each ledger that moved that day (or are
 * re-summed over all ledgers when most moved: cheaper than a delta per event, since a busy
 * day has more events than assets). A day's
 * work grows with the number of assets held, not with how many breakdowns are asked for
 * (breakdowns are sums of the per-asset series).
 */
export interface ForwardTotals {
  value: Amount[];
  costBasis: ByMethod<Amount[]>;
  realised: ByMethod<Amount[]>;
  fees: Amount[];
  funding: Amount[];
  income: Amount[];
  netFlows: Amount[];
  residualFlows: Amount[];
  carriedAssets: string[][];
  unpricedAssets: string[][];
}

export interface ResidualValue {
  residual: RawResidual;
  value: Amount | null;
}

const series = (n: number) => new Array<Amount>(n);

export function replayForwards(p: {
  dayCount: number;
  assets: readonly string[];
  base: number;
  events: readonly HistoryEvent[];
  residuals: readonly RawResidual[];
  prices: readonly PriceGrid[];
  /** The walk's start: today's balances, to check the replay lands on them. */
  balances: readonly Amount[];
}): { assets: AssetSeries[]; totals: ForwardTotals; residualValues: ResidualValue[] } {
  const n = p.dayCount;
  const A = p.assets.length;
  const held: Amount[] = new Array(A).fill(ZERO);
  const ledgers = p.assets.map(() => new CostLedger());
  const cumFees: Amount[] = new Array(A).fill(ZERO);
  const cumFunding: Amount[] = new Array(A).fill(ZERO);
  const cumIncome: Amount[] = new Array(A).fill(ZERO);
  const cumFlows: Amount[] = new Array(A).fill(ZERO);
  const out: AssetSeries[] = p.assets.map((asset, a) => ({
    asset,
    isBase: a === p.base,
    quantity: series(n),
    close: p.prices[a]!.close,
    carried: p.prices[a]!.carried,
    value: series(n),
    costBasis: { fifo: series(n), average: series(n) },
    realised: { fifo: series(n), average: series(n) },
    fees: series(n),
    funding: series(n),
    income: series(n),
    netFlows: series(n),
  }));
  const totals: ForwardTotals = {
    value: series(n),
    costBasis: { fifo: series(n), average: series(n) },
    realised: { fifo: series(n), average: series(n) },
    fees: series(n),
    funding: series(n),
    income: series(n),
    netFlows: series(n),
    residualFlows: series(n),
    carriedAssets: new Array(n),
    unpricedAssets: new Array(n),
  };
  let fees = ZERO;
  let funding = ZERO;
  let income = ZERO;
  let costFifo = ZERO;
  let costAvg = ZERO;
  let realFifo = ZERO;
  let realAvg = ZERO;
  let dayFlows = ZERO;
  let dayResidual = ZERO;
  let day = 0;
  // Assets whose ledger moved today, and each ledger's figures as last added into the totals.
  const dirty = new Uint8Array(A);
  const dirtyList: number[] = [];
  const seen = p.assets.map(() => ({ fifoCost: ZERO, avgCost: ZERO, fifoRealised: ZERO, avgRealised: ZERO }));
  const residualValues: ResidualValue[] = [];

  // Moves a holding and its cost basis; `value` is the base-currency worth of |qty| (null: unpriced).
  const move = (a: number, qty: Amount, value: Amount | null, unit: Amount | null) => {
    held[a] = plus(held[a]!, qty);
    if (a === p.base) return;
    if (dirty[a] === 0) {
      dirty[a] = 1;
      dirtyList.push(a);
    }
    const ledger = ledgers[a]!;
    if (isPositive(qty)) ledger.acquire(qty, unit ?? (value === null ? ZERO : div(value, qty)));
    else ledger.dispose(negated(qty), value ?? ZERO);
  };
  const closeOf = (a: number) => p.prices[a]!.close[day] ?? null;
  // The base currency is worth itself: no multiplication by one on every cash leg.
  const worth = (a: number, qty: Amount) => {
    if (a === p.base) return qty;
    const c = closeOf(a);
    return c === null ? null : times(qty, c);
  };
  const absQty = (q: Amount) => (compare(q, ZERO) < 0 ? negated(q) : q);

  const applyResidual = (r: RawResidual) => {
    const value = worth(r.asset, r.qty);
    residualValues.push({ residual: r, value });
    move(r.asset, r.qty, value === null ? null : absQty(value), closeOf(r.asset));
    if (value !== null) dayResidual = plus(dayResidual, value);
  };

  const apply = (e: HistoryEvent) => {
    if (e.kind === FILL) {
      const base = e.a1;
      const quote = e.a2;
      const closeQ = closeOf(quote);
      const closeB = closeOf(base);
      // The trade's worth in the base currency: at the quote's close, else at the base's.
      const inBase = quote === p.base;
      const value = inBase ? e.notional : closeQ !== null ? times(e.notional, closeQ) : closeB !== null ? times(e.qty, closeB) : null;
      const baseUnit = inBase ? e.price : closeQ !== null ? times(e.price, closeQ) : closeB;
      move(base, e.q1, value, e.side === 1 ? baseUnit : null);
      move(quote, e.q2, value, e.side === 1 ? null : closeQ);
      if (e.a3 >= 0) {
        const feeValue = worth(e.a3, e.fee);
        move(e.a3, e.q3, feeValue, null);
        if (feeValue !== null) {
          cumFees[base] = plus(cumFees[base]!, feeValue);
          fees = plus(fees, feeValue);
        }
      }
    } else if (e.kind === FLOW) {
      const value = worth(e.a1, e.q1);
      move(e.a1, e.q1, value === null ? null : absQty(value), closeOf(e.a1));
      if (value !== null) {
        dayFlows = plus(dayFlows, value);
        cumFlows[e.a1] = plus(cumFlows[e.a1]!, value);
      }
    } else {
      const value = worth(e.a1, e.q1);
      move(e.a1, e.q1, value === null ? null : absQty(value), closeOf(e.a1));
      if (value !== null) {
        if (e.income === "funding") {
          cumFunding[e.symbolAsset] = plus(cumFunding[e.symbolAsset]!, value);
          funding = plus(funding, value);
        } else {
          cumIncome[e.symbolAsset] = plus(cumIncome[e.symbolAsset]!, value);
          income = plus(income, value);
        }
      }
    }
  };

  // Residuals by day, in the walk's order reversed (it found them newest first).
  const startRes: RawResidual[][] = Array.from({ length: n }, () => []);
  const endRes: RawResidual[][] = Array.from({ length: n }, () => []);
  for (let k = p.residuals.length - 1; k >= 0; k--) {
    const r = p.residuals[k]!;
    (r.at === "start" ? startRes[r.day]! : endRes[r.day]!).push(r);
  }

  const NONE: string[] = [];
  let e = 0;
  for (day = 0; day < n; day++) {
    dayFlows = ZERO;
    dayResidual = ZERO;
    for (const r of startRes[day]!) applyResidual(r);
    for (; e < p.events.length && p.events[e]!.day === day; e++) apply(p.events[e]!);
    for (const r of endRes[day]!) applyResidual(r);
    if (dirtyList.length * 2 > A) {
      // Most assets moved: summing every ledger is cheaper than a delta per moved one.
      costFifo = ZERO;
      costAvg = ZERO;
      realFifo = ZERO;
      realAvg = ZERO;
      for (let a = 0; a < A; a++) {
        const l = ledgers[a]!;
        costFifo = plus(costFifo, l.fifoCost);
        costAvg = plus(costAvg, l.avgCost);
        realFifo = plus(realFifo, l.fifoRealised);
        realAvg = plus(realAvg, l.avgRealised);
        const was = seen[a]!;
        was.fifoCost = l.fifoCost;
        was.avgCost = l.avgCost;
        was.fifoRealised = l.fifoRealised;
        was.avgRealised = l.avgRealised;
      }
    } else {
      for (const a of dirtyList) {
        const l = ledgers[a]!;
        const was = seen[a]!;
        costFifo = plus(costFifo, minus(l.fifoCost, was.fifoCost));
        costAvg = plus(costAvg, minus(l.avgCost, was.avgCost));
        realFifo = plus(realFifo, minus(l.fifoRealised, was.fifoRealised));
        realAvg = plus(realAvg, minus(l.avgRealised, was.avgRealised));
        was.fifoCost = l.fifoCost;
        was.avgCost = l.avgCost;
        was.fifoRealised = l.fifoRealised;
        was.avgRealised = l.avgRealised;
      }
    }
    for (const a of dirtyList) dirty[a] = 0;
    dirtyList.length = 0;

    let value = ZERO;
    let carried: string[] = NONE;
    let unpriced: string[] = NONE;
    for (let a = 0; a < A; a++) {
      const s = out[a]!;
      const q = held[a]!;
      s.quantity[day] = q;
      let v = ZERO;
      if (!isZero(q)) {
        const c = s.close[day];
        if (c === null || c === undefined) {
          if (unpriced === NONE) unpriced = [];
          unpriced.push(s.asset);
        } else {
          v = a === p.base ? q : times(q, c);
          if (s.carried[day] === 1) {
            if (carried === NONE) carried = [];
            carried.push(s.asset);
          }
        }
        value = plus(value, v);
      }
      s.value[day] = v;
      const ledger = ledgers[a]!;
      s.costBasis.fifo[day] = ledger.fifoCost;
      s.costBasis.average[day] = ledger.avgCost;
      s.realised.fifo[day] = ledger.fifoRealised;
      s.realised.average[day] = ledger.avgRealised;
      s.fees[day] = cumFees[a]!;
      s.funding[day] = cumFunding[a]!;
      s.income[day] = cumIncome[a]!;
      s.netFlows[day] = cumFlows[a]!;
    }
    totals.value[day] = value;
    totals.costBasis.fifo[day] = costFifo;
    totals.costBasis.average[day] = costAvg;
    totals.realised.fifo[day] = realFifo;
    totals.realised.average[day] = realAvg;
    totals.fees[day] = fees;
    totals.funding[day] = funding;
    totals.income[day] = income;
    totals.netFlows[day] = dayFlows;
    totals.residualFlows[day] = dayResidual;
    totals.carriedAssets[day] = carried;
    totals.unpricedAssets[day] = unpriced;
  }

  // The walk and the replay must agree on today: exact arithmetic leaves no room for drift.
  for (let a = 0; a < A; a++) {
    if (compare(held[a]!, p.balances[a] ?? ZERO) !== 0) {
      throw new Error(`history replay ends at ${amountToString(held[a]!)} ${p.assets[a]}, not the balance ${amountToString(p.balances[a] ?? ZERO)}`);
    }
  }
  return { assets: out, totals, residualValues };
}
