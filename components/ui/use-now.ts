"use client";

import { useSyncExternalStore } from "react";

/**
 * The browser's clock, ticking every `intervalMs`; null on the server, whose clock and
 * time zone are not the viewer's, so anything relative ("3 min ago", "for 12 s") renders
 * in the browser only.
 */
export function useNow(intervalMs: number): number | null {
  return useSyncExternalStore(
    (onTick) => {
      const id = setInterval(onTick, intervalMs);
      return () => clearInterval(id);
    },
    () => Math.floor(Date.now() / intervalMs) * intervalMs,
    () => null,
  );
}
