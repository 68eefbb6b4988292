import { describe, expect, it } from "vitest";
import { redact } from "./redact";

describe("redact", () => {
  it("blanks known secret values and signed query fields", () => {
    const text = "GET /api/v3/account?timestamp=1&recvWindow=5000&signature=c8db56825ae7 failed for key AKIA-LONG-KEY";
    expect(redact(text, ["AKIA-LONG-KEY"])).toBe(
      "GET /api/v3/account?timestamp=1&recvWindow=5000&signature=[redacted] failed for key [redacted]",
    );
  });

  it("blanks auth headers", () => {
    expect(redact("OK-ACCESS-PASSPHRASE: hunter22, X-MBX-APIKEY: abcdef123")).toBe(
      "OK-ACCESS-PASSPHRASE: [redacted], X-MBX-APIKEY: [redacted]",
    );
  });
});
