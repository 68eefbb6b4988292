import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import type { ConnectionDetail } from "@/lib/read-models/connection-detail";
import { ConnectionHeader } from "./connection-header";
import { GrowwTokenCard } from "./groww-token-card";
import { ScheduleCard } from "./schedule-card";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: () => {}, refresh: () => {} }) }));
// The actions are server functions; a render never calls them.
vi.mock("@/lib/actions/resync", () => ({ resync: () => {} }));
vi.mock("@/lib/actions/connection-schedule", () => ({ pauseConnection: () => {}, resumeConnection: () => {}, setSyncInterval: () => {} }));
vi.mock("@/lib/actions/connection-credentials", () => ({ rotateConnectionCredentials: () => {}, refreshGrowwToken: () => {} }));
vi.mock("@/lib/actions/connection-delete", () => ({ deleteConnection: () => {} }));

/**
 * What each role sees on a connection's page: a viewer reads everything and can change
 * nothing (no Resync, Pause, Rotate, Delete, schedule or token controls); a member may
 * Resync; admins get the rest. The server refuses the same roles (entry-points test).
 */
const detail: ConnectionDetail = {
  id: "3f1c7a52-0000-4000-8000-000000000001",
  provider: "groww",
  providerName: "Groww",
  label: "Groww family",
  isDemo: false,
  state: "healthy",
  reason: null,
  status: "active",
  retryNotBefore: null,
  lastSuccessAt: "2026-11-20T10:30:00.000Z",
  lastSyncAt: "2026-11-20T10:30:00.000Z",
  staleAfter: "2026-11-20T10:40:00.000Z",
  createdAt: "2026-11-01T00:00:00.000Z",
  credentialsSavedAt: "2026-11-19T04:00:00.000Z",
  settings: [],
  schedule: { kind: "interval", seconds: 300, minSeconds: 60, maxSeconds: 300, text: "Every 5 min" },
  nextRunAt: "2026-11-20T10:35:00.000Z",
  nextRunNote: null,
  openBatchId: null,
  apiCalls24h: 12,
  accounts: [],
  snapshots: [],
  recentRuns: [],
  groww: { mode: "access_token", renewable: false, expiresAt: "2026-11-21T00:30:00.000Z" },
  notRead: null,
  history: null,
};

const render = (can: { resync: boolean; admin: boolean }) => {
  const html = [
    renderToHtml(createElement(ConnectionHeader, { detail, can }), { search: "", client: new QueryClient() }),
    renderToHtml(createElement(ScheduleCard, { detail, canEdit: can.admin }), { search: "", client: new QueryClient() }),
    renderToHtml(createElement(GrowwTokenCard, { detail, canRefresh: can.admin }), { search: "", client: new QueryClient() }),
  ].join("");
  const buttons = [...html.matchAll(/<button[^>]*>([\s\S]*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, "").trim());
  return { html, buttons };
};

describe("a connection's controls, by role", () => {
  it("a viewer sees the state, the schedule and the token, and no control that changes anything", () => {
    const { html, buttons } = render({ resync: false, admin: false });
    expect(buttons).toEqual([]);
    expect(html).not.toMatch(/<(input|select|form)\b/);
    expect(html).toContain("Every 5 min");
    expect(html).toContain("Pasted access token");
  });

  it("a member may Resync, nothing else", () => {
    expect(render({ resync: true, admin: false }).buttons).toEqual(["Resync"]);
  });

  it("an admin gets Resync, Pause, Rotate credentials, Delete, the interval and the token refresh (a password input)", () => {
    const { html, buttons } = render({ resync: true, admin: true });
    expect(buttons).toEqual(["Resync", "Pause", "Rotate credentials", "Delete", "Save", "Refresh token"]);
    expect(html).toMatch(/<select id="sync-interval"/);
    expect(html).toMatch(/<input id="groww-token" type="password" autoComplete="off"/);
  });
});
