import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptCredentials, encryptCredentials } from "./credentials";

const key = randomBytes(32);

describe("credential encryption (AES-256-GCM)", () => {
  it("round-trips, and two encryptions of one value differ (fresh IV)", () => {
    const creds = { apiKey: "k-123456", secret: "s-abcdef", passphrase: "p" };
    const a = encryptCredentials(creds, key);
    const b = encryptCredentials(creds, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("s-abcdef");
    expect(decryptCredentials(a, key)).toEqual(creds);
  });

  it("a tampered ciphertext is refused without echoing it", () => {
    const sealed = encryptCredentials({ secret: "s-abcdef" }, key);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => decryptCredentials(parts.join("."), key)).toThrow(/could not be decrypted/);
  });

  it("another key cannot read it", () => {
    const sealed = encryptCredentials({ secret: "s-abcdef" }, key);
    expect(() => decryptCredentials(sealed, randomBytes(32))).toThrow(/wrong CREDENTIALS_KEY or tampered/);
  });
});
