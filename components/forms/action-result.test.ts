import { describe, expect, it } from "vitest";
import { z } from "zod";
import { firstIssue, firstValidationMessage, refusal } from "./action-result";

describe("action results for forms", () => {
  it("finds the first validation message however deep", () => {
    expect(firstValidationMessage({ _errors: [], until: { _errors: ["End: must be in the future"] } })).toBe("End: must be in the future");
    expect(firstValidationMessage({ _errors: ["Whole form"] })).toBe("Whole form");
    expect(firstValidationMessage(undefined)).toBeNull();
  });

  it("a refusal is the server's message, else the first validation message, else the fallback", () => {
    expect(refusal({ serverError: { message: "channel not found" } }, "x")).toBe("channel not found");
    expect(refusal({ validationErrors: { url: { _errors: ["URL: is not a URL"] } } }, "x")).toBe("URL: is not a URL");
    expect(refusal(undefined, "Refused")).toBe("Refused");
  });

  it("names the field of the first issue", () => {
    const r = z.object({ name: z.string().min(1, "Name: required") }).safeParse({ name: "" });
    expect(firstIssue(r.error!)).toEqual({ field: "name", message: "Name: required" });
  });
});
