import { describe, expect, it, vi } from "vitest";
import { logSyncFailure } from "./on-sync-failure";

const failureEvent = (data: Record<string, unknown>) => ({
  name: "inngest/function.failed" as const,
  data: {
    function_id: "venuefolio-sync-connection",
    run_id: "01J0000000000000000000000",
    error: { name: "NonRetriableError", message: "binance: API key rejected" },
    event: { name: "venuefolio/connection.sync.requested", data },
  },
});

describe("logSyncFailure (onFailure of sync-connection)", () => {
  it("logs the venue, connection, trigger and final error once, and writes nothing", async () => {
    const logger = { error: vi.fn() };
    const line = await logSyncFailure({
      event: failureEvent({ workspaceId: "0b7c4a52-3c1d-4f5e-8a9b-0c1d2e3f4a5b", connectionId: "3f1c2b9e-8a41-4d2e-9c7b-5e0a1d2f3b4c", provider: "binance", trigger: "cron" }),
      error: new Error("binance: API key rejected"),
      logger,
    });
    expect(line).toBe("sync of binance connection 3f1c2b9e-8a41-4d2e-9c7b-5e0a1d2f3b4c (cron) failed for good: binance: API key rejected");
    expect(logger.error).toHaveBeenCalledExactlyOnceWith(line);
  });

  it("still logs when the original event cannot be read", async () => {
    const logger = { error: vi.fn() };
    const line = await logSyncFailure({ event: failureEvent({ connectionId: 42 }), error: new Error("boom"), logger });
    expect(line).toBe("sync of a connection (unreadable event) failed for good: boom");
  });
});
