/** Jitter never exceeds this, nor a tenth of the interval. */
export const MAX_JITTER_SECONDS = 30;

/**
 * A connection's fixed offset added to its sync interval, so connections created or
 * synced together (a restart, a "resync all") drift apart instead of hitting a venue in
 * the same second forever. Derived from the id, so every process and every restart
 * agrees on it without storing anything. Range: 0..min(30, floor(interval / 10)) seconds.
 */
export function jitterSeconds(connectionId: string, intervalSeconds: number): number {
  const max = Math.min(MAX_JITTER_SECONDS, Math.floor(intervalSeconds / 10));
  return fnv1a32(connectionId) % (max + 1);
}

/** FNV-1a, 32-bit: tiny, stable across platforms, and spreads similar UUIDs well. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
