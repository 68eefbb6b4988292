import { describe, expect, it } from "vitest";
import { assignableKeyRoles, lowerRole } from "./roles";

describe("the roles an API key may have", () => {
  it.each([
    ["owner", ["admin", "member", "viewer"]],
    ["admin", ["admin", "member", "viewer"]],
    ["member", ["member", "viewer"]],
    ["viewer", ["viewer"]],
  ] as const)("a %s may give %j, never owner, never above their own", (creator, roles) => {
    expect(assignableKeyRoles(creator)).toEqual(roles);
  });

  it("caps a key at its creator's role now", () => {
    expect(lowerRole("admin", "viewer")).toBe("viewer");
    expect(lowerRole("member", "owner")).toBe("member");
    expect(lowerRole("viewer", "viewer")).toBe("viewer");
  });
});
