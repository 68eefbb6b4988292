import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "@/lib/connectors/types";
import { cadenceOf } from "@/lib/connectors/sync-cadence";
import { startOfLocalDay } from "@/lib/time/zoned";
import { MAINTENANCE_TASKS, SCHEDULES, inngestCron, type ScheduleDefinition } from "./definitions";

const byId = (id: string): ScheduleDefinition => {
  const def = SCHEDULES.find((s) => s.id === id);
  if (!def) throw new Error(`no schedule ${id}`);
  return def;
};
/** The next runs after `from`, read the way the in-process scheduler reads the table. */
function nextRuns(id: string, from: string, n: number): string[] {
  const def = byId(id);
  const job = new Cron(def.cron, { timezone: def.timeZone, paused: true });
  try {
    return job.nextRuns(n, new Date(from)).map((d) => d.toISOString());
  } finally {
    job.stop();
  }
}

describe("the schedule table", () => {
  it("has one Inngest cron per schedule, zone included", () => {
    expect(Object.fromEntries(SCHEDULES.map((s) => [s.id, inngestCron(s)]))).toEqual({
      "interval-syncs": "TZ=UTC * * * * *",
      "groww-after-close": "TZ=Asia/Kolkata 0 16 * * 1-5",
      "onetoken-nav": "TZ=UTC 10 * * * *",
      "ibkr-flex": "TZ=America/New_York 30 6 * * *",
      reconcile: "TZ=UTC 0 * * * *",
      "end-of-day-snapshots": "TZ=UTC 5,20,35,50 * * * *",
      "reap-stale-syncs": "TZ=UTC */5 * * * *",
      "snapshot-gaps": "TZ=UTC 30 * * * *",
      "ibkr-keepalive": "TZ=UTC * * * * *",
      "audit-rewalk": "TZ=UTC 30 3 * * *",
      retention: "TZ=UTC 45 4 * * *",
      "history-nightly": "TZ=UTC 40 0 * * *",
    });
  });

  it("gives every calendar venue exactly one schedule, and interval venues none", () => {
    for (const provider of PROVIDERS) {
      const own = SCHEDULES.filter((s) => s.job.kind === "venue-syncs" && s.job.provider === provider);
      expect([provider, own.length]).toEqual([provider, cadenceOf(provider).kind === "calendar" ? 1 : 0]);
    }
  });

  it("runs every maintenance task exactly once", () => {
    const tasks = SCHEDULES.flatMap((s) => (s.job.kind === "maintenance" ? [s.job.task] : []));
    expect([...tasks].sort()).toEqual([...MAINTENANCE_TASKS].sort());
  });
});

describe("when schedules fire", () => {
  it("Groww: 16:00 in Kolkata (10:30 UTC), Monday to Friday only", () => {
    // Friday 2 Jan 2026, 16:30 IST: the next runs are Monday and Tuesday.
    expect(nextRuns("groww-after-close", "2026-01-02T11:00:00Z", 2)).toEqual(["2026-01-05T10:30:00.000Z", "2026-01-06T10:30:00.000Z"]);
  });

  it("IBKR Flex: 06:30 New York time, which moves in UTC with US daylight saving", () => {
    expect(nextRuns("ibkr-flex", "2026-03-06T12:00:00Z", 3)).toEqual([
      "2026-03-07T11:30:00.000Z", // EST (UTC-5)
      "2026-03-08T10:30:00.000Z", // DST began at 02:00 that Sunday: EDT (UTC-4)
      "2026-03-09T10:30:00.000Z",
    ]);
  });

  it("1Token NAV at ten past each hour; reconciliation on the hour; gaps at half past", () => {
    expect(nextRuns("onetoken-nav", "2026-03-02T12:00:00Z", 2)).toEqual(["2026-03-02T12:10:00.000Z", "2026-03-02T13:10:00.000Z"]);
    expect(nextRuns("reconcile", "2026-03-02T12:00:00Z", 1)).toEqual(["2026-03-02T13:00:00.000Z"]);
    expect(nextRuns("snapshot-gaps", "2026-03-02T12:00:00Z", 1)).toEqual(["2026-03-02T12:30:00.000Z"]);
  });

  it("end-of-day snapshots five minutes after each workspace's local midnight, in any zone, DST days included", () => {
    const midnights = [
      ["UTC", "2026-03-03T00:00:00Z"],
      ["Europe/London", "2026-03-29T00:00:00Z"], // GMT
      ["Europe/London", "2026-03-29T23:00:00Z"], // BST, after the 23-hour day
      ["Asia/Kolkata", "2026-11-20T18:30:00Z"],
      ["Asia/Kathmandu", "2026-11-20T18:15:00Z"],
      ["America/St_Johns", "2026-11-21T03:30:00Z"],
    ];
    for (const [zone, midnight] of midnights) {
      expect(startOfLocalDay(zone!, Date.parse(midnight!))).toBe(Date.parse(midnight!));
      expect([zone, nextRuns("end-of-day-snapshots", midnight!, 1)[0]]).toEqual([zone, new Date(Date.parse(midnight!) + 5 * 60_000).toISOString()]);
    }
  });

  it("the reaper every 5 minutes; interval syncs every minute", () => {
    expect(nextRuns("reap-stale-syncs", "2026-03-02T12:01:00Z", 2)).toEqual(["2026-03-02T12:05:00.000Z", "2026-03-02T12:10:00.000Z"]);
    expect(nextRuns("interval-syncs", "2026-03-02T12:00:30Z", 2)).toEqual(["2026-03-02T12:01:00.000Z", "2026-03-02T12:02:00.000Z"]);
  });
});
