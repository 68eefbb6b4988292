import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { MAINTENANCE_TASKS } from "./definitions";
import { maintenanceTasks } from "./maintenance-tasks";

let h: DbHandle;

beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.close());

describe("maintenanceTasks (the real lib calls behind the maintenance schedules)", () => {
  it("has one task per maintenance schedule", () => {
    expect(Object.keys(maintenanceTasks).sort()).toEqual([...MAINTENANCE_TASKS].sort());
  });

  it("on a database with nothing to do, each reports zero in its own terms", async () => {
    const now = new Date("2026-03-02T12:00:00Z");
    const results: Record<string, unknown> = {};
    for (const t of MAINTENANCE_TASKS) results[t] = await maintenanceTasks[t](h.db, { now });
    expect(results).toEqual({
      "reap-stale-syncs": 0,
      reconcile: { connections: 0, rows: 0, riskAlertsRaised: 0, riskAlertsResolved: 0 },
      "end-of-day-snapshots": 0,
      "snapshot-gaps": { gaps: 0, backfilled: 0 },
      "ibkr-keepalive": { gateways: 0, authenticated: 0, failed: 0 },
      "audit-rewalk": { workspaces: 0, accounts: 0, events: 0, broken: 0 },
      retention: { connections: 0, detailDocumentsDeleted: 0, rawResponsesDeleted: 0 },
      "history-nightly": { workspaces: 0, connections: 0, reconstructed: 0, nothingToDo: 0, failed: 0 },
    });
  });
});
