import { describe, expect, it } from "vitest";
import { supportedTimeZones } from "./time-zones";

describe("supportedTimeZones", () => {
  it("starts with UTC and lists each zone once, under its current IANA name", () => {
    const zones = supportedTimeZones();
    expect(zones[0]).toBe("UTC");
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones).toEqual(expect.arrayContaining(["Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Europe/Kyiv", "America/New_York"]));
    expect(zones).not.toContain("Asia/Calcutta");
  });

  it("every listed zone is one Intl can format in", () => {
    for (const z of supportedTimeZones()) expect(() => new Intl.DateTimeFormat("en", { timeZone: z })).not.toThrow();
  });
});
