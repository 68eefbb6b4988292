import { NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { NotFoundError } from "@/db/queries/not-found";
import { SyncFailedError } from "@/lib/sync/sync-connection";
import { toInngestError } from "./sync-errors";

const failed = (kind: string, retryable: boolean, retryAfterSeconds?: number) =>
  new SyncFailedError("5a0e9c1d-0000-4000-8000-00000000b001", kind, retryable, `okx: ${kind}`, retryAfterSeconds);

describe("toInngestError", () => {
  it("rate_limited → RetryAfterError after the venue's Retry-After (Inngest stores it in seconds)", () => {
    const e = toInngestError(failed("rate_limited", true, 30));
    expect(e).toBeInstanceOf(RetryAfterError);
    expect(e).toMatchObject({ message: "okx: rate_limited", retryAfter: "30" });
  });

  it("rate_limited without a Retry-After waits 60 s", () => {
    expect(toInngestError(failed("rate_limited", true))).toMatchObject({ name: "RetryAfterError", retryAfter: "60" });
  });

  it("auth, permission, bad data and unknown connections are never retried", () => {
    for (const e of [failed("auth", false), failed("permission", false), failed("bad_response", false), new NotFoundError("connection")]) {
      const mapped = toInngestError(e);
      expect(mapped).toBeInstanceOf(NonRetriableError);
      expect(mapped).toMatchObject({ message: e.message, cause: e });
    }
  });

  it("a transient failure is passed on as it is, for Inngest's backoff", () => {
    const e = failed("unavailable", true);
    expect(toInngestError(e)).toBe(e);
  });
});
