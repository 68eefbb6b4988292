import { describe, expect, it } from "vitest";
import { calculateEndOfDay, endedLocalDays, groupConnectionsForEndOfDay, type EodConnectionInput, type EodSnapshotInput } from "./end-of-day-calculate";

const HALF_HOUR = 30 * 60_000;
const conn = (id: string, portfolioIds: string[] = [], createdAt = "2026-01-01T00:00:00Z"): EodConnectionInput => ({
  id,
  ownerId: "owner",
  createdAt: new Date(createdAt),
  portfolioIds,
  staleAfterMs: HALF_HOUR,
});
const snap = (connectionId: string, capturedAt: string, equity: string, parts: Partial<EodSnapshotInput> = {}): EodSnapshotInput => ({
  id: `s-${connectionId}`,
  connectionId,
  capturedAt: new Date(capturedAt),
  baseCurrency: "USD",
  equity,
  spotValue: equity,
  fundingValue: "0",
  futuresWalletBalance: "0",
  unrealizedPnl: "0",
  marginDebt: "0",
  ...parts,
});
const day20 = endedLocalDays(Date.parse("2026-11-21T00:05:00Z"), 1, "UTC")[0]!;

const span = (d: { day: string; startMs: number; endMs: number }) => [d.day, new Date(d.startMs).toISOString(), new Date(d.endMs).toISOString()];

describe("endedLocalDays", () => {
  it("UTC: at 2026-11-21 00:05 the day that just ended is 11-20, [00:00, 11-21 00:00)", () => {
    expect(day20).toEqual({ day: "2026-11-20", startMs: Date.parse("2026-11-20T00:00:00Z"), endMs: Date.parse("2026-11-21T00:00:00Z") });
  });

  it("three days back from 11-21 23:59 UTC are 11-18, 11-19, 11-20 (today is not over)", () => {
    expect(endedLocalDays(Date.parse("2026-11-21T23:59:00Z"), 3, "UTC").map((d) => d.day)).toEqual(["2026-11-18", "2026-11-19", "2026-11-20"]);
  });

  it("Europe/London: the 29 March 2026 close covers 23 hours, 26 October's 25", () => {
    expect(endedLocalDays(Date.parse("2026-03-30T00:05:00Z"), 2, "Europe/London").map(span)).toEqual([
      ["2026-03-28", "2026-03-28T00:00:00.000Z", "2026-03-29T00:00:00.000Z"],
      ["2026-03-29", "2026-03-29T00:00:00.000Z", "2026-03-29T23:00:00.000Z"],
    ]);
    expect(endedLocalDays(Date.parse("2026-10-26T00:05:00Z"), 1, "Europe/London").map(span)).toEqual([
      ["2026-10-25", "2026-10-24T23:00:00.000Z", "2026-10-26T00:00:00.000Z"],
    ]);
  });

  it("Asia/Kolkata (+05:30) at 18:35Z: its 20 November has just ended; Asia/Kathmandu (+05:45) at 18:20Z likewise", () => {
    expect(endedLocalDays(Date.parse("2026-11-20T18:35:00Z"), 1, "Asia/Kolkata").map(span)).toEqual([
      ["2026-11-20", "2026-11-19T18:30:00.000Z", "2026-11-20T18:30:00.000Z"],
    ]);
    expect(endedLocalDays(Date.parse("2026-11-20T18:20:00Z"), 1, "Asia/Kathmandu").map(span)).toEqual([
      ["2026-11-20", "2026-11-19T18:15:00.000Z", "2026-11-20T18:15:00.000Z"],
    ]);
    // Five minutes earlier Kathmandu's 20th is still going on.
    expect(endedLocalDays(Date.parse("2026-11-20T18:10:00Z"), 1, "Asia/Kathmandu")[0]!.day).toBe("2026-11-19");
  });
});

describe("groupConnectionsForEndOfDay", () => {
  it("A in fund P, B in no portfolio, C across P and Q → P: [A]; owner-level: [B, C]", () => {
    const groups = groupConnectionsForEndOfDay([conn("A", ["P"]), conn("B"), conn("C", ["P", "Q"])]);
    expect(groups.map((g) => [g.portfolioId, g.members.map((m) => m.id)])).toEqual([
      ["P", ["A"]],
      [null, ["B", "C"]],
    ]);
  });
});

describe("calculateEndOfDay", () => {
  it("A 1000 at 23:50 (fresh) + B 250.5 at 22:00 (stale, > 30 min) = 1250.5, C missing", () => {
    const group = { ownerId: "owner", portfolioId: null, members: [conn("A"), conn("B"), conn("C")] };
    const latest = new Map([
      ["A", snap("A", "2026-11-20T23:50:00Z", "1000")],
      ["B", snap("B", "2026-11-20T22:00:00Z", "250.5")],
    ]);
    const eod = calculateEndOfDay(group, day20, latest)!;
    expect(eod).toMatchObject({ day: "2026-11-20", asOf: new Date("2026-11-21T00:00:00Z"), equity: "1250.5", staleConnectionIds: ["B"], missingConnectionIds: ["C"] });
    expect(eod.connections.map((c) => [c.connectionId, c.status, c.equity])).toEqual([
      ["A", "fresh", "1000"],
      ["B", "stale", "250.5"],
      ["C", "missing", null],
    ]);
  });

  it("components add exactly: spot 0.1 + 0.2, futures wallet 30000 and −120.35 unrealized, −5 margin debt", () => {
    const group = { ownerId: "owner", portfolioId: "P", members: [conn("A", ["P"]), conn("B", ["P"])] };
    const latest = new Map([
      ["A", snap("A", "2026-11-20T23:59:00Z", "0.1")],
      ["B", snap("B", "2026-11-20T23:59:00Z", "29874.85", { spotValue: "0.2", futuresWalletBalance: "30000", unrealizedPnl: "-120.35", marginDebt: "-5" })],
    ]);
    expect(calculateEndOfDay(group, day20, latest)).toMatchObject({
      portfolioId: "P",
      equity: "29874.95",
      spotValue: "0.3",
      futuresWalletBalance: "30000",
      unrealizedPnl: "-120.35",
      marginDebt: "-5",
    });
  });

  it("a snapshot at 00:00 of the next day belongs to the next day: A is missing, so no close", () => {
    const group = { ownerId: "owner", portfolioId: null, members: [conn("A")] };
    expect(calculateEndOfDay(group, day20, new Map([["A", snap("A", "2026-11-21T00:00:00Z", "1")]]))).toBeNull();
  });

  it("a connection created on 11-21 is not part of 11-20's close", () => {
    const group = { ownerId: "owner", portfolioId: null, members: [conn("A"), conn("N", [], "2026-11-21T08:00:00Z")] };
    const eod = calculateEndOfDay(group, day20, new Map([["A", snap("A", "2026-11-20T23:55:00Z", "10")]]))!;
    expect(eod.connections.map((c) => c.connectionId)).toEqual(["A"]);
    expect(eod.missingConnectionIds).toEqual([]);
  });
});
