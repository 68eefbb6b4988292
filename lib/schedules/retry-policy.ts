import { NotFoundError } from "@/db/queries/not-found";
import { SyncFailedError } from "@/lib/sync/sync-connection";

// The retry policy of background syncs: whether, and when, a failed run is tried again.
// What a failure does to the connection's health is lib/sync/connection-health.ts.

/** Retries after the first attempt of a background sync, on Inngest and in-process alike. */
export const SYNC_RETRIES = 4;
/** When a venue says "slow down" without saying how long. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;
/** In-process backoff: 2 s, 4 s, 8 s, 16 s… A process sleeps at most this long before a retry. */
const BASE_DELAY_MS = 2_000;
export const MAX_IN_PROCESS_DELAY_MS = 60_000;

export type FailureAction =
  /** The venue rate-limited us: try again no sooner than it asked. */
  | { action: "retry-after"; seconds: number }
  /** Transient (venue unavailable, database hiccup): retry with backoff. */
  | { action: "retry" }
  /** Retrying cannot help (auth, permission, bad data, unknown connection): a human must act. */
  | { action: "give-up" };

/**
 * What a background runner does after a failed sync attempt. Inngest maps it to
 * RetryAfterError / NonRetriableError / its own backoff; the in-process scheduler sleeps
 * `inProcessRetryDelayMs`. The failure itself (batch, connection health, alert) is
 * already recorded by `syncConnection`, which is also what moves an auth failure to
 * "needs attention" and pauses a connection that keeps failing.
 */
export function failurePolicy(e: unknown): FailureAction {
  if (e instanceof NotFoundError) return { action: "give-up" };
  // Not a sync outcome: the run could not even open its batch (the database). Worth another try.
  if (!(e instanceof SyncFailedError)) return { action: "retry" };
  if (e.kind === "rate_limited") return { action: "retry-after", seconds: Math.ceil(e.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS) };
  return e.retryable ? { action: "retry" } : { action: "give-up" };
}

/**
 * The in-process wait before retry `attempt` (1 = first retry), or null to stop: no
 * retry left, nothing to retry, or a Retry-After longer than a process should sleep (the
 * connection's `retryNotBefore` then keeps the schedule away until the venue allows).
 */
export function inProcessRetryDelayMs(e: unknown, attempt: number): number | null {
  if (attempt > SYNC_RETRIES) return null;
  const policy = failurePolicy(e);
  if (policy.action === "give-up") return null;
  if (policy.action === "retry-after") {
    const ms = policy.seconds * 1000;
    return ms <= MAX_IN_PROCESS_DELAY_MS ? ms : null;
  }
  return Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_IN_PROCESS_DELAY_MS);
}
