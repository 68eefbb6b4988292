import { NonRetriableError, RetryAfterError } from "inngest";
import { failurePolicy } from "@/lib/schedules/retry-policy";

/**
 * The shared failure policy in Inngest's terms: a rate limit is retried no sooner than
 * the venue's Retry-After, auth/permission/bad data are not retried at all (the
 * connection is already flagged for a human), anything transient goes back to
 * Inngest's own backoff.
 */
export function toInngestError(e: unknown): unknown {
  const policy = failurePolicy(e);
  const message = e instanceof Error ? e.message : String(e);
  switch (policy.action) {
    case "retry-after":
      return new RetryAfterError(message, `${policy.seconds}s`, { cause: e });
    case "give-up":
      return new NonRetriableError(message, { cause: e });
    case "retry":
      return e;
  }
}
