/**
 * Engine benchmark: `npm run bench:engines`. Synthetic data from a seeded PRNG, so every run
 * measures the same work; each case is warmed up, then timed over several iterations with
 * performance.now(). Prints one JSON object: median and min per case against its target.
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import * as perf from "@/lib/engines/performance";
import { calculateReconciliation, type StrategyHolding, type VenueHolding } from "@/lib/engines/reconcile";
import { calculateTradeStats, type TradeFill } from "@/lib/engines/trade-stats";
import { seededRandom } from "@/lib/testing/seeded-random";

function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

interface Series {
  returns: number[];
  benchmark: number[];
  equity: number[];
  valuations: number[];
  flows: number[];
  datedFlows: perf.DatedFlow[];
}

/** A random-walk equity with a deposit or withdrawal every `flowEvery` points. */
function makeSeries(points: number, stepMs: number, flowEvery: number, seed: number): Series {
  const rand = seededRandom(seed);
  const returns: number[] = [];
  const benchmark: number[] = [];
  const valuations: number[] = [];
  const flows: number[] = [];
  const datedFlows: perf.DatedFlow[] = [];
  const start = Date.UTC(2015, 0, 1);
  let value = 10_000;
  for (let i = 0; i < points; i++) {
    const market = gaussian(rand) * 0.01;
    const r = 0.0002 + 0.8 * market + gaussian(rand) * 0.005;
    benchmark.push(market);
    returns.push(r);
    value *= 1 + r;
    valuations.push(value);
    const flow = i % flowEvery === 0 ? Math.round((rand() - 0.3) * 1000) : 0;
    flows.push(flow);
    if (flow !== 0) datedFlows.push({ date: new Date(start + i * stepMs), amount: -flow });
    value += flow;
  }
  datedFlows.push({ date: new Date(start + points * stepMs), amount: value });
  const equity = valuations.slice();
  return { returns, benchmark, equity, valuations, flows, datedFlows };
}

function allMetrics(s: Series, periodsPerYear: number): number {
  // Summing the results keeps the JIT from discarding any call.
  let sink = 0;
  sink += perf.simpleReturns(s.equity).length;
  sink += perf.cumulativeReturns(s.returns).length;
  sink += perf.cumulativeReturn(s.returns);
  sink += perf.annualReturn(s.returns, { periodsPerYear });
  sink += perf.annualVolatility(s.returns, { periodsPerYear });
  sink += perf.sharpeRatio(s.returns, { periodsPerYear });
  sink += perf.sortinoRatio(s.returns, { periodsPerYear });
  sink += perf.downsideRisk(s.returns, { periodsPerYear });
  sink += perf.maxDrawdown(s.returns);
  sink += perf.calmarRatio(s.returns, { periodsPerYear });
  sink += perf.omegaRatio(s.returns, { periodsPerYear });
  sink += perf.valueAtRisk(s.returns);
  sink += perf.tailRatio(s.returns);
  sink += perf.beta(s.returns, s.benchmark);
  sink += perf.alpha(s.returns, s.benchmark, { periodsPerYear });
  sink += perf.timeWeightedReturn(s.valuations, s.flows);
  sink += perf.flowAdjustedReturns(s.valuations, s.flows).length;
  sink += perf.xirr(s.datedFlows);
  return sink;
}

function makeFills(count: number, seed: number): TradeFill[] {
  const rand = seededRandom(seed);
  const symbols = Array.from({ length: 20 }, (_, i) => `C${i}/USDT`);
  const strategies = ["trend", "carry", "mean-revert", "basis", null];
  const prices = symbols.map(() => 100 + rand() * 900);
  const fills: TradeFill[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const s = Math.floor(rand() * symbols.length);
    prices[s] = prices[s]! * (1 + gaussian(rand) * 0.002);
    const price = Math.round(prices[s]! * 100) / 100;
    const quantity = Math.round((0.001 + rand() * 2) * 1000) / 1000;
    const bnbFee = rand() < 0.2;
    fills.push({
      symbol: symbols[s]!,
      side: rand() < 0.5 ? "buy" : "sell",
      price: price.toFixed(2),
      quantity: quantity.toFixed(3),
      fee: bnbFee ? "0.0001" : (price * quantity * 0.001).toFixed(6),
      feeCurrency: bnbFee ? "BNB" : "USDT",
      executedAt: new Date(start + i * 1000),
      venueFillId: String(i),
      accountUid: "acc-1",
      strategy: strategies[Math.floor(rand() * strategies.length)] ?? null,
    });
  }
  return fills;
}

function makePositions(symbolCount: number, strategyCount: number, seed: number) {
  const rand = seededRandom(seed);
  const venuePositions: VenueHolding[] = [];
  const strategyPositions: StrategyHolding[] = [];
  const marketPrices: Record<string, string> = {};
  for (let i = 0; i < symbolCount; i++) {
    const symbol = `T${i}/USDT`;
    const price = 1 + rand() * 500;
    marketPrices[symbol] = price.toFixed(4);
    let total = 0;
    for (let k = 0; k < strategyCount; k++) {
      const qty = Math.round((rand() - 0.4) * 1000) / 10;
      total += qty;
      strategyPositions.push({
        strategy: `s${k}`,
        symbol,
        quantity: qty.toFixed(1),
        averageCost: (price * (0.9 + rand() * 0.2)).toFixed(4),
      });
    }
    // One symbol in ten carries an untagged residual.
    const residual = i % 10 === 0 ? 5 : 0;
    venuePositions.push({ symbol, quantity: (total + residual).toFixed(1), entryPrice: price.toFixed(4), quoteCurrency: "USDT" });
  }
  return { venuePositions, strategyPositions, marketPrices };
}

interface Measurement {
  name: string;
  size: string;
  targetMs: number;
  iterations: number;
  medianMs: number;
  minMs: number;
  pass: boolean;
}

// A full collection between cases (never inside a timed run) so that no case pays for the
// garbage the previous one left behind.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/**
 * Warm-up runs let the JIT settle and move the freshly built input out of the young
 * generation, so the timed runs do not pay for promoting it.
 */
function measure(name: string, size: string, targetMs: number, iterations: number, run: () => unknown): Measurement {
  const warmUp = Math.max(5, Math.ceil(iterations / 2));
  for (let i = 0; i < warmUp; i++) run();
  collectGarbage();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { name, size, targetMs, iterations, medianMs: round(medianMs), minMs: round(times[0]!), pass: medianMs < targetMs };
}

const conversion = { baseCurrency: "USD", quotes: [{ base: "USDT", quote: "USD", price: "0.9998" }, { base: "BNB", quote: "USDT", price: "600" }] };

// Each case builds its own data and lets it go afterwards, so that no case pays for marking
// another case's data in a major GC.
const cases: (() => Measurement)[] = [
  () => {
    const daily = makeSeries(3_650, 86_400_000, 30, 1);
    return measure("performance: all metrics, daily", "3,650 points", 5, 50, () => allMetrics(daily, 365));
  },
  () => {
    const minute = makeSeries(525_600, 60_000, 1_440, 2);
    return measure("performance: all metrics, minute", "525,600 points", 150, 15, () => allMetrics(minute, 525_600));
  },
  () => {
    const fills = makeFills(100_000, 3);
    return measure("trade stats (FIFO)", "100,000 fills", 500, 9, () => calculateTradeStats({ fills, ...conversion }));
  },
  () => {
    const positions = makePositions(2_000, 10, 4);
    return measure("reconciliation", "2,000 positions × 10 strategies", 100, 15, () =>
      calculateReconciliation({ ...positions, ...conversion, nav: "10000000" }),
    );
  },
];
const loadBefore = os.loadavg();
const measurements = cases.map((run) => run());

console.log(
  JSON.stringify(
    {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      // Other work on the machine slows every case down; the 1-minute load says how much there was.
      loadAverage1m: { before: Math.round(loadBefore[0]! * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 },
      note: "all metrics = every exported performance metric incl. beta/alpha vs a benchmark, TWR and flow-adjusted returns with a flow every 30 days (daily) or every day (minute), and XIRR over those flows",
      measurements,
      allPass: measurements.every((m) => m.pass),
    },
    null,
    2,
  ),
);
