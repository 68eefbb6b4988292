import type { ConnectionHealth } from "@/db/queries/connections";
import type { ConnectionStatus } from "@/db/schema";

/**
 * Connection health: what a sync's outcome does to its connection. Pure: the run loads the
 * health under a row lock, asks here, and writes the answer. Whether to try again is not
 * decided here but by the retry policy (lib/schedules/retry-policy.ts), from
 * `ConnectorError.retryable`.
 *
 * - `rate_limited` and `unavailable` are transient: the runners retry them with backoff,
 *   and a Retry-After is kept on the connection
 *   (`retryNotBefore`) so no later run, in any process, calls the venue before it.
 * - `auth` and `permission` need a person: never retried, the connection goes to
 *   `needs_attention` at once with the venue's message.
 * - Anything else repeating: after MAX_CONSECUTIVE_FAILURES failures spread over at least
 *   MIN_FAILING_MS_BEFORE_PAUSE the connection is paused from background syncs. The time
 *   floor keeps one outage's burst of retries (five attempts within minutes) from pausing a
 *   connection that will recover by itself.
 */
export const MAX_CONSECUTIVE_FAILURES = 5;
export const MIN_FAILING_MS_BEFORE_PAUSE = 15 * 60_000;
const NEEDS_PERSON_KINDS = new Set(["auth", "permission"]);

export function needsPerson(kind: string): boolean {
  return NEEDS_PERSON_KINDS.has(kind);
}

export interface HealthChange {
  health: ConnectionHealth;
  /** The status the policy just moved the connection to, if it moved it. */
  became: Extract<ConnectionStatus, "paused" | "needs_attention"> | null;
}

export function healthAfterFailure(h: ConnectionHealth, p: { kind: string; at: Date; retryAfterSeconds?: number }): HealthChange {
  const failures = h.consecutiveFailures + 1;
  const failingSince = h.failingSince ?? p.at;
  const next: ConnectionHealth = { ...h, consecutiveFailures: failures, failingSince, retryNotBefore: retryNotBefore(h, p) };
  // Only an active connection is moved: a person's pause stays a pause, and a connection
  // already flagged keeps the reason it was flagged for.
  if (h.status !== "active") return { health: next, became: null };
  if (needsPerson(p.kind)) {
    return { health: { ...next, status: "needs_attention", statusSetByPolicyAt: p.at }, became: "needs_attention" };
  }
  const failingForMs = p.at.getTime() - failingSince.getTime();
  if (failures >= MAX_CONSECUTIVE_FAILURES && failingForMs >= MIN_FAILING_MS_BEFORE_PAUSE) {
    return { health: { ...next, status: "paused", statusSetByPolicyAt: p.at }, became: "paused" };
  }
  return { health: next, became: null };
}

/** The later of the wait already owed and the one this failure asks for. */
function retryNotBefore(h: ConnectionHealth, p: { at: Date; retryAfterSeconds?: number }): Date | null {
  if (p.retryAfterSeconds === undefined) return h.retryNotBefore;
  const asked = new Date(p.at.getTime() + p.retryAfterSeconds * 1000);
  return h.retryNotBefore && h.retryNotBefore > asked ? h.retryNotBefore : asked;
}

/**
 * A run that committed (succeeded or partial) proves the credentials and the venue work:
 * the failure count resets and a status the policy set is lifted. A pause a person chose
 * (no policy timestamp) stays.
 */
export function healthAfterSuccess(h: ConnectionHealth): { health: ConnectionHealth; lifted: boolean } {
  const lifted = h.statusSetByPolicyAt !== null && h.status !== "active";
  return {
    health: {
      status: lifted ? "active" : h.status,
      consecutiveFailures: 0,
      failingSince: null,
      statusSetByPolicyAt: lifted ? null : h.statusSetByPolicyAt,
      retryNotBefore: null,
    },
    lifted,
  };
}
