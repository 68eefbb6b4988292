// A person's own name and password, through the real actions and better-auth's password
// checks on a throwaway database.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { users } from "@/db/schema";
import { openAccessWorld, sessionCookie, type AccessWorld } from "@/lib/access/test-support";
import { resolveViewer } from "@/lib/auth/viewer";
import { changePassword, updateProfile } from "./profile";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));

const OLD = "correct horse battery";
const NEW = "a brand new passphrase";
let w: AccessWorld;
beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => w?.handle.close());

async function signIn(email: string, password: string): Promise<{ status: number; cookie: string }> {
  const res = await w.auth.handler(
    new Request("http://localhost/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) }),
  );
  return { status: res.status, cookie: sessionCookie(res) };
}
const change = (p: Partial<{ currentPassword: string; newPassword: string; confirmPassword: string; revokeOtherSessions: boolean }>) =>
  changePassword({ currentPassword: OLD, newPassword: NEW, confirmPassword: NEW, revokeOtherSessions: false, ...p });

describe("the display name", () => {
  it("changes for the person everywhere they are shown", async () => {
    currentCookie = w.cookie.member;
    const res = await updateProfile({ name: "  Mia Member " });
    expect(res.data).toEqual({ name: "Mia Member" });
    const viewer = await resolveViewer(w.handle.db, w.auth, new Headers({ cookie: w.cookie.member }));
    expect(viewer?.user.name).toBe("Mia Member");
  });

  it("may not be empty: a field error, and the name stays", async () => {
    currentCookie = w.cookie.member;
    const res = await updateProfile({ name: "   " });
    expect(res.validationErrors).toEqual({ name: { _errors: ["Enter a name"] } });
    const [row] = await w.handle.db.select({ name: users.name }).from(users).where(eq(users.email, "member@example.com"));
    expect(row?.name).toBe("Mia Member");
  });
});

describe("the password", () => {
  it("a wrong current password is an error on that field, and the password stays as it was", async () => {
    currentCookie = w.cookie.viewer;
    const res = await change({ currentPassword: "not my password at all" });
    expect(res.validationErrors).toEqual({ currentPassword: { _errors: ["This is not your current password"] } });
    expect((await signIn("viewer@example.com", OLD)).status).toBe(200);
    expect((await signIn("viewer@example.com", NEW)).status).toBe(401);
  });

  it("a new password too short, or not repeated alike, is refused before better-auth sees it", async () => {
    currentCookie = w.cookie.viewer;
    expect((await change({ newPassword: "short", confirmPassword: "short" })).validationErrors).toMatchObject({ newPassword: { _errors: ["At least 10 characters"] } });
    expect((await change({ confirmPassword: `${NEW}!` })).validationErrors).toMatchObject({ confirmPassword: { _errors: ["This does not match the new password"] } });
    expect((await signIn("viewer@example.com", OLD)).status).toBe(200);
  });

  it("changes: the new one signs in, the old one no longer does, and other sessions go on unless asked", async () => {
    const elsewhere = await signIn("viewer@example.com", OLD);
    currentCookie = w.cookie.viewer;
    const res = await change({});
    expect(res.data).toEqual({ changed: true, otherSessionsEnded: false });
    expect((await signIn("viewer@example.com", NEW)).status).toBe(200);
    expect((await signIn("viewer@example.com", OLD)).status).toBe(401);
    expect(await w.auth.api.getSession({ headers: new Headers({ cookie: elsewhere.cookie }) })).not.toBeNull();
  });

  it("with 'sign out other sessions', every other session ends", async () => {
    const elsewhere = await signIn("admin@example.com", OLD);
    currentCookie = w.cookie.admin;
    const res = await change({ revokeOtherSessions: true });
    expect(res.data).toEqual({ changed: true, otherSessionsEnded: true });
    expect(await w.auth.api.getSession({ headers: new Headers({ cookie: elsewhere.cookie }) })).toBeNull();
    expect((await signIn("admin@example.com", NEW)).status).toBe(200);
  });
});
