import { describe, expect, it } from "vitest";
import { bearerToken } from "./api-key-caller";

describe("bearerToken: the key a request sends", () => {
  it.each([
    [{}, undefined],
    [{ authorization: "Basic b3duZXI6cGFzcw==" }, undefined],
    [{ authorization: "Bearer vf_abc" }, "vf_abc"],
    [{ authorization: "bearer   vf_abc  " }, "vf_abc"],
    [{ authorization: "Bearer" }, ""],
    [{ authorization: "Bearer " }, ""],
    [{ authorization: "Bearerish vf_abc" }, undefined],
  ] as const)("%j → %j", (headers, expected) => {
    expect(bearerToken(new Headers(headers))).toBe(expected);
  });
});
