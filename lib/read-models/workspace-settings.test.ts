import { describe, expect, it } from "vitest";
import { supportedTimeZones } from "@/lib/time/time-zones";
import { workspaceSettingsSchema } from "./workspace-settings";

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
