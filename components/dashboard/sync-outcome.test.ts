import { describe, expect, it } from "vitest";
import { syncOutcome } from "./sync-outcome";

describe("syncOutcome", () => {
  it("reports success with the number of connections synced", () => {
    expect(syncOutcome([{ status: "succeeded", error: null }])).toEqual({ tone: "success", text: "Synced 1 connection" });
    expect(syncOutcome([{ status: "succeeded", error: null }, { status: "succeeded", error: null }]).text).toBe("Synced 2 connections");
  });

  it("a failure wins over everything and names each error", () => {
    expect(
      syncOutcome([
        { status: "succeeded", error: null },
        { status: "failed", error: "OKX: invalid key" },
        { status: "stale", error: null },
      ]),
    ).toEqual({ tone: "error", text: "OKX: invalid key; sync stale" });
  });

  it("partial and unfinished runs warn", () => {
    expect(syncOutcome([{ status: "partial", error: "fills unavailable" }])).toEqual({ tone: "warning", text: "Synced, except fills unavailable" });
    expect(syncOutcome([{ status: "running", error: null }]).tone).toBe("warning");
  });

  it("no runs at all says why", () => {
    expect(syncOutcome([]).text).toMatch(/add a connection/);
  });
});
