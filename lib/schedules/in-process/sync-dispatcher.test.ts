import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ProviderLimiter } from "./provider-limiter";
import { SyncDispatcher, type DispatchTarget } from "./sync-dispatcher";

const T0 = new Date("2026-03-02T12:00:00Z");
const target = (n: number, provider: DispatchTarget["provider"] = "binance"): DispatchTarget => ({
  workspaceId: "0b7c4a52-3c1d-4f5e-8a9b-0c1d2e3f4a5b",
  connectionId: `00000000-0000-4000-8000-00000000000${n}`,
  provider,
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(p: { run?: (t: DispatchTarget) => Promise<unknown>; retryDelayMs?: (e: unknown, attempt: number) => number | null; max?: number } = {}) {
  const calls: Array<{ id: string; at: number }> = [];
  const failures: Array<[string, string, number]> = [];
  const d = new SyncDispatcher({
    run: async (t) => {
      calls.push({ id: t.connectionId, at: Date.now() - T0.getTime() });
      return p.run?.(t);
    },
    limiter: new ProviderLimiter(p.max ?? 2),
    now: () => new Date(),
    retryDelayMs: p.retryDelayMs ?? (() => null),
    onFailure: (t, e, attempts) => failures.push([t.connectionId, e instanceof Error ? e.message : String(e), attempts]),
  });
  return { d, calls, failures };
}

describe("SyncDispatcher", () => {
  it("starts a sync at its due time, not before", async () => {
    const { d, calls } = setup();
    expect(d.dispatch(target(1), new Date(T0.getTime() + 17_000))).toBe(true);
    await vi.advanceTimersByTimeAsync(16_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toEqual([{ id: target(1).connectionId, at: 17_000 }]);
    await d.idle();
    expect(d.size).toBe(0);
  });

  it("dispatches a connection only once while its sync is waiting or running", async () => {
    let finish = () => {};
    const { d, calls } = setup({ run: () => new Promise<void>((r) => (finish = r)) });
    expect(d.dispatch(target(1), new Date(T0.getTime() + 5_000))).toBe(true);
    expect(d.dispatch(target(1))).toBe(false); // still waiting for its start
    await vi.advanceTimersByTimeAsync(5_000);
    expect(d.dispatch(target(1))).toBe(false); // running
    finish();
    await d.idle();
    expect(calls).toHaveLength(1);
    expect(d.dispatch(target(1))).toBe(true); // finished: a later tick may dispatch it again
  });

  it("runs at most the limiter's count per venue at once", async () => {
    const finishers: Array<() => void> = [];
    const { d, calls } = setup({ max: 2, run: () => new Promise<void>((r) => finishers.push(r)) });
    for (const n of [1, 2, 3]) d.dispatch(target(n));
    d.dispatch(target(4, "okx"));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.id.slice(-1))).toEqual(["1", "2", "4"]);
    finishers[0]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.id.slice(-1))).toEqual(["1", "2", "4", "3"]);
    for (const f of finishers) f();
    await d.idle();
  });

  it("retries after the policy's delay, then reports the last failure with the attempt count", async () => {
    const { d, calls, failures } = setup({
      run: async () => Promise.reject(new Error("venue unavailable")),
      retryDelayMs: (_e, attempt) => (attempt <= 2 ? attempt * 1_000 : null),
    });
    d.dispatch(target(1));
    await vi.advanceTimersByTimeAsync(10_000);
    await d.idle();
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 3_000]); // first try, +1 s, +2 s
    expect(failures).toEqual([[target(1).connectionId, "venue unavailable", 3]]);
  });

  it("stops at the first success", async () => {
    let n = 0;
    const { d, calls, failures } = setup({
      run: async () => (n++ === 0 ? Promise.reject(new Error("blip")) : "ok"),
      retryDelayMs: () => 2_000,
    });
    d.dispatch(target(1));
    await vi.advanceTimersByTimeAsync(5_000);
    await d.idle();
    expect(calls.map((c) => c.at)).toEqual([0, 2_000]);
    expect(failures).toEqual([]);
  });

  it("cancelWaiting drops syncs not yet started or waiting to retry", async () => {
    const { d, calls } = setup();
    d.dispatch(target(1), new Date(T0.getTime() + 30_000));
    d.cancelWaiting();
    await d.idle();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toEqual([]);
    expect(d.size).toBe(0);
  });
});
