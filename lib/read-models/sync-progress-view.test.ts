import { describe, expect, it } from "vitest";
import type { SyncProgressView } from "./sync-progress-view";
import { progressSummary, syncProgressSchema } from "./sync-progress-view";

const stream = (name: SyncProgressView["streams"][number]["stream"], state: SyncProgressView["streams"][number]["state"], items: number | null = null) => ({
  stream: name,
  state,
  items,
  startedAt: state === "pending" ? null : "2026-11-20T10:00:01.000Z",
  finishedAt: state === "done" || state === "failed" ? "2026-11-20T10:00:02.000Z" : null,
});
const base = (over: Partial<SyncProgressView>): SyncProgressView =>
  syncProgressSchema.parse({
    stage: "reading",
    stageStartedAt: "2026-11-20T10:00:00.000Z",
    streams: [stream("accounts", "done", 3), stream("balances", "done", 9), stream("orders", "running"), stream("fills", "pending"), stream("quotes", "pending")],
    requests: 12,
    writing: null,
    updatedAt: "2026-11-20T10:00:03.000Z",
    ...over,
  });

describe("progressSummary", () => {
  it("a queued run, or a running one that has not recorded progress yet, waits at zero", () => {
    expect(progressSummary("queued", null)).toEqual({ fraction: 0, label: "Queued: waiting to start", since: null });
    expect(progressSummary("running", null).fraction).toBe(0);
  });

  it("reading: the stream in flight, its step of all steps (streams, pricing, writing), the request count, since when", () => {
    expect(progressSummary("running", base({}))).toEqual({
      fraction: 2.5 / 7,
      label: "Reading orders · step 3 of 7 · 12 requests",
      since: "2026-11-20T10:00:01.000Z",
    });
    expect(progressSummary("running", base({ requests: null })).label).toBe("Reading orders · step 3 of 7");
  });

  it("writing names what the one transaction writes, largest first, with thousands separators", () => {
    const done = base({}).streams.map((s) => ({ ...s, state: "done" as const }));
    const s = progressSummary("running", base({ stage: "writing", streams: done, writing: { balances: 9, positions: 0, orders: 10_000, fills: 9_812, nav: 0 } }));
    expect(s.label).toBe("Writing 10,000 orders, 9,812 fills, 9 balances · step 7 of 7");
    expect(s.fraction).toBeCloseTo(6.5 / 7);
    expect(s.since).toBe("2026-11-20T10:00:00.000Z");
  });

  it("cash flows: read as their own stream (\"Reading cash flows\") and named in the write (5 cash flows); a run recorded before them parses without", () => {
    const streams = [stream("accounts", "done", 3), stream("cash_flows", "running"), stream("quotes", "pending")];
    expect(progressSummary("running", base({ streams })).label).toBe("Reading cash flows · step 2 of 5 · 12 requests");
    const done = streams.map((x) => ({ ...x, state: "done" as const }));
    const writing = { balances: 9, positions: 0, orders: 0, fills: 0, nav: 0, cashFlows: 5 };
    expect(progressSummary("running", base({ stage: "writing", streams: done, writing })).label).toBe("Writing 9 balances, 5 cash flows · step 5 of 5");
    expect(base({ writing: { balances: 9, positions: 0, orders: 0, fills: 0, nav: 0 } }).writing).not.toHaveProperty("cashFlows");
  });

  it("a finished run is full; a failed one says where it failed", () => {
    expect(progressSummary("succeeded", base({ stage: "done" })).fraction).toBe(1);
    expect(progressSummary("failed", base({ stage: "failed", streams: [stream("accounts", "done", 3), stream("balances", "failed")] })).label).toBe("Failed reading balances");
    expect(progressSummary("failed", base({ stage: "failed", writing: { balances: 1, positions: 0, orders: 0, fills: 0, nav: 0 } })).label).toBe("Failed while writing");
    expect(progressSummary("succeeded", null)).toMatchObject({ fraction: 1 });
  });
});
