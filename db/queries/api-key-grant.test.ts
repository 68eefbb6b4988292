import { describe, expect, it } from "vitest";
import { grantPermissions, readGrant } from "./api-key-grant";

const creator = "06c70852-5f6f-4f62-8bed-2dc43fd2278f";

describe("an API key's grant, in the plugin's permissions column", () => {
  it("reads back what was written, from the stored text or the parsed object", () => {
    const permissions = grantPermissions({ role: "member", createdBy: creator });
    expect(permissions).toEqual({ role: ["member"], createdBy: [creator] });
    expect(readGrant(permissions)).toEqual({ role: "member", createdBy: creator });
    expect(readGrant(JSON.stringify(permissions))).toEqual({ role: "member", createdBy: creator });
  });

  it.each([
    ["no permissions", null],
    ["not JSON", "{role"],
    ["the owner role", { role: ["owner"], createdBy: [creator] }],
    ["two roles", { role: ["viewer", "admin"], createdBy: [creator] }],
    ["no creator", { role: ["viewer"] }],
    ["a creator that is not a user id", { role: ["viewer"], createdBy: ["someone"] }],
  ])("refuses %s", (_what, value) => {
    expect(readGrant(value)).toBeNull();
  });
});
