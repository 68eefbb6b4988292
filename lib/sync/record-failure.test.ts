import { afterEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { recordFailure } from "./record-failure";
import { SyncFailedError } from "./sync-types";

const alert = { ownerId: "w1", connectionId: "c1", label: "Binance main", batchId: "b1", at: new Date("2026-12-07T00:00:00Z"), webhook: undefined };

// The database the failure is recorded in is itself the thing that failed: one that never
// answers (postgres.js during a server restart) and one that refuses.
const silentDb = { transaction: () => new Promise(() => {}) } as unknown as Db;
const shuttingDownDb = { transaction: () => Promise.reject(new Error("the database system is shutting down")) } as unknown as Db;

describe("recordFailure when the database cannot record it", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives up after its deadline and still ends the run with the original reason", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const err = await recordFailure(silentDb, { error: new Error("write CONNECTION_CLOSED 127.0.0.1:5432"), alert, durationMs: 5, api: undefined, deadlineMs: 30 });
    expect(err).toBeInstanceOf(SyncFailedError);
    expect(err.batchId).toBe("b1");
    expect(err.kind).toBe("internal");
    expect(err.message).toBe("write CONNECTION_CLOSED 127.0.0.1:5432 (not recorded: the database did not answer within 30 ms)");
    expect(log).toHaveBeenCalledWith(expect.stringContaining("batch b1 failed (write CONNECTION_CLOSED 127.0.0.1:5432) and the failure could not be recorded"));
  });

  it("keeps the original reason when recording fails outright", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const err = await recordFailure(shuttingDownDb, { error: new Error("terminating connection due to administrator command"), alert, durationMs: 5, api: undefined });
    expect(err.message).toBe("terminating connection due to administrator command (not recorded: the database system is shutting down)");
    expect(err.retryable).toBe(false);
  });
});
