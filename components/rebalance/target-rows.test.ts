import { describe, expect, it } from "vitest";
import type { RebalancePreview } from "@/lib/rebalance/preview-schema";
import { initialRows, rowsSum } from "./target-rows";

const preview = (rows: Array<[string, string | null]>, targets: RebalancePreview["targets"] = []) =>
  ({
    targets,
    rows: rows.map(([asset, currentWeight]) => ({ asset, currentWeight })),
  }) as unknown as RebalancePreview;

describe("the target form's first rows", () => {
  it("saved targets, in percent: 0.5 / 0.025 → 50 / 2.5", () => {
    expect(initialRows(preview([], [{ asset: "BTC", weight: "0.5", band: "0.025" }, { asset: "ETH", weight: "0.5", band: "0.01" }]))).toEqual([
      { asset: "BTC", weight: "50", band: "2.5" },
      { asset: "ETH", weight: "50", band: "1" },
    ]);
  });

  it("none saved: today's weights to 0.01 %, 33.333… × 3 → 33.34 + 33.33 + 33.33 = 100 (the largest takes the rounding)", () => {
    const third = "0.3333333333333333333333333333333333333333";
    const rows = initialRows(preview([["BTC", third], ["ETH", third], ["SOL", third], ["DUST", null]]));
    expect(rows.map((r) => [r.asset, r.weight])).toEqual([
      ["BTC", "33.34"],
      ["ETH", "33.33"],
      ["SOL", "33.33"],
    ]);
    expect(rowsSum(rows)).toBe("100");
  });

  it("nothing held: one empty row; a non-number makes the sum unknown", () => {
    expect(initialRows(preview([]))).toEqual([{ asset: "", weight: "", band: "2" }]);
    expect(rowsSum([{ asset: "BTC", weight: "abc", band: "1" }])).toBeNull();
  });
});
