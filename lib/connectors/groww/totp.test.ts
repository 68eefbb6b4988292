import { describe, expect, it } from "vitest";
import { decodeBase32, totpCode } from "./totp";

// RFC 6238 Appendix B, SHA-1 rows (8 digits), secret "12345678901234567890".
const SECRET = Buffer.from("12345678901234567890", "ascii");

describe("totpCode", () => {
  it.each([
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ])("t=%d gives the RFC 6238 code %s", (seconds, code) => {
    expect(totpCode(SECRET, new Date(seconds * 1000), 8)).toBe(code);
  });

  it("gives the 6-digit code an authenticator shows (last six digits)", () => {
    expect(totpCode(SECRET, new Date(59_000))).toBe("287082");
  });
});

describe("decodeBase32", () => {
  it("decodes RFC 4648 vectors with and without padding", () => {
    expect(decodeBase32("MZXW6YTBOI======").toString()).toBe("foobar");
    expect(decodeBase32("MZXW6YTBOI").toString()).toBe("foobar");
    expect(decodeBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").toString()).toBe("12345678901234567890");
  });

  it("refuses a non-base32 secret", () => {
    expect(() => decodeBase32("not-base32!")).toThrow("not base32");
  });
});
