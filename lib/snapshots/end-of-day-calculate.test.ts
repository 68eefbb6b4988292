import { describe, expect, it } from "vitest";
import { calculateEndOfDay, endedUtcDays, groupConnectionsForEndOfDay, type EodConnectionInput, type EodSnapshotInput } from "./end-of-day-calculate";

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
const day20 = endedUtcDays(Date.parse("2026-11-21T00:05:00Z"), 1)[0]!;

describe("endedUtcDays", () => {
  it("at 2026-11-21 00:05 the day that just ended is 11-20, [00:00, 11-21 00:00)", () => {
    expect(day20).toEqual({ day: "2026-11-20", startMs: Date.parse("2026-11-20T00:00:00Z"), endMs: Date.parse("2026-11-21T00:00:00Z") });
  });

  it("three days back from 11-21 23:59 are 11-18, 11-19, 11-20 (today is not over)", () => {
    expect(endedUtcDays(Date.parse("2026-11-21T23:59:00Z"), 3).map((d) => d.day)).toEqual(["2026-11-18", "2026-11-19", "2026-11-20"]);
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
