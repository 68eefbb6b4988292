import { describe, expect, it } from "vitest";
import { nextRunOf, scheduleOf } from "./next-run";

const conn = {
  id: "7f8a1d52-0000-4000-8000-000000000001",
  provider: "binance",
  status: "active" as const,
  syncIntervalSeconds: 120,
  lastSyncAt: new Date("2026-11-20T10:00:00Z"),
  retryNotBefore: null,
  createdAt: new Date("2026-11-01T00:00:00Z"),
};
const on = { now: new Date("2026-11-20T10:00:30Z"), schedulerOn: true };

describe("a connection's schedule and next run", () => {
  it("an interval venue: its interval within the venue's range, next run after it", () => {
    expect(scheduleOf(conn)).toEqual({ kind: "interval", seconds: 120, minSeconds: 60, maxSeconds: 300 });
    const next = nextRunOf(conn, on).at!;
    expect(next.getTime()).toBeGreaterThanOrEqual(new Date("2026-11-20T10:02:00Z").getTime());
    expect(next.getTime()).toBeLessThan(new Date("2026-11-20T10:04:00Z").getTime());
    expect(scheduleOf({ ...conn, syncIntervalSeconds: 5 })).toMatchObject({ seconds: 60 });
  });

  it("Groww: 16:00 Asia/Kolkata on weekdays, so Friday evening's next run is Monday 16:00 IST", () => {
    const groww = { ...conn, provider: "groww" };
    expect(scheduleOf(groww)).toMatchObject({ kind: "calendar", description: "Mondays to Fridays at 16:00 Asia/Kolkata, after the NSE/BSE close" });
    const friday = new Date("2026-11-20T12:00:00Z"); // Friday 17:30 IST
    expect(nextRunOf(groww, { now: friday, schedulerOn: true }).at).toEqual(new Date("2026-11-23T10:30:00Z"));
  });

  it("nothing comes while paused, flagged, or with the scheduler off; a Retry-After pushes a calendar run back", () => {
    expect(nextRunOf({ ...conn, status: "paused" }, on)).toEqual({ at: null, why: "Paused: runs only when someone presses Resync" });
    expect(nextRunOf({ ...conn, status: "needs_attention" }, on).why).toBe("Stopped until its credentials or permissions are fixed");
    expect(nextRunOf(conn, { ...on, schedulerOn: false }).why).toBe("Background syncs are off on this server (SCHEDULER=off)");
    expect(nextRunOf({ ...conn, status: "paused" }, { ...on, schedulerOn: false }).why).toMatch(/^Paused/);
    const ibkr = { ...conn, provider: "ibkr", retryNotBefore: new Date("2026-11-21T12:00:00Z") };
    expect(nextRunOf(ibkr, on).at).toEqual(new Date("2026-11-21T12:00:00Z"));
  });
});
