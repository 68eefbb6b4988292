// Percentiles of timings (ms) for the load and scale benches: nearest-rank on the sorted
// sample, rounded to 0.01 ms. Samples are at most a few hundred thousand numbers, so sorting
// a copy is cheaper to read than a histogram library and exact.

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const round = (v: number) => Math.round(v * 100) / 100;

export function latencyStats(xs: readonly number[]): LatencyStats {
  if (xs.length === 0) return { n: 0, p50: 0, p95: 0, p99: 0, max: 0 };
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(s.at(-1)!) };
}
