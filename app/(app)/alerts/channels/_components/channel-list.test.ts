import { QueryClient } from "@tanstack/react-query";
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { renderToHtml } from "@/components/data-table/testing/render-to-html";
import type { ChannelView } from "@/lib/read-models/channels";
import { ChannelList } from "./channel-list";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));

const channel: ChannelView = {
  id: "0e2c4a6e-5555-4a4a-8a8a-000000000001",
  kind: "slack",
  name: "Slack #ops",
  target: "https://hooks.slack.com/…WXYZ",
  alertKinds: ["sync_failure", "needs_attention"],
  enabled: false,
  createdAt: "2026-11-20T10:00:00.000Z",
  secretRotatedAt: "2026-11-20T10:00:00.000Z",
  lastDelivery: { ok: false, httpStatus: 404, error: "receiver answered 404", durationMs: 80, at: "2026-11-20T10:05:00.000Z", test: true },
};
const environment = { format: "telegram" as const, target: "https://api.telegram.org/…sage", lastDelivery: null };
const render = (canManage: boolean) =>
  renderToHtml(createElement(ChannelList, { channels: [channel], environment, canManage }), { search: "", client: new QueryClient() });
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("the channels list", () => {
  it("shows where each channel points (masked), what it takes, and how its last delivery went; the environment's webhook read-only", () => {
    const t = text(render(false));
    expect(t).toContain("Slack #ops");
    expect(t).toContain("https://hooks.slack.com/…WXYZ");
    expect(t).toContain("Sync failure, Needs attention");
    expect(t).toContain("disabled");
    expect(t).toContain("✗ Test failed: receiver answered 404");
    expect(t).toContain("from the environment");
    expect(t).toContain("Nothing sent yet");
  });

  it("a member or viewer sees no Send test and no manage menu; an admin sees both, for the environment's webhook only Send test", () => {
    expect(render(false)).not.toMatch(/Send a test|Manage Slack/);
    const admin = render(true);
    expect(admin).toContain('aria-label="Send a test to Slack #ops"');
    expect(admin).toContain('aria-label="Manage Slack #ops"');
    expect(admin).toContain(`aria-label="Send a test to the environment's webhook"`.replace("'", "&#x27;"));
  });
});
