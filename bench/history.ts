/**
 * History reconstruction benchmark: `npm run bench:history` (issue 18). Prints one JSON object.
 *
 * Workload (deterministic, lib/engines/history/testing/workload.ts): 10 symbols, 731 daily
 * closes, N = 500 / 2,000 / 10,000 fills with fees, an opening deposit and three later
 * deposits and withdrawals, one currency (USD), workspace zone UTC and Europe/Berlin.
 * Measured per N, median of RUNS runs after WARMUP:
 * - "history": reconstructHistory (backward walk, forward replay with FIFO and average cost,
 *   daily value, NAV per unit) + historyPerformance (every range, the daily returns and the
 *   full metrics summary) — the job the target is for;
 * - "fill replay": calculateTradeStats over the same fills (FIFO round trips only), the
 *   plain replay of the fills the issue compares against, in the same run;
 * Each with its median wall time, its minimum, and the median CPU time of this process
 * (process.cpuUsage): on a machine shared with other jobs the wall figure includes the time
 * spent waiting for a core; the load average is printed beside the figures.
 * - "strings": turning the whole daily series into decimal strings, which storage pays once
 *   (reported apart: the engine hands out exact values and strings are made at the edge).
 *
 * Where the time goes and why it is cheap: money is lib/money/amount (bigint-backed, the same
 * results as decimal.js, only division falls back to decimal.js); per day and asset the
 * engine does one multiplication and a few subtractions; the portfolio's cost basis,
 * realised PnL, fees and income are running totals moved by events, never re-summed; FIFO
 * lots keep unit costs so no FIFO step divides; the day grid samples the zone's offset
 * every 14 days instead of asking Intl for each day. No figure leaves exact arithmetic
 * except the daily returns handed to the float statistics.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { amountToString } from "@/lib/money/amount";
import { historyPerformance, reconstructHistory, type HistoryResult } from "@/lib/engines/history";
import { historyWorkload } from "@/lib/engines/history/testing/workload";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 10;
const SIZES = [500, 2_000, 10_000];
const TARGETS: Record<number, number> = { 10_000: 30, 2_000: 10 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]! * 100) / 100;
};

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Wall time, and this process's CPU time: on a shared machine the wall figure includes waiting for a core. */
function time(fn: () => unknown): { median: number; min: number; cpuMedian: number; cpuMin: number } {
  for (let i = 0; i < WARMUP; i++) fn();
  const runs: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
  }
  return { median: median(runs), min: Math.round(Math.min(...runs) * 100) / 100, cpuMedian: median(cpu), cpuMin: Math.round(Math.min(...cpu) * 100) / 100 };
}

function stringify(r: HistoryResult): number {
  let chars = 0;
  for (const s of r.assets) for (const list of [s.quantity, s.value, s.costBasis.fifo, s.costBasis.average, s.realised.fifo, s.realised.average]) for (const x of list) chars += amountToString(x).length;
  return chars;
}

const results: unknown[] = [];
for (const n of SIZES) {
  const { input } = historyWorkload({ symbols: 10, days: 731, fills: n, seed: 18 });
  const tradeFills: TradeFill[] = input.fills!.map((f) => ({
    symbol: `${f.base}/${f.quote}`,
    side: f.side,
    price: f.price,
    quantity: f.quantity,
    fee: f.fee ?? "0",
    feeCurrency: f.quote,
    executedAt: new Date(f.at as number),
  }));
  const run = (timeZone: string) => () => {
    const r = reconstructHistory({ ...input, timeZone });
    return historyPerformance({ days: r.days, timeZone, portfolio: r.portfolio, assets: r.assets, issues: r.issues });
  };
  const utc = time(run("UTC"));
  const berlin = time(run("Europe/Berlin"));
  const replay = time(() => calculateTradeStats({ fills: tradeFills, baseCurrency: "USD" }));
  const once = reconstructHistory(input);
  const strings = time(() => stringify(once));
  const target = TARGETS[n];
  results.push({
    fills: n,
    days: once.days.length,
    symbols: 10,
    historyMedianMs: utc.median,
    historyMinMs: utc.min,
    historyCpuMedianMs: utc.cpuMedian,
    historyCpuMinMs: utc.cpuMin,
    historyEuropeBerlinMedianMs: berlin.median,
    fillReplayMedianMs: replay.median,
    fillReplayMinMs: replay.min,
    fillReplayCpuMedianMs: replay.cpuMedian,
    fillReplayCpuMinMs: replay.cpuMin,
    seriesToStringsMedianMs: strings.median,
    targetMs: target ?? null,
    met: target === undefined ? null : utc.median < target && berlin.median < target,
  });
}
console.log(JSON.stringify({ node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAvg: os.loadavg().map((x) => Math.round(x * 100) / 100), runs: RUNS, results }, null, 2));
