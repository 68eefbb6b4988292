import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, HSTS, newNonce, PERMISSIONS_POLICY, requestIsHttps, securityHeaders } from "./headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split("; ").map((d) => {
      const [name, ...sources] = d.split(" ");
      return [name!, sources.join(" ")];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("production with a nonce: scripts only by nonce, everything else same-origin", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123+/=", dev: false });
    expect(csp).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123+/=' 'strict-dynamic'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n0nce", dev: false })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy({ nonce: "n0nce", dev: true })).get("script-src")).toBe(
      "'self' 'nonce-n0nce' 'strict-dynamic' 'unsafe-eval'",
    );
  });

  it("never allows inline script, and without a nonce falls back to same-origin files", () => {
    for (const dev of [false, true]) {
      for (const nonce of [null, "n0nce"]) {
        expect(directives(contentSecurityPolicy({ nonce, dev })).get("script-src")).not.toContain("unsafe-inline");
      }
    }
    expect(directives(contentSecurityPolicy({ nonce: null, dev: false })).get("script-src")).toBe("'self'");
  });

  it("never upgrades requests to https (a LAN install serves plain http)", () => {
    expect(contentSecurityPolicy({ nonce: "n0nce", dev: false })).not.toContain("upgrade-insecure-requests");
  });

  it("refuses a nonce Next could not read back (every script would be blocked)", () => {
    expect(() => contentSecurityPolicy({ nonce: "a'; script-src *", dev: false })).toThrow(/base64/);
    expect(() => contentSecurityPolicy({ nonce: "", dev: false })).toThrow(/base64/);
  });
});

describe("securityHeaders", () => {
  it("sends the fixed headers on every response", () => {
    const h = securityHeaders({ nonce: "n0nce", https: false, dev: false });
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["permissions-policy"]).toBe(PERMISSIONS_POLICY);
    for (const f of ["camera", "microphone", "geolocation", "payment", "usb"]) expect(PERMISSIONS_POLICY).toContain(`${f}=()`);
    expect(h["content-security-policy"]).toContain("'nonce-n0nce'");
  });

  it("sends HSTS over https only", () => {
    expect(securityHeaders({ nonce: null, https: true, dev: false })["strict-transport-security"]).toBe(HSTS);
    expect(HSTS).toBe("max-age=63072000; includeSubDomains");
    expect(securityHeaders({ nonce: null, https: false, dev: false })).not.toHaveProperty("strict-transport-security");
  });
});

describe("requestIsHttps", () => {
  it.each([
    ["https:", null, true],
    ["http:", "https", true],
    ["http:", "HTTPS", true],
    ["http:", "https, http", true],
    ["http:", "http", false],
    ["http:", "http, https", false],
    ["http:", "", false],
    ["http:", null, false],
  ] as const)("%s with x-forwarded-proto %s → %s", (protocol, forwarded, expected) => {
    expect(requestIsHttps(protocol, forwarded)).toBe(expected);
  });
});

describe("newNonce", () => {
  it("is 128 bits of base64, different every time, and usable in the policy", () => {
    const seen = new Set(Array.from({ length: 100 }, newNonce));
    expect(seen.size).toBe(100);
    for (const n of seen) {
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(() => contentSecurityPolicy({ nonce: n, dev: false })).not.toThrow();
    }
  });
});
