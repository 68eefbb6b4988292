import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import { syncTableConfig } from "@/components/syncs/sync-table-config";
import type { KeysetPage } from "@/lib/read-models/keyset-page";
import { syncKeys } from "@/lib/read-models/query-options";
import type { SyncRunView } from "@/lib/read-models/sync-history-schemas";
import { SyncHistory } from "./sync-history";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {} }) }));

const connA = "0e2c4a6e-1111-4a4a-8a8a-000000000001";
const connections = [{ id: connA, label: "Binance main" }];
const base = {
  connectionId: connA,
  connectionLabel: "Binance main",
  provider: "binance",
  mode: "incremental" as const,
  apiWeight: null,
  observedAt: "2026-11-20T10:00:05.000Z",
  failedStreams: [],
  counts: null,
  apiCalls: null,
  finishedAt: null,
  durationMs: null,
  errorKind: null,
  error: null,
  progress: null,
};
const running: SyncRunView = {
  ...base,
  id: "0e2c4a6e-2222-4a4a-8a8a-000000000001",
  trigger: "manual",
  status: "running",
  startedAt: "2026-11-20T10:00:00.000Z",
  progress: {
    stage: "reading",
    stageStartedAt: "2026-11-20T10:00:00.000Z",
    streams: [
      { stream: "accounts", state: "done", items: 3, startedAt: "2026-11-20T10:00:00.000Z", finishedAt: "2026-11-20T10:00:01.000Z" },
      { stream: "balances", state: "done", items: 9, startedAt: "2026-11-20T10:00:01.000Z", finishedAt: "2026-11-20T10:00:02.000Z" },
      { stream: "orders", state: "running", items: null, startedAt: "2026-11-20T10:00:02.000Z", finishedAt: null },
      { stream: "fills", state: "pending", items: null, startedAt: null, finishedAt: null },
      { stream: "quotes", state: "pending", items: null, startedAt: null, finishedAt: null },
    ],
    requests: 4,
    writing: null,
    updatedAt: "2026-11-20T10:00:04.000Z",
  },
};
const failed: SyncRunView = {
  ...base,
  id: "0e2c4a6e-2222-4a4a-8a8a-000000000002",
  trigger: "cron",
  status: "failed",
  startedAt: "2026-11-20T09:55:00.000Z",
  finishedAt: "2026-11-20T09:55:01.000Z",
  durationMs: 1_200,
  apiCalls: 2,
  apiWeight: { "1m": 40 },
  errorKind: "auth",
  error: "binance GET /api/v3/account: 401 invalid key",
};

function render(canRetry: boolean): string {
  const client = new QueryClient();
  const request = parseTableState("", syncTableConfig(connections));
  const page: KeysetPage<SyncRunView> = { rows: [running, failed], nextCursor: null, prevCursor: null };
  client.setQueryData(syncKeys.history(request), page);
  return renderToHtml(createElement(SyncHistory, { connections, canRetry }), { search: "", client });
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the /syncs table", () => {
  it("shows a running run's progress bar and step, a failed run's error and cost, each linked to its run and connection", () => {
    const html = render(false);
    expect(html).toMatch(/role="progressbar"[^>]*aria-valuenow="36"/);
    expect(text(html)).toContain("Reading orders · step 3 of 7 · 4 requests");
    expect(text(html)).toContain("auth : binance GET /api/v3/account: 401 invalid key");
    expect(text(html)).toContain("weight 1m: 40");
    expect(text(html)).toContain("1.2 s");
    expect(html).toContain(`href="/syncs/${failed.id}"`);
    expect(html).toContain(`href="/connections/${connA}"`);
    expect(html).toMatch(/<option value="0e2c4a6e-1111-4a4a-8a8a-000000000001">Binance main<\/option>/);
  });

  it("offers Retry on the failed run to members and above only", () => {
    expect(text(render(false))).not.toContain("Retry");
    const html = render(true);
    expect(html.match(/aria-label="Retry the sync of Binance main"/g)).toHaveLength(1);
  });
});
