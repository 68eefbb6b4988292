import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CALLBACK_TTL_MS, callbackKeyFrom, signCallback, verifyCallback } from "./callback-data";

const key = callbackKeyFrom(randomBytes(32));
const b = { linkId: "11111111-1111-4111-8111-111111111111", chatId: "-1001234567890", ownerId: "22222222-2222-4222-8222-222222222222" };
const now = new Date("2026-11-20T10:00:00Z");

describe("callback data", () => {
  it("round-trips each action within Telegram's 64 bytes", () => {
    for (const action of ["report", "rebalance", "confirm"] as const) {
      const data = signCallback(key, action, b, now);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(verifyCallback(key, data, b, new Date(now.getTime() + 60_000))).toEqual({ ok: true, action });
    }
  });

  it("is foreign in another chat, under another link or workspace, with another key, or tampered", () => {
    const data = signCallback(key, "rebalance", b, now);
    expect(verifyCallback(key, data, { ...b, chatId: "42" }, now)).toEqual({ ok: false, reason: "foreign" });
    expect(verifyCallback(key, data, { ...b, linkId: "33333333-3333-4333-8333-333333333333" }, now)).toEqual({ ok: false, reason: "foreign" });
    expect(verifyCallback(key, data, { ...b, ownerId: "44444444-4444-4444-8444-444444444444" }, now)).toEqual({ ok: false, reason: "foreign" });
    expect(verifyCallback(callbackKeyFrom(randomBytes(32)), data, b, now)).toEqual({ ok: false, reason: "foreign" });
    expect(verifyCallback(key, data.replace(/^rb/, "rc"), b, now)).toEqual({ ok: false, reason: "foreign" });
    expect(verifyCallback(key, "garbage", b, now)).toEqual({ ok: false, reason: "foreign" });
  });

  it("is expired after the TTL", () => {
    const data = signCallback(key, "report", b, now);
    expect(verifyCallback(key, data, b, new Date(now.getTime() + CALLBACK_TTL_MS + 1000))).toEqual({ ok: false, reason: "expired" });
  });
});
