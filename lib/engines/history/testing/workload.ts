import { D, toDecimalString } from "@/lib/money/decimal";
import type { DailyClose, HistoryFill, HistoryFlow, HistoryInput } from "@/lib/engines/history/types";

/**
 * A deterministic trading history for tests and bench/history.ts: `symbols` assets with a
 * daily close for each of `days` days (a seeded random walk, 2 decimals), `fills` fills at
 * that day's close with fees, a large opening deposit and a few deposits and withdrawals.
 * Sells never exceed what is held and cash never goes negative, so the history is
 * complete: replayed from zero it reaches `input.balances` exactly (computed here with
 * decimal.js, independently of the engine).
 */
const DAY = 86_400_000;

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export interface Workload {
  input: HistoryInput;
  /** Holdings replayed forwards from zero at the end of each day, per asset (exact strings). */
  holdingsByDay: Record<string, string>[];
}

export function historyWorkload(opts: { symbols: number; days: number; fills: number; seed?: number; firstDate?: string; base?: string }): Workload {
  const rand = lcg(opts.seed ?? 42);
  const base = opts.base ?? "USD";
  const first = Date.parse(`${opts.firstDate ?? "2023-01-01"}T00:00:00Z`);
  const symbols = Array.from({ length: opts.symbols }, (_, k) => `S${k}`);
  const cents = symbols.map(() => 10_000 + Math.floor(rand() * 90_000));
  const prices: Record<string, DailyClose[]> = {};
  const closeCents: number[][] = symbols.map(() => []);
  for (let d = 0; d < opts.days; d++) {
    const date = new Date(first + d * DAY).toISOString().slice(0, 10);
    symbols.forEach((s, k) => {
      cents[k] = Math.max(100, Math.round(cents[k]! * (1 + (rand() - 0.5) * 0.06)));
      closeCents[k]!.push(cents[k]!);
      (prices[s] ??= []).push({ date, close: (cents[k]! / 100).toFixed(2) });
    });
  }
  const flows: HistoryFlow[] = [{ at: first + 1000, asset: base, amount: "10000000" }];
  const flowDays = [Math.floor(opts.days * 0.25), Math.floor(opts.days * 0.5), Math.floor(opts.days * 0.75)];
  flowDays.forEach((d, k) => flows.push({ at: first + d * DAY + 3_600_000, asset: base, amount: k === 1 ? "-250000" : "500000" }));

  const held = symbols.map(() => 0); // in thousandths
  const fills: HistoryFill[] = [];
  const per = opts.fills / opts.days;
  for (let i = 0; i < opts.fills; i++) {
    const d = Math.min(opts.days - 1, Math.floor(i / per));
    const k = Math.floor(rand() * symbols.length);
    const wantSell = rand() < 0.45 && held[k]! > 0;
    const milli = wantSell ? Math.max(1, Math.floor(held[k]! * rand())) : 1 + Math.floor(rand() * 5_000);
    if (wantSell) held[k] = held[k]! - milli;
    else held[k] = held[k]! + milli;
    fills.push({
      at: first + d * DAY + 7_200_000 + (i % 1000) * 1000,
      base: symbols[k]!,
      quote: base,
      side: wantSell ? "sell" : "buy",
      quantity: (milli / 1000).toFixed(3),
      price: (closeCents[k]![d]! / 100).toFixed(2),
      fee: `0.${String((i % 97) + 1).padStart(2, "0")}`,
    });
  }

  // Forward replay from zero with decimal.js: the truth the engine's walk must meet.
  const all = [
    ...flows.map((f) => ({ at: f.at as number, legs: [[f.asset, new D(f.amount)]] as [string, InstanceType<typeof D>][] })),
    ...fills.map((f) => {
      const q = new D(f.quantity);
      const notional = q.times(f.price);
      const s = f.side === "buy" ? 1 : -1;
      return { at: f.at as number, legs: [[f.base, q.times(s)], [f.quote, notional.times(-s)], [f.feeCurrency ?? f.quote, new D(f.fee ?? 0).negated()]] as [string, InstanceType<typeof D>][] };
    }),
  ].sort((a, b) => a.at - b.at);
  const h: Record<string, InstanceType<typeof D>> = {};
  const holdingsByDay: Record<string, string>[] = [];
  let e = 0;
  for (let d = 0; d < opts.days; d++) {
    const end = first + (d + 1) * DAY;
    for (; e < all.length && all[e]!.at < end; e++) for (const [a, q] of all[e]!.legs) h[a] = (h[a] ?? new D(0)).plus(q);
    holdingsByDay.push(Object.fromEntries(Object.entries(h).map(([a, q]) => [a, toDecimalString(q)])));
  }
  const to = new Date(first + (opts.days - 1) * DAY).toISOString().slice(0, 10);
  return {
    input: { baseCurrency: base, timeZone: "UTC", to, balances: holdingsByDay.at(-1)!, fills, flows, prices },
    holdingsByDay,
  };
}
