import type { ConnectionStatus } from "@/db/schema";

/**
 * A connection's state in one word, and why, as the connections list and page show it.
 * Decided here only (the sync's failure policy, lib/sync/connection-health.ts, decides
 * the stored status; this reads it with the run in progress):
 *
 * - syncing: a run is queued or running now;
 * - needs attention: the venue refused the credentials or their permissions;
 * - paused: a person paused it, or the failure policy did after repeated failures;
 * - failing: still scheduled, but its last runs failed;
 * - healthy: its last run succeeded (a partial run is healthy, with the failed part said).
 */
export const CONNECTION_STATES = ["healthy", "syncing", "needs_attention", "paused", "failing"] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export const CONNECTION_STATE_LABELS: Record<ConnectionState, string> = {
  healthy: "healthy",
  syncing: "syncing",
  needs_attention: "needs attention",
  paused: "paused",
  failing: "failing",
};

export interface StateInput {
  status: ConnectionStatus;
  consecutiveFailures: number;
  lastError: string | null;
  lastSuccessAt: Date | null;
  failingSince: Date | null;
  statusSetByPolicyAt: Date | null;
  retryNotBefore: Date | null;
  openRun: { status: string } | null;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function connectionState(c: StateInput, now: Date): { state: ConnectionState; reason: string | null } {
  if (c.openRun) {
    return { state: "syncing", reason: c.openRun.status === "queued" ? "Waiting to start" : "Reading the venue" };
  }
  if (c.status === "needs_attention") return { state: "needs_attention", reason: c.lastError ?? "The venue refused the credentials" };
  if (c.status === "paused") {
    return c.statusSetByPolicyAt
      ? { state: "paused", reason: `Paused after ${plural(c.consecutiveFailures, "failed sync")}: ${c.lastError ?? "no error recorded"}` }
      : { state: "paused", reason: "Paused by a person: background syncs are off" };
  }
  if (c.consecutiveFailures > 0) {
    // The instant itself is shown beside the reason, in the viewer's time zone.
    const wait = c.retryNotBefore && c.retryNotBefore > now ? " (the venue asked us to wait before the next try)" : "";
    return { state: "failing", reason: `${plural(c.consecutiveFailures, "failed sync")} in a row: ${c.lastError ?? "no error recorded"}${wait}` };
  }
  if (!c.lastSuccessAt) return { state: "healthy", reason: "Not synced yet" };
  return { state: "healthy", reason: c.lastError };
}
