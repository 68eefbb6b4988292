import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { planIntervalSyncs, planVenueSyncs } from "./plan";
import { isConnectionActive, listScheduledConnections } from "./scheduled-connections";
import { runScheduledSync, type SyncFn } from "./scheduled-sync";
import { FIXTURE, T0, fakeSyncResult, seedScheduleFixture } from "./testing/fixture";

let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ({ ownerId } = await seedScheduleFixture(h.db));
});
afterAll(async () => h?.close());

describe("listScheduledConnections", () => {
  it("lists active connections of every provider with what the schedule needs; no paused or needs-attention ones", async () => {
    const rows = await listScheduledConnections(h.db);
    expect(rows.map((r) => r.id)).toEqual([FIXTURE.dueNow, FIXTURE.dueSoon, FIXTURE.notYet, FIXTURE.retryLater, FIXTURE.wallet, FIXTURE.groww, FIXTURE.growwRetryLater]);
    expect(rows[1]).toEqual({
      id: FIXTURE.dueSoon,
      ownerId,
      provider: "okx",
      syncIntervalSeconds: 60,
      lastSyncAt: new Date("2026-03-02T11:59:30Z"),
      retryNotBefore: null,
      createdAt: new Date("2026-03-01T12:00:01Z"),
    });
  });

  it("narrows to one provider", async () => {
    expect((await listScheduledConnections(h.db, { provider: "groww" })).map((r) => r.id)).toEqual([FIXTURE.groww, FIXTURE.growwRetryLater]);
  });
});

describe("planIntervalSyncs", () => {
  it("picks exactly the 2 interval connections due by the next minute tick, with their start times", async () => {
    const due = await planIntervalSyncs(h.db, T0);
    expect(due.map((d) => [d.id, d.provider, d.dueAt.toISOString()])).toEqual([
      [FIXTURE.dueNow, "binance", "2026-03-02T12:00:00.000Z"],
      [FIXTURE.dueSoon, "okx", "2026-03-02T12:00:34.000Z"],
    ]);
  });

  it("a minute later, the Retry-After has not passed yet but the next due ones appear", async () => {
    const due = await planIntervalSyncs(h.db, new Date(T0.getTime() + 80_000));
    expect(due.map((d) => d.id)).toEqual([FIXTURE.dueNow, FIXTURE.dueSoon, FIXTURE.notYet, FIXTURE.retryLater]);
  });
});

describe("planVenueSyncs", () => {
  it("takes every active connection of the venue, the rate-limited one at its Retry-After", async () => {
    const planned = await planVenueSyncs(h.db, "groww", T0);
    expect(planned.map((p) => [p.id, p.dueAt.toISOString()])).toEqual([
      [FIXTURE.groww, "2026-03-02T12:00:00.000Z"],
      [FIXTURE.growwRetryLater, "2026-03-02T12:01:30.000Z"],
    ]);
  });
});

describe("runScheduledSync", () => {
  const result = fakeSyncResult("5a0e9c1d-0000-4000-8000-00000000b001");
  it("syncs an active connection with the cron trigger", async () => {
    const sync = vi.fn<SyncFn>(async () => result);
    expect(await runScheduledSync(h.db, { workspaceId: ownerId, connectionId: FIXTURE.dueNow }, sync)).toBe(result);
    expect(sync).toHaveBeenCalledWith(h.db, { ownerId, connectionId: FIXTURE.dueNow, trigger: "cron" });
  });

  it("skips a connection paused or flagged since it was planned", async () => {
    const sync = vi.fn<SyncFn>();
    expect(await runScheduledSync(h.db, { workspaceId: ownerId, connectionId: FIXTURE.paused }, sync)).toEqual({ skipped: "not active" });
    expect(await runScheduledSync(h.db, { workspaceId: ownerId, connectionId: FIXTURE.needsAttention }, sync)).toEqual({ skipped: "not active" });
    expect(sync).not.toHaveBeenCalled();
    expect(await isConnectionActive(h.db, "00000000-0000-4000-8000-000000000000")).toBe(false);
  });
});
