import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { openTestDb } from "@/db/testing";
import { createWorkspace, ensurePersonalWorkspace, workspaceForCli } from "./workspaces";

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb();
});
afterAll(async () => h?.close());

// CLI scripts act in one workspace, named or the only one: never a silent pick among several.
describe("workspaceForCli", () => {
  it("refuses when there is no workspace yet, saying how to get one", async () => {
    await expect(workspaceForCli(h.db, undefined)).rejects.toThrow("No workspace yet: start the app once (npm start) to create the Personal workspace");
  });

  it("takes the only workspace when none is named", async () => {
    const personal = await ensurePersonalWorkspace(h.db);
    expect((await workspaceForCli(h.db, undefined)).id).toBe(personal.id);
  });

  it("with several, needs --workspace and lists the slugs; a named one is found, an unknown one refused", async () => {
    const fund = await createWorkspace(h.db, { name: "Fund A", slug: "fund-a" });
    await expect(workspaceForCli(h.db, undefined)).rejects.toThrow("There are 2 workspaces: pass --workspace <slug> (one of: fund-a, personal)");
    expect((await workspaceForCli(h.db, "fund-a")).id).toBe(fund.id);
    await expect(workspaceForCli(h.db, "fund-b")).rejects.toThrow('No workspace "fund-b". Workspaces: fund-a, personal');
  });
});
