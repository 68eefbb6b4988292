import { describe, expect, it } from "vitest";
import { backoffDelayMs, parseRetryAfter } from "./retry";

const NOW = new Date("2026-11-20T10:00:00Z");

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120],
    ["0", 0],
    [" 7 ", 7],
    ["1.2", 2],
    ["Fri, 20 Nov 2026 10:00:30 GMT", 30],
    ["Fri, 20 Nov 2026 09:59:00 GMT", 0],
  ])("reads %j as %d seconds", (header, seconds) => {
    expect(parseRetryAfter(header, NOW)).toBe(seconds);
  });

  it.each([[null], [undefined], ["soon"], ["-5"]])("ignores %j", (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

describe("backoffDelayMs", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 400, maxDelayMs: 3000 };

  it("doubles per attempt with half of each step jittered", () => {
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(200);
    expect(backoffDelayMs(policy, 1, () => 1)).toBe(400);
    expect(backoffDelayMs(policy, 2, () => 0)).toBe(400);
    expect(backoffDelayMs(policy, 3, () => 0.5)).toBe(1200);
  });

  it("never exceeds the cap", () => {
    expect(backoffDelayMs(policy, 10, () => 1)).toBe(3000);
    expect(backoffDelayMs(policy, 10, () => 0)).toBe(1500);
  });
});
