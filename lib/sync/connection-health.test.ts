import { describe, expect, it } from "vitest";
import type { ConnectionHealth } from "@/db/queries/connections";
import { healthAfterFailure, healthAfterSuccess, MAX_CONSECUTIVE_FAILURES, MIN_FAILING_MS_BEFORE_PAUSE } from "./connection-health";

const healthy: ConnectionHealth = { status: "active", consecutiveFailures: 0, failingSince: null, statusSetByPolicyAt: null, retryNotBefore: null };
const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 10, min));

function failTimes(minutes: number[], kind = "unavailable"): { health: ConnectionHealth; became: (string | null)[] } {
  let health = healthy;
  const became: (string | null)[] = [];
  for (const m of minutes) {
    const change = healthAfterFailure(health, { kind, at: at(m) });
    health = change.health;
    became.push(change.became);
  }
  return { health, became };
}

describe("failure policy", () => {
  it("an auth error flags an active connection needs_attention at once, remembering the policy did it", () => {
    const change = healthAfterFailure(healthy, { kind: "auth", at: at(0) });
    expect(change).toEqual({
      became: "needs_attention",
      health: { status: "needs_attention", consecutiveFailures: 1, failingSince: at(0), statusSetByPolicyAt: at(0), retryNotBefore: null },
    });
    expect(healthAfterFailure(healthy, { kind: "permission", at: at(0) }).became).toBe("needs_attention");
  });

  it(`${MAX_CONSECUTIVE_FAILURES} transient failures 5 min apart (20 min ≥ 15 min failing) pause it at the 5th`, () => {
    const { health, became } = failTimes([0, 5, 10, 15, 20]);
    expect(became).toEqual([null, null, null, null, "paused"]);
    expect(health).toMatchObject({ status: "paused", consecutiveFailures: 5, failingSince: at(0), statusSetByPolicyAt: at(20) });
  });

  it("a burst of 5 retries within 4 min does not pause; the 6th failure 15 min after the first does", () => {
    expect(MIN_FAILING_MS_BEFORE_PAUSE).toBe(15 * 60_000);
    const burst = failTimes([0, 1, 2, 3, 4]);
    expect(burst.health.status).toBe("active");
    expect(healthAfterFailure(burst.health, { kind: "unavailable", at: at(15) }).became).toBe("paused");
  });

  it("a connection a person paused stays paused and is never re-flagged by a failure", () => {
    const paused: ConnectionHealth = { ...healthy, status: "paused" };
    expect(healthAfterFailure(paused, { kind: "auth", at: at(0) })).toMatchObject({ became: null, health: { status: "paused", statusSetByPolicyAt: null } });
  });

  it("a Retry-After of 120 s at 10:00 holds background syncs until 10:02; a shorter one later never shortens it", () => {
    const limited = healthAfterFailure(healthy, { kind: "rate_limited", at: at(0), retryAfterSeconds: 120 }).health;
    expect(limited.retryNotBefore).toEqual(at(2));
    expect(healthAfterFailure(limited, { kind: "rate_limited", at: at(0), retryAfterSeconds: 30 }).health.retryNotBefore).toEqual(at(2));
  });

  it("success resets the count and lifts a status the policy set, but not a person's pause", () => {
    const flagged = healthAfterFailure(healthy, { kind: "auth", at: at(0) }).health;
    expect(healthAfterSuccess(flagged)).toEqual({ lifted: true, health: healthy });
    const personPaused: ConnectionHealth = { ...healthy, status: "paused", consecutiveFailures: 3, failingSince: at(0) };
    expect(healthAfterSuccess(personPaused)).toEqual({ lifted: false, health: { ...healthy, status: "paused" } });
  });
});
