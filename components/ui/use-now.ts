"use client";

import { useSyncExternalStore } from "react";

/**
 * One clock per tick interval, shared by every component that reads it: one timer, one
 * reading, one subscribe function. The subscribe function must keep its identity across
 * renders and must not notify while subscribing: a page with a hundred times on it (a table
 * of orders) otherwise re-subscribed on every render, each subscription told React the time
 * had changed, and React gave up ("Maximum update depth exceeded").
 */
export interface Clock {
  reading: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
  subscribe: (onTick: () => void) => () => void;
  snapshot: () => number;
}

const clocks = new Map<number, Clock>();
const FRESH_MS = 1000;

export function clockFor(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const clock: Clock = {
    reading: Date.now(),
    listeners: new Set(),
    timer: null,
    subscribe: (onTick) => {
      clock.listeners.add(onTick);
      clock.timer ??= setInterval(() => {
        clock.reading = Date.now();
        for (const l of clock.listeners) l();
      }, intervalMs);
      return () => {
        clock.listeners.delete(onTick);
        if (clock.listeners.size === 0 && clock.timer !== null) {
          clearInterval(clock.timer);
          clock.timer = null;
        }
      };
    },
    snapshot: () => {
      // Nobody ticking it (a first mount, or after a quiet spell): start from now, not from
      // a reading left long ago (a second at most). Stable within a render: it only moves
      // once it is that stale, so two reads in one render agree.
      if (clock.timer === null && Date.now() - clock.reading >= Math.min(intervalMs, FRESH_MS)) clock.reading = Date.now();
      return clock.reading;
    },
  };
  clocks.set(intervalMs, clock);
  return clock;
}

const serverSnapshot = () => null;

/**
 * The browser's clock, read again every `intervalMs`; null on the server, whose clock and
 * time zone are not the viewer's, so anything relative ("3 min ago", "for 12 s") renders
 * in the browser only. The reading is the real time of the last tick (and of the first
 * mount after a quiet spell), not the time rounded down to the interval: rounded down, a
 * sync that ended 9 s into the minute read "in 9 s".
 */
export function useNow(intervalMs: number): number | null {
  const clock = clockFor(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.snapshot, serverSnapshot);
}
