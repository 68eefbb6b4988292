import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listMemberships, PERSONAL_SLUG } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { sessionCookie, signUp } from "@/lib/access/test-support";
import { createAuth, type Auth } from "./server";
import { resolveViewer } from "./viewer";

const SECRET = "test-secret-test-secret-test-secret-0123";
let h: DbHandle;
let auth: Auth;

beforeAll(async () => {
  h = await openTestDb();
  auth = createAuth(h.db, { secret: SECRET, allowSignup: false });
});
afterAll(async () => h?.close());

describe("first run and sign-up by invitation (better-auth on our database)", () => {
  it("the first person owns the Personal workspace, and their cookie resolves to it", async () => {
    const owner = await signUp(auth, { email: "first@example.com", name: "First" });
    const memberships = await listMemberships(h.db, owner.userId);
    expect(memberships.map((m) => [m.workspace.slug, m.role])).toEqual([[PERSONAL_SLUG, "owner"]]);
    const viewer = await resolveViewer(h.db, auth, new Headers({ cookie: owner.cookie }));
    expect(viewer).toMatchObject({ user: { email: "first@example.com" }, workspace: { slug: PERSONAL_SLUG, role: "owner", baseCurrency: "USD", timeZone: "UTC" } });
  });

  it("after the first person, sign-up without an invitation is refused with the reason", async () => {
    const res = await auth.handler(
      new Request("http://localhost/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "second@example.com", name: "Second", password: "correct horse battery" }),
      }),
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe("Sign-up is by invitation only: ask a workspace admin for an invitation link");
  });

  it("someone invited may sign up though sign-up is closed, joins nothing until they accept, then joins with the role given", async () => {
    const owner = await signIn("first@example.com");
    const personal = (await listMemberships(h.db, (await resolveViewer(h.db, auth, new Headers({ cookie: owner })))!.user.id))[0]!.workspace;
    const invited = await auth.handler(
      new Request("http://localhost/api/auth/organization/invite-member", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: owner },
        body: JSON.stringify({ email: "Guest@Example.com", role: "viewer", organizationId: personal.id }),
      }),
    );
    expect(invited.status).toBe(200);
    const invitationId = ((await invited.json()) as { id: string }).id;

    const guest = await signUp(auth, { email: "guest@example.com", name: "Guest" });
    expect(await listMemberships(h.db, guest.userId)).toEqual([]);
    const accepted = await auth.handler(
      new Request("http://localhost/api/auth/organization/accept-invitation", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: guest.cookie },
        body: JSON.stringify({ invitationId }),
      }),
    );
    expect(accepted.status).toBe(200);
    const viewer = await resolveViewer(h.db, auth, new Headers({ cookie: guest.cookie }));
    expect(viewer?.workspace).toMatchObject({ slug: PERSONAL_SLUG, role: "viewer" });
  });

  it("a wrong password is 401 and a request without a cookie resolves to no viewer", async () => {
    const res = await auth.handler(
      new Request("http://localhost/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "first@example.com", password: "not the password" }),
      }),
    );
    expect(res.status).toBe(401);
    expect(await resolveViewer(h.db, auth, new Headers())).toBeNull();
  });

  it("with ALLOW_SIGNUP a newcomer gets a workspace of their own, not the Personal one", async () => {
    const open = createAuth(h.db, { secret: SECRET, allowSignup: true });
    const newcomer = await signUp(open, { email: "newcomer@example.com", name: "Newcomer" });
    const memberships = await listMemberships(h.db, newcomer.userId);
    expect(memberships).toHaveLength(1);
    expect(memberships[0]).toMatchObject({ role: "owner", workspace: { name: "Newcomer's workspace" } });
    expect(memberships[0]!.workspace.slug).not.toBe(PERSONAL_SLUG);
  });
});

async function signIn(email: string): Promise<string> {
  const res = await auth.handler(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "correct horse battery" }),
    }),
  );
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return sessionCookie(res);
}
