import { describe, expect, it } from "vitest";
import { DEFAULT_INITIAL_HISTORY_DAYS } from "@/lib/connectors/ccxt/config";
import { initialHistoryDays, LOOKBACK_MS, planSyncWindow } from "./sync-window";

const NOW = new Date("2026-11-20T12:00:00Z");
const base = { now: NOW, trigger: "cron" as const, historyDays: 7, cursors: {}, lastSuccessAt: null };
const ALL = ["orders", "fills", "cash_flows"];

describe("planSyncWindow", () => {
  it("initial: no cursor and never synced reads 7 days back (2026-11-13T12:00Z)", () => {
    const start = new Date("2026-11-13T12:00:00Z");
    expect(planSyncWindow(base)).toEqual({ mode: "initial", since: { orders: start, fills: start, cash_flows: undefined }, cursorStreams: ALL });
  });

  it("incremental: each stream from its own cursor minus 1 h lookback", () => {
    const w = planSyncWindow({
      ...base,
      cursors: { orders: new Date("2026-11-20T11:55:00Z"), fills: new Date("2026-11-20T11:00:00Z") },
    });
    expect(LOOKBACK_MS).toBe(3_600_000);
    expect(w).toEqual({
      mode: "incremental",
      since: { orders: new Date("2026-11-20T10:55:00Z"), fills: new Date("2026-11-20T10:00:00Z"), cash_flows: undefined },
      cursorStreams: ALL,
    });
  });

  it("a stream that never completed (fills failed every time) re-reads the history window while orders go on from their cursor", () => {
    const w = planSyncWindow({ ...base, cursors: { orders: new Date("2026-11-20T11:55:00Z") }, lastSuccessAt: new Date("2026-11-20T11:55:00Z") });
    expect(w.since).toEqual({ orders: new Date("2026-11-20T10:55:00Z"), fills: new Date("2026-11-13T12:00:00Z"), cash_flows: undefined });
  });

  it("a connection synced before cursors existed starts from its last success minus the lookback", () => {
    const w = planSyncWindow({ ...base, lastSuccessAt: new Date("2026-11-20T09:30:00Z") });
    const anchor = new Date("2026-11-20T08:30:00Z");
    expect(w).toEqual({ mode: "incremental", since: { orders: anchor, fills: anchor, cash_flows: undefined }, cursorStreams: ALL });
  });

  it("backfill from a given date and repair of the 30-day window both ignore the cursors", () => {
    const cursors = { orders: NOW, fills: NOW, cash_flows: NOW };
    const from = new Date("2026-01-01T00:00:00Z");
    expect(planSyncWindow({ ...base, cursors, mode: "backfill", backfillFrom: from })).toEqual({
      mode: "backfill",
      since: { orders: from, fills: from, cash_flows: from },
      cursorStreams: ALL,
    });
    expect(planSyncWindow({ ...base, cursors, trigger: "backfill" }).mode).toBe("backfill");
    const start = new Date("2026-10-21T12:00:00Z");
    expect(planSyncWindow({ ...base, cursors, historyDays: 30, mode: "repair" })).toEqual({
      mode: "repair",
      since: { orders: start, fills: start, cash_flows: start },
      cursorStreams: ALL,
    });
  });

  it("cash flows: from their cursor as is (the connector adds its venue's lag), none without one; orders and fills keep their lookback", () => {
    const flowsAt = new Date("2026-11-20T11:30:00Z");
    const w = planSyncWindow({ ...base, cursors: { orders: NOW, fills: NOW, cash_flows: flowsAt }, lastSuccessAt: NOW });
    expect(w.since).toEqual({ orders: new Date(NOW.getTime() - LOOKBACK_MS), fills: new Date(NOW.getTime() - LOOKBACK_MS), cash_flows: flowsAt });
    // The first run after upgrading: orders and fills go on from their cursors, flows read the venue's whole history.
    const upgraded = planSyncWindow({ ...base, cursors: { orders: NOW, fills: NOW }, lastSuccessAt: NOW });
    expect(upgraded.since.cash_flows).toBeUndefined();
    expect(upgraded.cursorStreams).toEqual(ALL);
  });

  it("a flows cursor alone still counts as a cursor: orders and fills that never completed read the 7-day window, not from the last success", () => {
    const w = planSyncWindow({ ...base, cursors: { cash_flows: NOW }, lastSuccessAt: NOW });
    const start = new Date("2026-11-13T12:00:00Z");
    expect(w.since).toEqual({ orders: start, fills: start, cash_flows: NOW });
  });

  it("a backfill or repair of a connection whose flows were never read reads them from its window but leaves the flows cursor unset", () => {
    const cursors = { orders: NOW, fills: NOW };
    const from = new Date("2026-11-01T00:00:00Z");
    const backfill = planSyncWindow({ ...base, cursors, mode: "backfill", backfillFrom: from });
    expect(backfill.since.cash_flows).toEqual(from);
    expect(backfill.cursorStreams).toEqual(["orders", "fills"]);
    expect(planSyncWindow({ ...base, cursors, mode: "repair" }).cursorStreams).toEqual(["orders", "fills"]);
  });

  it("initialHistoryDays takes a whole number of days from 1 to 3650, else the default 7", () => {
    expect(initialHistoryDays({ initialHistoryDays: 90 })).toBe(90);
    for (const bad of [undefined, "90", 0, 2.5, 99_999]) expect(initialHistoryDays({ initialHistoryDays: bad })).toBe(DEFAULT_INITIAL_HISTORY_DAYS);
  });
});
