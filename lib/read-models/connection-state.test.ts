import { describe, expect, it } from "vitest";
import { connectionState, type StateInput } from "./connection-state";

const NOW = new Date("2026-11-20T10:00:00Z");
const base: StateInput = {
  status: "active",
  consecutiveFailures: 0,
  lastError: null,
  lastSuccessAt: new Date("2026-11-20T09:55:00Z"),
  failingSince: null,
  statusSetByPolicyAt: null,
  retryNotBefore: null,
  openRun: null,
};

describe("connectionState", () => {
  it.each([
    ["a run in progress", { openRun: { status: "running" } }, "syncing", "Reading the venue"],
    ["a queued run", { openRun: { status: "queued" } }, "syncing", "Waiting to start"],
    ["refused credentials", { status: "needs_attention", lastError: "binance: Invalid API-key" }, "needs_attention", "binance: Invalid API-key"],
    ["a person's pause", { status: "paused" }, "paused", "Paused by a person: background syncs are off"],
    ["the policy's pause", { status: "paused", statusSetByPolicyAt: NOW, consecutiveFailures: 5, lastError: "503" }, "paused", "Paused after 5 failed syncs: 503"],
    ["failures in a row", { consecutiveFailures: 2, lastError: "timeout" }, "failing", "2 failed syncs in a row: timeout"],
    ["a Retry-After", { consecutiveFailures: 1, lastError: "429", retryNotBefore: new Date("2026-11-20T10:05:00Z") }, "failing", "1 failed sync in a row: 429 (the venue asked us to wait before the next try)"],
    ["never synced", { lastSuccessAt: null }, "healthy", "Not synced yet"],
    ["a partial run", { lastError: "partial: fills: 503" }, "healthy", "partial: fills: 503"],
    ["all well", {}, "healthy", null],
  ] as const)("%s", (_what, change, state, reason) => {
    expect(connectionState({ ...base, ...change } as StateInput, NOW)).toEqual({ state, reason });
  });
});
