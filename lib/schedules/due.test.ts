import { describe, expect, it } from "vitest";
import { intervalSecondsOf } from "@/lib/connectors/sync-cadence";
import { calendarSyncs, dueConnections, isDue, nextDueAt, type ScheduledConnection } from "./due";

const A = "3f1c2b9e-8a41-4d2e-9c7b-5e0a1d2f3b4c"; // jitter 10 s at 300 s, 6 s at 60 s
const B = "9b2e4c1a-7d3f-4e8b-a6c5-1f0e2d3c4b5a"; // jitter 30 s at 300 s and at 600 s
const OWNER = "0b7c4a52-3c1d-4f5e-8a9b-0c1d2e3f4a5b";
const T0 = new Date("2026-03-02T12:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function conn(p: Partial<ScheduledConnection> & Pick<ScheduledConnection, "id">): ScheduledConnection {
  return {
    ownerId: OWNER,
    provider: "binance",
    syncIntervalSeconds: 300,
    lastSyncAt: T0,
    retryNotBefore: null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
    ...p,
  };
}

describe("intervalSecondsOf", () => {
  it("takes the connection's interval for crypto venues, clamped to 60–300 s", () => {
    expect(intervalSecondsOf({ provider: "binance", syncIntervalSeconds: 120 })).toBe(120);
    expect(intervalSecondsOf({ provider: "okx", syncIntervalSeconds: 15 })).toBe(60);
    expect(intervalSecondsOf({ provider: "demo", syncIntervalSeconds: 3600 })).toBe(300);
  });

  it("syncs OKX Web3 wallets every 600 s whatever the connection asks", () => {
    expect(intervalSecondsOf({ provider: "okx_web3", syncIntervalSeconds: 60 })).toBe(600);
    expect(intervalSecondsOf({ provider: "okx_web3", syncIntervalSeconds: 300 })).toBe(600);
  });

  it("has no interval for calendar venues or unknown providers", () => {
    for (const provider of ["groww", "onetoken", "ibkr", "kraken"]) expect(intervalSecondsOf({ provider, syncIntervalSeconds: 300 })).toBeNull();
  });
});

describe("nextDueAt / isDue", () => {
  it("is lastSyncAt + interval + the connection's jitter", () => {
    expect(nextDueAt(conn({ id: A }))).toEqual(at(310)); // 300 + 10
    expect(nextDueAt(conn({ id: B }))).toEqual(at(330)); // 300 + 30
    expect(nextDueAt(conn({ id: A, syncIntervalSeconds: 60 }))).toEqual(at(66));
    expect(nextDueAt(conn({ id: B, provider: "okx_web3" }))).toEqual(at(630));
  });

  it("is due exactly from that instant", () => {
    const c = conn({ id: A });
    expect(isDue(c, at(309))).toBe(false);
    expect(isDue(c, at(310))).toBe(true);
    expect(isDue(c, at(900))).toBe(true);
  });

  it("a connection never synced is due from its creation", () => {
    const c = conn({ id: A, lastSyncAt: null, createdAt: at(-5) });
    expect(nextDueAt(c)).toEqual(at(-5));
    expect(isDue(c, T0)).toBe(true);
  });

  it("a venue's Retry-After pushes the due time to when it allows", () => {
    expect(nextDueAt(conn({ id: A, retryNotBefore: at(420) }))).toEqual(at(420));
    // An earlier Retry-After than the interval changes nothing.
    expect(nextDueAt(conn({ id: A, retryNotBefore: at(30) }))).toEqual(at(310));
  });

  it("calendar venues are never due on the interval schedule", () => {
    const c = conn({ id: A, provider: "groww", lastSyncAt: null });
    expect(nextDueAt(c)).toBeNull();
    expect(isDue(c, at(86_400))).toBe(false);
  });
});

describe("dueConnections", () => {
  const rows = [
    conn({ id: A }), // due T0+310
    conn({ id: B }), // due T0+330
    conn({ id: "c5d6e7f8-0000-4000-8000-000000000003", provider: "ibkr", lastSyncAt: null }), // calendar
    conn({ id: "c5d6e7f8-0000-4000-8000-000000000004", provider: "okx_web3" }), // due T0+600+jitter
  ];

  it("returns only the connections due now, with their due time", () => {
    const due = dueConnections(rows, at(320));
    expect(due.map((d) => [d.id, d.dueAt.toISOString()])).toEqual([[A, "2026-03-02T12:05:10.000Z"]]);
  });

  it("with a window, also those due before the next tick, earliest first", () => {
    const due = dueConnections(rows, at(300), 60_000);
    expect(due.map((d) => [d.id, d.dueAt])).toEqual([
      [A, at(310)],
      [B, at(330)],
    ]);
  });

  it("with a one-minute tick, a 300 s interval stays 5 minutes (no slip to the next tick)", () => {
    // The run started by the 12:00 tick ended at 12:00:04; the 12:05 tick dispatches it for 12:05:14.
    const c = conn({ id: A, lastSyncAt: at(4) });
    expect(dueConnections([c], at(300))).toEqual([]);
    expect(dueConnections([c], at(300), 60_000).map((d) => d.dueAt)).toEqual([at(314)]);
  });
});

describe("calendarSyncs", () => {
  it("takes every row now, or at the venue's Retry-After when later", () => {
    const rows = [conn({ id: A, provider: "groww" }), conn({ id: B, provider: "groww", retryNotBefore: at(90) })];
    expect(calendarSyncs(rows, T0).map((d) => [d.id, d.dueAt])).toEqual([
      [A, T0],
      [B, at(90)],
    ]);
  });
});
