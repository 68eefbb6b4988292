/**
 * When to try a request again. Only `rate_limited` and `unavailable` failures are retried;
 * the venue's `Retry-After` wins over our own backoff, and a wait longer than the cap is
 * not slept through: the error goes up with its retry-after so the scheduler can wait.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff step; doubles per attempt. */
  baseDelayMs: number;
  /** No single wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 10_000 };

/**
 * `Retry-After` as seconds: either delta-seconds ("120") or an HTTP date, relative to
 * `now`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number.parseInt(v, 10);
  if (/^\d+\.\d+$/.test(v)) return Math.ceil(Number.parseFloat(v));
  // An HTTP date names its weekday and month; anything else ("-5") is not one.
  if (!/[A-Za-z]{3}/.test(v)) return undefined;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half random, so
 * retries from many connections spread out but none retries immediately.
 * `attempt` is the attempt that just failed, from 1.
 */
export function backoffDelayMs(policy: RetryPolicy, attempt: number, random: () => number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
