// Ownership through the real actions: only an owner transfers or deletes, a transfer is one
// transaction (both role changes or neither), and deleting asks for the name, removes the
// workspace and lands the person in their next one. What a deletion removes table by table is
// db/queries/workspace-deletion.int.test.ts.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connections, workspaceMembers, workspaces } from "@/db/schema";
import { transferOwnership as transferInDb } from "@/db/queries/ownership";
import { addMember, installWorkspace, listMemberships } from "@/db/queries/workspaces";
import { openAccessWorld, signUp, type AccessWorld } from "@/lib/access/test-support";
import { resolveViewer } from "@/lib/auth/viewer";
import { deleteWorkspace, transferOwnership } from "./ownership";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));

let w: AccessWorld;
let ownerUserId: string;
beforeAll(async () => {
  w = await openAccessWorld();
  ownerUserId = (await w.handle.db.select({ userId: workspaceMembers.userId }).from(workspaceMembers).where(eq(workspaceMembers.id, w.personal.memberIds.owner)))[0]!.userId;
});
afterAll(async () => w?.handle.close());

const as = (who: keyof AccessWorld["cookie"]) => {
  currentCookie = w.cookie[who];
};
async function roles(): Promise<Record<string, string>> {
  const rows = await w.handle.db.select({ id: workspaceMembers.id, role: workspaceMembers.role }).from(workspaceMembers).where(eq(workspaceMembers.organizationId, w.personal.id));
  const byId = Object.fromEntries(rows.map((r) => [r.id, r.role]));
  return Object.fromEntries(Object.entries(w.personal.memberIds).map(([who, id]) => [who, byId[id] ?? "gone"]));
}
const START_ROLES = { owner: "owner", admin: "admin", member: "member", viewer: "viewer" };

describe("transferring ownership", () => {
  it("an admin can neither transfer nor delete (403 naming the owner role)", async () => {
    as("admin");
    const refusal = { status: 403, message: "This needs the owner role or higher; your role in Personal is admin" };
    expect((await transferOwnership({ memberId: w.personal.memberIds.admin })).serverError).toEqual(refusal);
    expect((await deleteWorkspace({ workspaceId: w.personal.id, confirmName: "Personal" })).serverError).toEqual(refusal);
    expect(await roles()).toEqual(START_ROLES);
  });

  it("to yourself is refused (409), and nothing changes", async () => {
    as("owner");
    const res = await transferOwnership({ memberId: w.personal.memberIds.owner });
    expect(res.serverError).toEqual({ status: 409, message: "You already own this workspace: choose another member" });
    expect(await roles()).toEqual(START_ROLES);
  });

  it("is one transaction: when the old owner cannot be made admin, the new owner is not made either", async () => {
    const db = w.handle.db;
    // The second of the two updates fails (as a crash between them would); the first must not stay.
    await db.execute(sql.raw(`create function refuse_demotion() returns trigger language plpgsql as $$ begin raise exception 'demotion refused'; end $$`));
    await db.execute(sql.raw(`create trigger refuse_demotion before update on workspace_members for each row when (old.role = 'owner' and new.role = 'admin') execute function refuse_demotion()`));
    try {
      await expect(transferInDb(db, { ownerId: w.personal.id, fromUserId: ownerUserId, toMemberId: w.personal.memberIds.member })).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger refuse_demotion on workspace_members`));
      await db.execute(sql.raw(`drop function refuse_demotion()`));
    }
    expect(await roles()).toEqual(START_ROLES);
  });

  it("two transfers at once: one wins, the other is refused, and there is exactly one owner", async () => {
    const db = w.handle.db;
    const [a, b] = await Promise.all([
      transferInDb(db, { ownerId: w.personal.id, fromUserId: ownerUserId, toMemberId: w.personal.memberIds.member }),
      transferInDb(db, { ownerId: w.personal.id, fromUserId: ownerUserId, toMemberId: w.personal.memberIds.viewer }),
    ]);
    expect([a.transferred, b.transferred].sort()).toEqual([false, true]);
    const owners = Object.entries(await roles()).filter(([, r]) => r === "owner");
    expect(owners).toHaveLength(1);
    expect((await roles()).owner).toBe("admin");
    // Back to the starting roles for the cases below.
    for (const [who, id] of Object.entries(w.personal.memberIds)) await db.update(workspaceMembers).set({ role: who }).where(eq(workspaceMembers.id, id));
    expect(await roles()).toEqual(START_ROLES);
  });

  it("the owner hands it to the admin: the admin is owner, the old owner admin, who can no longer transfer", async () => {
    as("owner");
    const res = await transferOwnership({ memberId: w.personal.memberIds.admin });
    expect(res.data).toEqual({ newOwner: "admin" });
    expect(await roles()).toEqual({ ...START_ROLES, owner: "admin", admin: "owner" });
    const again = await transferOwnership({ memberId: w.personal.memberIds.member });
    expect(again.serverError).toEqual({ status: 403, message: "This needs the owner role or higher; your role in Personal is admin" });
    // And back, by the new owner.
    as("admin");
    expect((await transferOwnership({ memberId: w.personal.memberIds.owner })).data).toEqual({ newOwner: "Owner" });
    expect(await roles()).toEqual(START_ROLES);
  });
});

describe("deleting the workspace", () => {
  it("needs the workspace's name typed exactly: otherwise a field error, and nothing is deleted", async () => {
    as("owner");
    const res = await deleteWorkspace({ workspaceId: w.personal.id, confirmName: "personal" });
    expect(res.validationErrors).toEqual({ confirmName: { _errors: ["Type the name exactly as shown: Personal"] } });
    expect(await w.handle.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.id, w.personal.id))).toHaveLength(1);
  });

  it("removes it with its data, lands the owner in their next workspace, and leaves the other workspace alone", async () => {
    const db = w.handle.db;
    await addMember(db, { workspaceId: w.other.id, userId: ownerUserId, role: "viewer" });
    as("owner");
    const res = await deleteWorkspace({ workspaceId: w.personal.id, confirmName: "Personal" });
    expect(res.data).toEqual({ deleted: "Personal", next: { id: w.other.id, name: "Outsider's workspace" } });
    expect(await db.select().from(workspaces).where(eq(workspaces.id, w.personal.id))).toEqual([]);
    expect(await db.select().from(connections).where(eq(connections.ownerId, w.personal.id))).toEqual([]);
    expect(await db.select({ id: connections.id }).from(connections).where(and(eq(connections.ownerId, w.other.id), eq(connections.id, w.other.connectionId)))).toHaveLength(1);
    // Everyone who was in it now looks at a workspace of their own (or their next one).
    expect((await resolveViewer(db, w.auth, new Headers({ cookie: w.cookie.owner })))?.workspace).toMatchObject({ id: w.other.id, role: "viewer" });
    expect((await resolveViewer(db, w.auth, new Headers({ cookie: w.cookie.admin })))?.workspace?.name).toBe("admin's workspace");
  });

  it("the Personal workspace is not made again: not at the next start, not for the next person to sign up", async () => {
    expect(await installWorkspace(w.handle.db)).toBeNull();
    const newcomer = await signUp(w.auth, { email: "newcomer@example.com", name: "Newcomer" });
    expect((await listMemberships(w.handle.db, newcomer.userId)).map((m) => [m.workspace.name, m.role])).toEqual([["Newcomer's workspace", "owner"]]);
    expect(await installWorkspace(w.handle.db)).toBeNull();
  });
});
