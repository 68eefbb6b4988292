// bench:sync's single-connection figure, also printed by bench:scale as its baseline: our own
// time per sync (venue time excluded) against the demo venue scaled to 500 positions and
// 10,000 orders, one initial sync, then INCREMENTAL_RUNS incremental syncs a minute apart.
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { ScaledDemoConnector } from "@/lib/connectors/demo/scaled";
import type { Connector } from "@/lib/connectors/types";
import { syncConnection } from "@/lib/sync/sync-connection";
import { latencyStats } from "./latency-stats";

/** Wraps every connector call so the venue's own time can be subtracted. */
export function timed(c: Connector): { connector: Connector; venueMs: () => number; reset: () => void } {
  let ms = 0;
  const connector = new Proxy(c, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== "function" || typeof prop !== "string" || !prop.startsWith("fetch")) return v;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await (v as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } finally {
          ms += performance.now() - t0;
        }
      };
    },
  });
  return { connector, venueMs: () => ms, reset: () => (ms = 0) };
}

// Enough runs that p95 is not simply the slowest run.
const INCREMENTAL_RUNS = 30;

export async function syncCost(handle: DbHandle, label: string) {
  const ownerId = (await ensurePersonalWorkspace(handle.db)).id;
  const { id } = await createConnection(handle.db, { ownerId, provider: "demo", label: "scaled", config: { seed: "bench" } });
  const start = Date.parse("2026-11-20T10:00:00Z");
  const runs: Array<{ kind: string; totalMs: number; venueMs: number; oursMs: number; ordersNew: number; ordersChanged: number; orderEvents: number }> = [];
  for (let i = 0; i <= INCREMENTAL_RUNS; i++) {
    const now = new Date(start + i * 60_000);
    const t = timed(new ScaledDemoConnector({ seed: "bench", now: () => now, positions: 500, orders: 10_000 }));
    const t0 = performance.now();
    const r = await syncConnection(handle.db, { ownerId, connectionId: id, trigger: "manual", now: () => now, connector: t.connector, referencePrices: null } as Parameters<typeof syncConnection>[1]);
    const totalMs = performance.now() - t0;
    runs.push({
      kind: i === 0 ? "initial" : "incremental",
      totalMs: Math.round(totalMs),
      venueMs: Math.round(t.venueMs()),
      oursMs: Math.round(totalMs - t.venueMs()),
      ordersNew: r.counts.ordersNew,
      ordersChanged: r.counts.ordersChanged,
      orderEvents: r.counts.orderEvents,
    });
  }
  const incremental = runs.filter((r) => r.kind === "incremental");
  return {
    database: label,
    initial: runs[0],
    incrementalOursMs: latencyStats(incremental.map((r) => r.oursMs)),
    incrementalOursMsEach: incremental.map((r) => r.oursMs),
    incrementalVenueMs: latencyStats(incremental.map((r) => r.venueMs)),
    ordersChangedPerRun: latencyStats(incremental.map((r) => r.ordersChanged)),
    target: "incremental p95 < 100 ms",
    pass: latencyStats(incremental.map((r) => r.oursMs)).p95 < 100,
  };
}

