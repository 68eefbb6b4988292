import { describe, expect, it } from "vitest";
import { maskUrl, outboundUrlProblem } from "./outbound-url";

describe("outbound channel addresses", () => {
  it.each([
    ["https://hooks.slack.com/services/T000/B000/XXXX", null],
    ["https://10.0.0.5:8443/hook", null],
    ["http://localhost:4000/hook", null],
    ["http://127.0.0.1:9/x", null],
    ["http://[::1]:9/x", null],
    ["http://example.com/hook", "must use https:// (plain http is allowed only to localhost)"],
    ["http://127.0.0.2/hook", "must use https:// (plain http is allowed only to localhost)"],
    ["ftp://example.com/x", "must be an https:// address"],
    ["https://user:pass@example.com/hook", "must not contain a user name or password"],
    ["not a url", "is not a URL"],
    [`https://example.com/${"a".repeat(2100)}`, "must be at most 2048 characters"],
  ])("%s → %s", (url, problem) => {
    expect(outboundUrlProblem(url)).toBe(problem);
  });

  it("shows scheme, host and the path's last four characters, never the query", () => {
    expect(maskUrl("https://hooks.slack.com/services/T000/B000/abcdWXYZ")).toBe("https://hooks.slack.com/…WXYZ");
    expect(maskUrl("https://api.telegram.org/bot123:SECRET/sendMessage")).toBe("https://api.telegram.org/…sage");
    expect(maskUrl("https://example.com/?token=abc")).toBe("https://example.com");
    expect(maskUrl("http://127.0.0.1:4000/")).toBe("http://127.0.0.1:4000");
  });
});
