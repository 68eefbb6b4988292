// The rules of who may change whom, through the real actions and better-auth on a throwaway
// database: an admin changes and removes members, nobody touches an owner except by a
// transfer, nobody is made owner this way, and the only owner cannot leave.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { workspaceMembers, workspaceInvitations, type WorkspaceRole } from "@/db/schema";
import { listMemberships } from "@/db/queries/workspaces";
import { scopeFor } from "@/lib/access/scope";
import { NoWorkspaceError } from "@/lib/access/errors";
import { requirePageScope } from "@/lib/access/page";
import { openAccessWorld, signUp, type AccessWorld } from "@/lib/access/test-support";
import { resolveViewer } from "@/lib/auth/viewer";
import { changeMemberRole, leaveWorkspace, removeMember } from "./member-roles";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));

let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => w?.handle.close());

const as = (who: keyof AccessWorld["cookie"]) => {
  currentCookie = w.cookie[who];
};
async function roleOf(memberId: string): Promise<string | undefined> {
  const [m] = await w.handle.db.select({ role: workspaceMembers.role }).from(workspaceMembers).where(eq(workspaceMembers.id, memberId));
  return m?.role;
}

describe("changing a member's role", () => {
  it("an admin makes the viewer a member, and a viewer again", async () => {
    as("admin");
    const up = await changeMemberRole({ memberId: w.personal.memberIds.viewer, role: "member" });
    expect(up.data).toEqual({ memberId: w.personal.memberIds.viewer, name: "viewer", role: "member" });
    expect(await roleOf(w.personal.memberIds.viewer)).toBe("member");
    await changeMemberRole({ memberId: w.personal.memberIds.viewer, role: "viewer" });
    expect(await roleOf(w.personal.memberIds.viewer)).toBe("viewer");
  });

  it("nobody makes an owner this way, not an admin and not the owner: 403, and nothing changes", async () => {
    for (const who of ["admin", "owner"] as const) {
      as(who);
      const res = await changeMemberRole({ memberId: w.personal.memberIds.member, role: "owner" });
      expect(res.serverError).toEqual({ status: 403, message: expect.stringMatching(/^An owner changes only through a transfer of ownership/) });
    }
    expect(await roleOf(w.personal.memberIds.member)).toBe("member");
  });

  it("an owner's role is not changed, by an admin or by the owner themselves", async () => {
    for (const who of ["admin", "owner"] as const) {
      as(who);
      const res = await changeMemberRole({ memberId: w.personal.memberIds.owner, role: "admin" });
      expect(res.serverError?.status).toBe(403);
    }
    expect(await roleOf(w.personal.memberIds.owner)).toBe("owner");
  });

  it("a member may not change roles (403 naming admin)", async () => {
    as("member");
    const res = await changeMemberRole({ memberId: w.personal.memberIds.viewer, role: "admin" });
    expect(res.serverError).toEqual({ status: 403, message: "This needs the admin role or higher; your role in Personal is member" });
    expect(await roleOf(w.personal.memberIds.viewer)).toBe("viewer");
  });
});

describe("removing a member", () => {
  it("the owner cannot be removed, not even by the owner", async () => {
    for (const who of ["admin", "owner"] as const) {
      as(who);
      const res = await removeMember({ memberId: w.personal.memberIds.owner });
      expect(res.serverError?.status).toBe(403);
    }
    expect(await roleOf(w.personal.memberIds.owner)).toBe("owner");
  });

  it("you do not remove yourself: you leave", async () => {
    as("admin");
    const res = await removeMember({ memberId: w.personal.memberIds.admin });
    expect(res.serverError).toEqual({ status: 409, message: "To remove yourself, use Leave workspace" });
    expect(await roleOf(w.personal.memberIds.admin)).toBe("admin");
  });

  it("an admin removes the member, whose session then shows their own workspace, not this one", async () => {
    as("admin");
    const res = await removeMember({ memberId: w.personal.memberIds.member });
    expect(res.data).toEqual({ removed: "member" });
    expect(await roleOf(w.personal.memberIds.member)).toBeUndefined();
    const viewer = await resolveViewer(w.handle.db, w.auth, new Headers({ cookie: w.cookie.member }));
    expect(viewer?.workspace?.name).toBe("member's workspace");
  });
});

describe("leaving a workspace", () => {
  it("the only owner cannot leave: 409 with the reason, and stays owner", async () => {
    as("owner");
    const res = await leaveWorkspace({});
    expect(res.serverError).toEqual({
      status: 409,
      message: "You are this workspace's only owner: transfer ownership first (Settings → Ownership), or delete the workspace",
    });
    expect(await roleOf(w.personal.memberIds.owner)).toBe("owner");
  });

  it("the viewer leaves and lands in their next workspace", async () => {
    as("viewer");
    const res = await leaveWorkspace({});
    expect(res.data).toEqual({ left: "Personal", next: { id: expect.any(String), name: "viewer's workspace" } });
    expect(await roleOf(w.personal.memberIds.viewer)).toBeUndefined();
    const viewer = await resolveViewer(w.handle.db, w.auth, new Headers({ cookie: w.cookie.viewer }));
    expect(viewer?.workspace).toMatchObject({ name: "viewer's workspace", role: "owner" });
  });

  it("someone whose only workspace it was is left in none: the pages send them to /no-workspace", async () => {
    // Invited (so sign-up makes them no workspace of their own), then joined through the invitation.
    const [invitation] = await w.handle.db
      .insert(workspaceInvitations)
      .values({ organizationId: w.personal.id, email: "solo@example.com", role: "viewer" satisfies WorkspaceRole, inviterId: (await ownerUserId())!, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning({ id: workspaceInvitations.id });
    const solo = await signUp(w.auth, { email: "solo@example.com", name: "Solo" });
    const accepted = await w.auth.handler(
      new Request("http://localhost/api/auth/organization/accept-invitation", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: solo.cookie },
        body: JSON.stringify({ invitationId: invitation!.id }),
      }),
    );
    expect(accepted.status).toBe(200);
    currentCookie = solo.cookie;
    const res = await leaveWorkspace({});
    expect(res.data).toEqual({ left: "Personal", next: null });
    expect(await listMemberships(w.handle.db, solo.userId)).toEqual([]);
    const viewer = await resolveViewer(w.handle.db, w.auth, new Headers({ cookie: solo.cookie }));
    expect(() => scopeFor(w.handle.db, viewer, "viewer")).toThrow(NoWorkspaceError);
    // A page redirects (Next's redirect is a thrown error carrying the target).
    await expect(requirePageScope("/settings")).rejects.toMatchObject({ digest: expect.stringContaining(";/no-workspace;") });
  });
});

async function ownerUserId(): Promise<string | undefined> {
  const [m] = await w.handle.db.select({ userId: workspaceMembers.userId }).from(workspaceMembers).where(eq(workspaceMembers.id, w.personal.memberIds.owner));
  return m?.userId;
}
