import { describe, expect, it } from "vitest";
import { distanceToLiquidation } from "./liquidation";

describe("distanceToLiquidation", () => {
  it("long, mark 60000, liquidation 48000 → (60000 − 48000) / 60000 = 0.2 of room", () => {
    expect(distanceToLiquidation({ side: "long", markPrice: "60000", liquidationPrice: "48000" })).toEqual({ distance: "0.2", reason: null });
  });

  it("short, mark 3000, liquidation 4000 → (4000 − 3000) / 3000 = 0.3333… (exact to 40 digits, no float)", () => {
    const r = distanceToLiquidation({ side: "short", markPrice: "3000", liquidationPrice: "4000" });
    expect(r).toEqual({ distance: "0.3333333333333333333333333333333333333333", reason: null });
  });

  it("short, mark 0.1 + 0.2 spelled 0.3, liquidation 0.33 → (0.33 − 0.3) / 0.3 = 0.1 exactly", () => {
    expect(distanceToLiquidation({ side: "short", markPrice: "0.3", liquidationPrice: "0.33" }).distance).toBe("0.1");
  });

  it("long already past liquidation: mark 45000, liquidation 48000 → (45000 − 48000) / 45000 = −0.0666…, negative", () => {
    const r = distanceToLiquidation({ side: "long", markPrice: "45000", liquidationPrice: "48000" });
    expect(r.distance).toBe("-0.06666666666666666666666666666666666666667");
  });

  it("no liquidation price from the venue → null, reason not_reported (shown as “—, venue did not report”)", () => {
    expect(distanceToLiquidation({ side: "long", markPrice: "60000", liquidationPrice: null })).toEqual({ distance: null, reason: "not_reported" });
  });

  it("liquidation price 0 (the venue's “cannot be liquidated”) → null, reason none_at_venue, never a 100 % distance", () => {
    expect(distanceToLiquidation({ side: "long", markPrice: "60000", liquidationPrice: "0" })).toEqual({ distance: null, reason: "none_at_venue" });
  });

  it("mark 0 → null, reason no_mark (no division by zero)", () => {
    expect(distanceToLiquidation({ side: "short", markPrice: "0", liquidationPrice: "10" })).toEqual({ distance: null, reason: "no_mark" });
  });
});
