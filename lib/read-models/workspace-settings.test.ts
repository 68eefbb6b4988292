import { describe, expect, it } from "vitest";
import { supportedTimeZones } from "@/lib/time/time-zones";
import { fractionToPercent, percentToFraction, workspaceSettingsSchema } from "./workspace-settings";

const schema = workspaceSettingsSchema(supportedTimeZones());
const message = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? null : r.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("workspaceSettingsSchema", () => {
  it("accepts a listed currency and zone (trimmed)", () => {
    expect(schema.parse({ baseCurrency: "EUR", timeZone: " Asia/Kathmandu " })).toEqual({ baseCurrency: "EUR", timeZone: "Asia/Kathmandu" });
    expect(schema.parse({ baseCurrency: "USDT", timeZone: "UTC" })).toEqual({ baseCurrency: "USDT", timeZone: "UTC" });
  });

  it("names the field: a currency no source prices, a zone not in the list", () => {
    expect(message({ baseCurrency: "XAF", timeZone: "UTC" })).toEqual([["baseCurrency", "Base currency: choose one from the list"]]);
    expect(message({ baseCurrency: "USD", timeZone: "Europe/Atlantis" })).toEqual([
      ["timeZone", "Time zone: choose an IANA zone from the list, such as Europe/London or UTC"],
    ]);
  });

  it("checks against the list it is built from, so browser and server agree", () => {
    expect(workspaceSettingsSchema(["UTC"]).safeParse({ baseCurrency: "USD", timeZone: "Europe/London" }).success).toBe(false);
  });
});

describe("the risk-free rate field", () => {
  it("percent in, the exact fraction out: 4.5 → 0.045, -0.25 → -0.0025, 25 → 0.25, -5 → -0.05 (bounds included)", () => {
    const rate = (typed: string) => (schema.parse({ baseCurrency: "USD", timeZone: "UTC", riskFreeRatePercent: typed }) as { riskFreeRate?: string }).riskFreeRate;
    expect(rate("4.5")).toBe("0.045");
    expect(rate(" -0.25 ")).toBe("-0.0025");
    expect(rate("25")).toBe("0.25");
    expect(rate("-5")).toBe("-0.05");
    // 0.1 % is 0.001 exactly, not 0.0010000000000000002 as a float division gives.
    expect(rate("0.1")).toBe("0.001");
  });

  it("absent: the rate is left out (kept as stored)", () => {
    expect(schema.parse({ baseCurrency: "USD", timeZone: "UTC" })).not.toHaveProperty("riskFreeRate");
  });

  it("refuses 25.01, -5.01, a comma, an exponent and words, naming the field", () => {
    for (const typed of ["25.01", "-5.01", "4,5", "1e1", "four"]) {
      expect(message({ baseCurrency: "USD", timeZone: "UTC", riskFreeRatePercent: typed })).toEqual([
        ["riskFreeRatePercent", "Risk-free rate: a percentage a year from -5 to 25, such as 4.5"],
      ]);
    }
  });

  it("fraction ↔ percent round-trips exactly", () => {
    expect(fractionToPercent("0.0435")).toBe("4.35");
    expect(fractionToPercent("0")).toBe("0");
    expect(percentToFraction(fractionToPercent("-0.0125"))).toBe("-0.0125");
  });
});
