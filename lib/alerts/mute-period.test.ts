import { describe, expect, it } from "vitest";
import { muteEnd } from "./mute-period";

const now = new Date("2026-11-20T10:00:00Z");

describe("muteEnd", () => {
  it("presets count from now", () => {
    expect(muteEnd({ period: "1h" }, now)).toEqual({ ok: true, until: new Date("2026-11-20T11:00:00Z") });
    expect(muteEnd({ period: "1d" }, now)).toEqual({ ok: true, until: new Date("2026-11-21T10:00:00Z") });
    expect(muteEnd({ period: "1w" }, now)).toEqual({ ok: true, until: new Date("2026-11-27T10:00:00Z") });
  });

  it("a custom end must be given, in the future, within a year; the message names the field", () => {
    expect(muteEnd({ period: "custom", until: "2026-12-01T08:30:00+01:00" }, now)).toEqual({ ok: true, until: new Date("2026-12-01T07:30:00Z") });
    expect(muteEnd({ period: "custom" }, now)).toEqual({ ok: false, message: "End: choose when the mute ends" });
    expect(muteEnd({ period: "custom", until: "2026-11-20T09:59:00Z" }, now)).toEqual({ ok: false, message: "End: must be in the future" });
    expect(muteEnd({ period: "custom", until: "2028-01-01T00:00:00Z" }, now)).toEqual({ ok: false, message: "End: at most a year from now" });
    expect(muteEnd({ period: "custom", until: "soon" }, now)).toEqual({ ok: false, message: "End: not a date and time" });
  });
});
