// bench:scale's venue side, seen from the bench process: the fakes' child process
// (bench/scale-fakes.ts) and what its traffic means against the published limits.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { BINANCE_WEIGHT_LIMITS } from "@/lib/connectors/binance/weight-limits";

export type Seen = { venue: "binance" | "okx"; path: string; status: number; weight: number; atMs: number };

export interface FakeVenues {
  origins: { binance: string; okx: string };
  /** Setup: initial syncs are not paced by the weight windows (they are not measured). */
  freeWeight(): void;
  /** Forget everything seen so far; real weight windows from now on. */
  measure(): void;
  report(): Promise<{ seen: Seen[]; cpuMs: number }>;
  stop(): Promise<void>;
}

export async function startFakeVenues(): Promise<FakeVenues> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "scale-fakes.ts")], {
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const first = await new Promise<string>((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stdout! });
    rl.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`fake venues exited ${code}`)));
  });
  const origins = JSON.parse(first) as { binance: string; okx: string };
  return {
    origins,
    freeWeight: () => child.send("free-weight"),
    measure: () => child.send("measure"),
    report: () =>
      new Promise((resolve) => {
        child.once("message", (m) => resolve(m as { seen: Seen[]; cpuMs: number }));
        child.send("report");
      }),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send("stop");
      }),
  };
}

/**
 * OKX's published limits for the endpoints a sync reads (venue-apis.md §2.3; public market
 * data per IP, 20 requests / 2 s): private ones count per User ID, i.e. per connection.
 */
const OKX_PER_2S: Record<string, { limit: number; per: "user" | "ip" }> = {
  "/api/v5/account/balance": { limit: 10, per: "user" },
  "/api/v5/account/positions": { limit: 10, per: "user" },
  "/api/v5/asset/balances": { limit: 12, per: "user" },
  "/api/v5/trade/orders-pending": { limit: 60, per: "user" },
  "/api/v5/trade/orders-history": { limit: 40, per: "user" },
  "/api/v5/trade/orders-history-archive": { limit: 20, per: "user" },
  "/api/v5/trade/fills": { limit: 60, per: "user" },
  "/api/v5/trade/fills-history": { limit: 10, per: "user" },
  "/api/v5/trade/order": { limit: 60, per: "user" },
  "/api/v5/public/instruments": { limit: 20, per: "ip" },
  "/api/v5/market/index-tickers": { limit: 20, per: "ip" },
  "/api/v5/market/tickers": { limit: 20, per: "ip" },
};

function binanceBucket(p: string): string {
  if (p === "/sapi/v1/capital/withdraw/history") return "sapi_uid";
  if (p.startsWith("/sapi/")) return "sapi";
  if (p.startsWith("/fapi/")) return "usdm";
  if (p.startsWith("/dapi/")) return "coinm";
  return "spot";
}

/** The largest sum of `value` over any window of `windowMs` (the samples are stamped at 100 ms). */
function peakOver(rows: Array<{ atMs: number; value: number }>, windowMs: number): number {
  const s = [...rows].sort((a, b) => a.atMs - b.atMs);
  let peak = 0;
  let sum = 0;
  let lo = 0;
  for (const r of s) {
    sum += r.value;
    while (s[lo]!.atMs <= r.atMs - windowMs) sum -= s[lo++]!.value;
    peak = Math.max(peak, sum);
  }
  return peak;
}

/** Requests per venue per minute and the peaks against the limits, over `seconds` of traffic. */
export function venueBudgets(seen: Seen[], seconds: number) {
  const minutes = seconds / 60;
  const out: Record<string, unknown> = {};
  for (const venue of ["binance", "okx"] as const) {
    const rows = seen.filter((s) => s.venue === venue);
    out[venue] = {
      requests: rows.length,
      requestsPerMinute: Math.round(rows.length / Math.max(minutes, 1 / 60)),
      peakRequestsIn60s: peakOver(rows.map((r) => ({ atMs: r.atMs, value: 1 })), 60_000),
      refused429: rows.filter((r) => r.status === 429).length,
    };
  }
  const binance = seen.filter((s) => s.venue === "binance");
  const weight: Record<string, unknown> = {};
  // sapi_uid is counted per account (UID), not per IP: summed over connections it is no limit.
  for (const bucket of Object.keys(BINANCE_WEIGHT_LIMITS).filter((b) => b !== "sapi_uid")) {
    const rows = binance.filter((r) => binanceBucket(r.path) === bucket).map((r) => ({ atMs: r.atMs, value: r.weight }));
    if (rows.length === 0) continue;
    const peak = peakOver(rows, 60_000);
    weight[bucket] = { total: rows.reduce((a, r) => a + r.value, 0), peakIn60s: peak, limitPerMinute: BINANCE_WEIGHT_LIMITS[bucket], respected: peak <= BINANCE_WEIGHT_LIMITS[bucket]! };
  }
  (out.binance as Record<string, unknown>).weightPerIp = weight;
  const okx = seen.filter((s) => s.venue === "okx");
  const endpoints: Record<string, unknown> = {};
  for (const [p, lim] of Object.entries(OKX_PER_2S)) {
    const rows = okx.filter((r) => r.path === p).map((r) => ({ atMs: r.atMs, value: 1 }));
    if (rows.length === 0) continue;
    const peak = peakOver(rows, 2000);
    endpoints[p] = {
      requests: rows.length,
      peakIn2sAllConnections: peak,
      limitPer2s: lim.limit,
      countedPer: lim.per,
      // Per User ID limits hold for each connection whenever all connections together stay inside them.
      respected: peak <= lim.limit ? true : lim.per === "ip" ? false : "all connections together exceed one user's limit: per-connection rate bounded by ccxt's per-client limiter",
    };
  }
  (out.okx as Record<string, unknown>).endpoints = endpoints;
  return out;
}
