"use client";

import { useSyncExternalStore } from "react";

/** The last reading per tick interval: a snapshot must stay the same between ticks. */
const readings = new Map<number, number>();

/**
 * The browser's clock, read again every `intervalMs`; null on the server, whose clock and
 * time zone are not the viewer's, so anything relative ("3 min ago", "for 12 s") renders
 * in the browser only. The reading is the real time of the last tick (and of mounting), not
 * the time rounded down to the interval: rounded down, a sync that ended 9 s into the minute
 * read "in 9 s".
 */
export function useNow(intervalMs: number): number | null {
  return useSyncExternalStore(
    (onTick) => {
      const tick = () => {
        readings.set(intervalMs, Date.now());
        onTick();
      };
      // A component mounting after a quiet spell starts from now, not from the last tick.
      tick();
      const id = setInterval(tick, intervalMs);
      return () => clearInterval(id);
    },
    () => {
      if (!readings.has(intervalMs)) readings.set(intervalMs, Date.now());
      return readings.get(intervalMs)!;
    },
    () => null,
  );
}
