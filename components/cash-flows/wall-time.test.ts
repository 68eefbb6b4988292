import { describe, expect, it } from "vitest";
import { instantOfWallInput, wallTimeInput } from "./wall-time";

describe("a flow's time typed in the workspace's zone", () => {
  it("14:05 on 6 Dec 2026 in Asia/Kolkata (UTC+05:30) is 08:35 UTC, and back", () => {
    expect(instantOfWallInput("2026-12-06T14:05", "Asia/Kolkata")).toBe("2026-12-06T08:35:00.000Z");
    expect(wallTimeInput("2026-12-06T08:35:00.000Z", "Asia/Kolkata")).toBe("2026-12-06T14:05");
  });

  it("follows daylight saving: 12:00 in Europe/London is 12:00 UTC in January, 11:00 UTC in July", () => {
    expect(instantOfWallInput("2026-01-15T12:00", "Europe/London")).toBe("2026-01-15T12:00:00.000Z");
    expect(instantOfWallInput("2026-07-15T12:00", "Europe/London")).toBe("2026-07-15T11:00:00.000Z");
  });

  it("anything the field would not hold reads as empty (the schema then names the field)", () => {
    expect(instantOfWallInput("", "UTC")).toBe("");
    expect(instantOfWallInput("6 Dec 2026", "UTC")).toBe("");
  });
});
