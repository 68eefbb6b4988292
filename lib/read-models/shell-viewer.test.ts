import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { loadShellViewer } from "./shell-viewer";

describe("loadShellViewer (local install, before sign-in)", () => {
  it("gives the one Personal workspace, owned, active, and no user", async () => {
    const viewer = await loadShellViewer({} as Db, { ownerId: "owner-1" });
    expect(viewer).toEqual({
      user: null,
      workspaces: [{ id: "owner-1", name: "Personal", slug: "personal", role: "owner" }],
      activeWorkspaceId: "owner-1",
    });
  });
});
