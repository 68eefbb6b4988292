import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, signBody, signedHeaders, verifySignature } from "./signature";

const secret = "vfsec_test-secret";
const body = '{"type":"venuefolio.alert","id":"a1"}';
const now = new Date("2026-11-20T10:00:00Z");

describe("webhook signatures", () => {
  it("is HMAC-SHA256 of `timestamp.body` under the secret's UTF-8 bytes, hex, prefixed sha256=", () => {
    const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(`1795168800.${body}`).digest("hex");
    expect(signBody(secret, 1_795_168_800, body)).toBe(`sha256=${expected}`);
  });

  it("signs with the current unix second and a delivery id", () => {
    const h = signedHeaders({ secret, body, now, deliveryId: "d-1", event: "alert" });
    expect(h).toEqual({
      "X-Venuefolio-Timestamp": "1795168800",
      "X-Venuefolio-Signature": signBody(secret, 1_795_168_800, body),
      "X-Venuefolio-Delivery": "d-1",
      "X-Venuefolio-Event": "alert",
    });
  });

  it("verifies what it signed, and refuses a changed body, another secret, a stale or future timestamp", () => {
    const h = signedHeaders({ secret, body, now, deliveryId: "d-1", event: "alert" });
    const check = (over: Partial<Parameters<typeof verifySignature>[0]>) =>
      verifySignature({ secret, body, timestamp: h["X-Venuefolio-Timestamp"]!, signature: h["X-Venuefolio-Signature"]!, now, ...over });
    expect(check({})).toEqual({ ok: true });
    expect(check({ body: body.replace("a1", "a2") })).toEqual({ ok: false, reason: "signature does not match" });
    expect(check({ secret: "vfsec_other" })).toEqual({ ok: false, reason: "signature does not match" });
    expect(check({ now: new Date(now.getTime() + 301_000) })).toEqual({ ok: false, reason: "timestamp outside the replay window" });
    expect(check({ now: new Date(now.getTime() - 301_000) })).toEqual({ ok: false, reason: "timestamp outside the replay window" });
    expect(check({ now: new Date(now.getTime() + 299_000) })).toEqual({ ok: true });
    expect(check({ signature: null })).toEqual({ ok: false, reason: "missing signature" });
    expect(check({ timestamp: "yesterday" })).toEqual({ ok: false, reason: "missing or malformed timestamp" });
  });

  it("generates distinct 32-byte secrets", () => {
    const a = generateSigningSecret();
    expect(a).toMatch(/^vfsec_[A-Za-z0-9_-]{43}$/);
    expect(generateSigningSecret()).not.toBe(a);
  });
});
