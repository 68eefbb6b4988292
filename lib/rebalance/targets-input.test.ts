import { describe, expect, it } from "vitest";
import { fractionOf, percentOf, saveTargetsSchema } from "./targets-input";

const parse = (targets: Array<{ asset: string; weight: string; band: string }>, portfolio = "all") => saveTargetsSchema.safeParse({ portfolio, targets });
const firstIssue = (r: ReturnType<typeof parse>) => (r.success ? null : { path: r.error.issues[0]!.path.join("."), message: r.error.issues[0]!.message });

describe("the target form's schema (client and action)", () => {
  it("accepts 60 + 40 = 100 %, upper-cases assets and parses the selection", () => {
    const r = parse([{ asset: " btc ", weight: "60", band: "5" }, { asset: "ETH", weight: "40", band: "2.5" }], "connection:0b0cf7a5-8f43-4f68-9a55-2d2b0e6c8a11");
    expect(r.success && r.data).toMatchObject({ portfolio: { kind: "connection" }, targets: [{ asset: "BTC", weight: "60" }, { asset: "ETH" }] });
  });

  it("refuses 60 + 30 = 90 %, on the last weight field, with the sum and the tolerance", () => {
    expect(firstIssue(parse([{ asset: "BTC", weight: "60", band: "5" }, { asset: "ETH", weight: "30", band: "5" }]))).toEqual({
      path: "targets.1.weight",
      message: "Target weights sum to 90 %; they must sum to 100 % (± 0.01 %)",
    });
  });

  it("accepts 99.995 % and 100.01 % (inside ± 0.01), refuses 100.011 %", () => {
    expect(parse([{ asset: "BTC", weight: "59.995", band: "0" }, { asset: "ETH", weight: "40", band: "0" }]).success).toBe(true);
    expect(parse([{ asset: "BTC", weight: "60.01", band: "0" }, { asset: "ETH", weight: "40", band: "0" }]).success).toBe(true);
    expect(parse([{ asset: "BTC", weight: "60.011", band: "0" }, { asset: "ETH", weight: "40", band: "0" }]).success).toBe(false);
  });

  it("refuses a negative weight on its own field (−10 + 110 = 100 would otherwise pass)", () => {
    expect(firstIssue(parse([{ asset: "BTC", weight: "-10", band: "1" }, { asset: "ETH", weight: "110", band: "1" }]))).toEqual({
      path: "targets.0.weight",
      message: "Target weight must not be negative",
    });
  });

  it("names a bad band, a non-number, a duplicate asset and a bad selection", () => {
    expect(firstIssue(parse([{ asset: "BTC", weight: "100", band: "-1" }]))).toEqual({ path: "targets.0.band", message: "Tolerance band must not be negative" });
    expect(firstIssue(parse([{ asset: "BTC", weight: "abc", band: "1" }]))).toEqual({ path: "targets.0.weight", message: "Target weight must be a number (in %)" });
    expect(firstIssue(parse([{ asset: "BTC", weight: "50", band: "1" }, { asset: "btc", weight: "50", band: "1" }]))).toEqual({ path: "targets.1.asset", message: "BTC is listed twice (rows 1 and 2)" });
    expect(firstIssue(parse([{ asset: "BTC", weight: "100", band: "1" }], "connection:nope"))?.path).toBe("portfolio");
  });

  it("stores percent as fractions and back: 40 ↔ 0.4, 2.5 ↔ 0.025", () => {
    expect([fractionOf("40"), fractionOf("2.5"), percentOf("0.4"), percentOf("0.025")]).toEqual(["0.4", "0.025", "40", "2.5"]);
  });
});
