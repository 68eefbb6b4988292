import { describe, expect, it } from "vitest";
import { portfolioKey, portfolioParamSchema } from "./selection";

const ID = "6f1c2b9e-3d4a-4b5c-8d6e-7f8091a2b3c4";

describe("portfolio selection in the URL", () => {
  it.each([
    ["", { kind: "workspace" }],
    ["all", { kind: "workspace" }],
    [`connection:${ID}`, { kind: "connection", connectionId: ID }],
    [`portfolio:${ID}`, { kind: "portfolio", portfolioId: ID }],
  ])("parses %j", (raw, expected) => {
    const parsed = portfolioParamSchema.parse(raw);
    expect(parsed).toEqual(expected);
    expect(portfolioParamSchema.parse(portfolioKey(parsed))).toEqual(expected);
  });

  it.each(["fund", "connection:", "connection:not-a-uuid", `account:${ID}`, `portfolio:${ID}:x`])(
    "refuses %j with the accepted forms",
    (raw) => {
      const result = portfolioParamSchema.safeParse(raw);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toContain('"all", "connection:<uuid>" or "portfolio:<uuid>"');
    },
  );
});
