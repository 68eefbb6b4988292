import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { alertTableConfig } from "@/components/alerts/alert-table-config";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import { parseTableState } from "@/components/data-table/url-state";
import type { AlertView } from "@/lib/read-models/alert-schemas";
import type { KeysetPage } from "@/lib/read-models/keyset-page";
import { alertKeys } from "@/lib/read-models/query-options";
import { AlertList } from "./alert-list";
import { MuteList } from "./mute-list";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {}, push: () => {} }) }));

const conn = "0e2c4a6e-1111-4a4a-8a8a-000000000001";
const connections = [{ id: conn, label: "Binance main" }];
const alert: AlertView = {
  id: "0e2c4a6e-3333-4a4a-8a8a-000000000001",
  kind: "needs_attention",
  severity: "critical",
  title: "Binance main needs attention",
  message: "binance: 401 invalid API key",
  subject: conn,
  connectionId: conn,
  connectionLabel: "Binance main",
  occurrences: 3,
  firstSeenAt: "2026-11-20T10:00:00.000Z",
  lastSeenAt: "2026-11-20T10:10:00.000Z",
  acknowledgedAt: null,
  resolvedAt: null,
  notifyStatus: "muted",
  mutedUntil: "2026-11-20T11:00:00.000Z",
};

function render(canAct: boolean): string {
  const client = new QueryClient();
  const page: KeysetPage<AlertView> = { rows: [alert], nextCursor: null, prevCursor: null };
  client.setQueryData(alertKeys.page(parseTableState("", alertTableConfig(connections))), page);
  return renderToHtml(createElement(AlertList, { connections, canAct }), { search: "", client });
}
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the /alerts list", () => {
  it("shows severity, the connection it is about, the count, and that it is muted and was not sent", () => {
    const t = text(render(false));
    expect(t).toContain("critical");
    expect(t).toContain("Binance main needs attention");
    expect(t).toContain("muted: not sent");
    expect(t).toContain("muted until");
    expect(render(false)).toContain(`href="/connections/${conn}"`);
    for (const filter of ["Kind", "Severity", "Connection", "Acknowledged", "State"]) expect(t).toContain(filter);
  });

  it("a viewer gets no actions; a member gets Acknowledge and Mute on each row", () => {
    expect(render(false)).not.toMatch(/aria-label="(Acknowledge|Mute) /);
    const html = render(true);
    expect(html).toContain('aria-label="Acknowledge Binance main needs attention"');
    expect(html).toContain('aria-label="Mute Needs attention on Binance main for"');
  });

  it("mutes list Unmute only for those who may act", () => {
    const mutes = [{ id: "0e2c4a6e-4444-4a4a-8a8a-000000000001", kind: "sync_failure" as const, connectionId: null, connectionLabel: null, until: "2026-11-21T10:00:00.000Z" }];
    const html = (canAct: boolean) => renderToHtml(createElement(MuteList, { mutes, canAct }), { search: "", client: new QueryClient() });
    expect(text(html(false))).toContain("Sync failure · all connections until");
    expect(html(false)).not.toContain("Unmute");
    expect(html(true)).toContain('aria-label="Unmute Sync failure · all connections"');
  });
});
