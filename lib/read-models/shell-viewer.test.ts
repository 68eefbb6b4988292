import { describe, expect, it } from "vitest";
import type { Workspace } from "@/db/schema";
import { toShellViewer } from "./shell-viewer";

const ws = (id: string, name: string, slug: string): Workspace => ({
  id,
  name,
  slug,
  logo: null,
  metadata: null,
  baseCurrency: "USD",
  timeZone: "UTC",
  riskFreeRate: "0",
  createdAt: new Date("2026-12-01T00:00:00Z"),
});

describe("toShellViewer: what the shell shows of the signed-in viewer", () => {
  it("lists every membership with its role and marks the active workspace", () => {
    const viewer = toShellViewer({
      user: { id: "u1", name: "Ada", email: "ada@example.com" },
      workspace: { id: "w2", name: "Fund B", slug: "fund-b", role: "viewer", baseCurrency: "USD", timeZone: "UTC" },
      memberships: [
        { workspace: ws("w1", "Personal", "personal"), role: "owner" },
        { workspace: ws("w2", "Fund B", "fund-b"), role: "viewer" },
      ],
    });
    expect(viewer).toEqual({
      user: { id: "u1", name: "Ada", email: "ada@example.com" },
      workspaces: [
        { id: "w1", name: "Personal", slug: "personal", role: "owner" },
        { id: "w2", name: "Fund B", slug: "fund-b", role: "viewer" },
      ],
      activeWorkspaceId: "w2",
    });
  });
});
