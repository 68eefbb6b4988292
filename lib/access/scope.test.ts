import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import type { WorkspaceRole } from "@/db/schema";
import type { Viewer } from "@/lib/auth/viewer";
import { AccessError } from "./errors";
import { safeNextPath } from "./next-path";
import { keyScopeFor, scopeFor } from "./scope";

const db = {} as Db;
const viewer = (role: WorkspaceRole | null): Viewer => ({
  user: { id: "u1", name: "Ada", email: "ada@example.com" },
  workspace: role ? { id: "w1", name: "Fund A", slug: "fund-a", role, baseCurrency: "USD", timeZone: "Asia/Kolkata" } : null,
  memberships: [],
});
const refusal = (f: () => unknown): { status: number; message: string } => {
  try {
    f();
  } catch (e) {
    if (e instanceof AccessError) return { status: e.status, message: e.message };
    throw e;
  }
  throw new Error("not refused");
};

describe("scopeFor: who may do what, in which workspace", () => {
  it("scopes every query to the active workspace's id", () => {
    expect(scopeFor(db, viewer("viewer"), "viewer")).toMatchObject({ ownerId: "w1", viewer: { workspace: { slug: "fund-a" } } });
  });

  it("401 without a session", () => {
    expect(refusal(() => scopeFor(db, null, "viewer"))).toEqual({ status: 401, message: "Sign in first: this needs a session" });
  });

  it("403 for a person in no workspace yet", () => {
    expect(refusal(() => scopeFor(db, viewer(null), "viewer")).status).toBe(403);
  });

  it.each([
    ["viewer", "member", false],
    ["member", "member", true],
    ["member", "admin", false],
    ["admin", "member", true],
    ["admin", "owner", false],
    ["owner", "admin", true],
  ] as const)("a %s asking for %s: allowed %s; a refusal names the role needed", (role, needed, allowed) => {
    if (allowed) expect(scopeFor(db, viewer(role), needed).ownerId).toBe("w1");
    else expect(refusal(() => scopeFor(db, viewer(role), needed))).toEqual({ status: 403, message: `This needs the ${needed} role or higher; your role in Fund A is ${role}` });
  });
});

describe("keyScopeFor: a request made with an API key", () => {
  const caller = (role: WorkspaceRole) => ({
    keyId: "k1",
    workspace: { id: "w1", name: "Fund A", slug: "fund-a", role, baseCurrency: "USD", timeZone: "UTC" },
  });

  it("scopes to the key's workspace and says a key is asking", () => {
    expect(keyScopeFor(db, caller("member"), "member")).toMatchObject({ ownerId: "w1", caller: { kind: "apiKey", keyId: "k1" }, workspace: { role: "member" } });
  });

  it("403 naming the role needed and the key's own", () => {
    expect(refusal(() => keyScopeFor(db, caller("viewer"), "member"))).toEqual({
      status: 403,
      message: "This needs the member role or higher; this API key's role in Fund A is viewer",
    });
  });
});

describe("safeNextPath: sign-in returns only to this site", () => {
  it.each([
    [undefined, "/"],
    ["/orders?status=open", "/orders?status=open"],
    ["//evil.example/x", "/"],
    ["https://evil.example", "/"],
    ["/\\evil.example", "/"],
    [["/a", "/b"], "/a"],
  ] as const)("%j → %s", (input, expected) => {
    expect(safeNextPath(input as string | string[] | undefined)).toBe(expected);
  });
});
