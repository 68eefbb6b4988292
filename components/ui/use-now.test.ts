import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { clockFor } from "./use-now";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-07T10:00:00.000Z"));
});
afterEach(() => vi.useRealTimers());

describe("the shared clock behind useNow", () => {
  it("100 readers of one interval share one clock and one subscribe function; subscribing notifies nobody", () => {
    const clock = clockFor(15_000);
    expect(clockFor(15_000)).toBe(clock);
    const calls: number[] = [];
    const stops = Array.from({ length: 100 }, (_, i) => clock.subscribe(() => calls.push(i)));
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(15_000);
    expect(calls).toHaveLength(100);
    expect(clock.snapshot()).toBe(Date.parse("2026-12-07T10:00:15.000Z"));
    for (const stop of stops) stop();
    expect(clock.timer).toBeNull();
  });

  it("two reads in one render agree; after a quiet spell of 1 s or more the first read starts from now", () => {
    const clock = clockFor(60_000);
    const first = clock.snapshot();
    vi.advanceTimersByTime(400);
    expect(clock.snapshot()).toBe(first);
    vi.advanceTimersByTime(9_000);
    expect(clock.snapshot()).toBe(Date.now());
  });
});
