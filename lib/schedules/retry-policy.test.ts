import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/db/queries/not-found";
import { SyncFailedError } from "@/lib/sync/sync-connection";
import { failurePolicy, inProcessRetryDelayMs } from "./retry-policy";

const failed = (kind: string, retryable: boolean, retryAfterSeconds?: number) =>
  new SyncFailedError("3f1c2b9e-8a41-4d2e-9c7b-5e0a1d2f3b4c", kind, retryable, `${kind} at the venue`, retryAfterSeconds);

describe("failurePolicy", () => {
  it("waits out a rate limit for the venue's Retry-After, or 60 s when it gave none", () => {
    expect(failurePolicy(failed("rate_limited", true, 30))).toEqual({ action: "retry-after", seconds: 30 });
    expect(failurePolicy(failed("rate_limited", true, 1.2))).toEqual({ action: "retry-after", seconds: 2 });
    expect(failurePolicy(failed("rate_limited", true))).toEqual({ action: "retry-after", seconds: 60 });
  });

  it("retries an unavailable venue, never auth, permission or bad data", () => {
    expect(failurePolicy(failed("unavailable", true))).toEqual({ action: "retry" });
    for (const kind of ["auth", "permission", "bad_response", "invalid_request", "internal"]) {
      expect([kind, failurePolicy(failed(kind, false))]).toEqual([kind, { action: "give-up" }]);
    }
  });

  it("gives up on a connection that does not exist; retries an error raised before the run was recorded", () => {
    expect(failurePolicy(new NotFoundError("connection"))).toEqual({ action: "give-up" });
    expect(failurePolicy(new Error("connection terminated unexpectedly"))).toEqual({ action: "retry" });
  });
});

describe("inProcessRetryDelayMs", () => {
  it("backs off 2, 4, 8, 16 s, then stops after 4 retries", () => {
    const e = failed("unavailable", true);
    expect([1, 2, 3, 4, 5].map((n) => inProcessRetryDelayMs(e, n))).toEqual([2_000, 4_000, 8_000, 16_000, null]);
  });

  it("sleeps a short Retry-After; leaves a long one to the schedule (the connection's retryNotBefore)", () => {
    expect(inProcessRetryDelayMs(failed("rate_limited", true, 30), 1)).toBe(30_000);
    expect(inProcessRetryDelayMs(failed("rate_limited", true), 1)).toBe(60_000);
    expect(inProcessRetryDelayMs(failed("rate_limited", true, 600), 1)).toBeNull();
  });

  it("does not retry what the policy gives up on", () => {
    expect(inProcessRetryDelayMs(failed("auth", false), 1)).toBeNull();
  });
});
