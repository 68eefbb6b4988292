import { describe, expect, it } from "vitest";
import { cashFlowWindow } from "./cash-flows";
import { flowDirection, isExternalFlow } from "./types";

const now = new Date("2026-11-20T10:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("cashFlowWindow", () => {
  it("starts the venue's lag before the cursor and ends now", () => {
    expect(cashFlowWindow({ since: new Date("2026-11-19T00:00:00Z") }, { now, lagMs: HOUR })).toEqual({
      start: Date.parse("2026-11-18T23:00:00Z"),
      end: now.getTime(),
    });
  });

  it("reaches back to the earliest pending flow, but not past what the venue keeps", () => {
    const since = new Date("2026-11-19T00:00:00Z");
    const pendingSince = new Date("2026-11-02T00:00:00Z");
    expect(cashFlowWindow({ since, pendingSince }, { now, lagMs: HOUR }).start).toBe(pendingSince.getTime());
    expect(cashFlowWindow({ since, pendingSince }, { now, lagMs: HOUR, earliestMs: Date.parse("2026-11-10T00:00:00Z") }).start).toBe(
      Date.parse("2026-11-10T00:00:00Z"),
    );
  });

  it("without a cursor reads the default history, and never starts after now", () => {
    expect(cashFlowWindow({}, { now, lagMs: HOUR }).start).toBe(now.getTime() - 90 * DAY);
    expect(cashFlowWindow({}, { now, lagMs: 0, defaultHistoryMs: DAY }).start).toBe(now.getTime() - DAY);
    expect(cashFlowWindow({ since: new Date(now.getTime() + DAY) }, { now, lagMs: 0 }).start).toBe(now.getTime());
  });
});

describe("isExternalFlow", () => {
  it("counts confirmed deposits, withdrawals, subscriptions and redemptions that are not internal", () => {
    for (const kind of ["deposit", "withdrawal", "subscription", "redemption"] as const) expect(isExternalFlow({ kind, status: "confirmed" })).toBe(true);
    expect(isExternalFlow({ kind: "deposit", status: "pending" })).toBe(false);
    expect(isExternalFlow({ kind: "withdrawal", status: "failed" })).toBe(false);
    expect(isExternalFlow({ kind: "income", status: "confirmed" })).toBe(false);
    expect(isExternalFlow({ kind: "fee", status: "confirmed" })).toBe(false);
    expect(isExternalFlow({ kind: "deposit", status: "confirmed", internal: { reason: "between two tracked wallets" } })).toBe(false);
  });

  it("money in is +1, money out −1", () => {
    expect(["deposit", "subscription", "income", "withdrawal", "redemption", "fee"].map((k) => flowDirection(k as never))).toEqual([1, 1, 1, -1, -1, -1]);
  });
});
