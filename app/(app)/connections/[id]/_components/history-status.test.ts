import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import type { HistoryView } from "@/lib/read-models/connection-detail";
import { HistoryStatus } from "./history-status";

const text = (history: HistoryView) =>
  renderToHtml(createElement(HistoryStatus, { history }), { search: "", client: new QueryClient() })
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

const run: NonNullable<HistoryView["run"]> = {
  outcome: "succeeded",
  ranAt: "2026-11-20T12:00:00.000Z",
  succeededAt: "2026-11-20T12:00:00.000Z",
  days: 26,
  firstDay: "2026-10-25",
  lastDay: "2026-11-19",
  gapDays: 0,
  gapsFilled: 0,
  error: null,
};
const residual: HistoryView["residuals"][number] = { day: "2026-10-25", at: "start", kind: "opening", asset: "USDC", quantity: "200", valueBase: "200", baseCurrency: "USD" };

describe("a connection's reconstruction status", () => {
  it("before any run: says when it will run", () => {
    expect(text({ run: null, residuals: [], residualCount: 0 })).toContain("Not reconstructed yet");
  });

  it("a run with no residual: 26 days, 25 Oct 2026 to 19 Nov 2026, and says every change is explained", () => {
    const t = text({ run, residuals: [], residualCount: 0 });
    expect(t).toContain("26 day(s) reconstructed before the first measured snapshot, 25 Oct 2026 to 19 Nov 2026 , by the run of 20 Nov 2026, 12:00");
    expect(t).toContain("No residual: every change of holdings is explained");
  });

  it("days filling gaps between measured snapshots are counted apart: 7 day(s) filling 1 gap(s)", () => {
    expect(text({ run: { ...run, gapDays: 7, gapsFilled: 1 }, residuals: [], residualCount: 0 })).toContain(
      "19 Nov 2026 , and 7 day(s) filling 1 gap(s) between measured snapshots , by the run of",
    );
  });

  it("residuals: the count, each in words with a signed quantity and value; 1 of 3 listed says so", () => {
    const vanished = { ...residual, day: "2026-11-02", at: "end" as const, kind: "negative-balance" as const, asset: "BTC", quantity: "-0.5", valueBase: null };
    const t = text({ run, residuals: [residual, vanished], residualCount: 3 });
    expect(t).toContain("Residuals 3");
    expect(t).toContain("The first 2 by day are listed.");
    expect(t).toContain("25 Oct 2026 ( start of day ) USDC held before the history + 200 +$200.00");
    expect(t).toContain("2 Nov 2026 ( end of day ) BTC left unseen − 0.5 unpriced");
  });

  it("a failed run: the failure in an alert, with what is still shown", () => {
    const html = renderToHtml(createElement(HistoryStatus, { history: { run: { ...run, outcome: "failed", ranAt: "2026-11-21T00:40:00.000Z", error: "candle source unreachable" }, residuals: [], residualCount: 0 } }), {
      search: "",
      client: new QueryClient(),
    });
    expect(html.replace(/<!-- -->/g, "")).toMatch(/role="alert"[^>]*>The last run, 21 Nov 2026, 00:40, failed: candle source unreachable\./);
    expect(html).toContain("What is shown is from the run of");
  });
});
