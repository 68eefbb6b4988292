import { describe, expect, it } from "vitest";
import { seriesRequestSchema } from "./performance-series-schemas";

const fields = (query: Record<string, string>) => {
  const r = seriesRequestSchema.safeParse(query);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("seriesRequestSchema", () => {
  it("accepts local dates and a benchmark; the benchmark defaults to BTC", () => {
    expect(seriesRequestSchema.parse({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ from: "2026-11-01", to: "2026-11-30", benchmark: "BTC" });
    expect(seriesRequestSchema.parse({ from: "2026-11-01", to: "2026-11-01", benchmark: "none" }).benchmark).toBe("none");
  });

  it("names the field it refuses: a benchmark other than BTC, ETH or none; a date that is not YYYY-MM-DD; to before from; over 3,660 days", () => {
    expect(fields({ from: "2026-11-01", to: "2026-11-30", benchmark: "SOL" })).toEqual(["benchmark"]);
    expect(fields({ from: "1 Nov 2026", to: "2026-11-30" })).toEqual(["from"]);
    expect(fields({ from: "2026-11-01" })).toEqual(["to"]);
    expect(fields({ from: "2026-11-30", to: "2026-11-01" })).toEqual(["to"]);
    expect(fields({ from: "2016-11-01", to: "2026-11-30" })).toEqual(["to"]);
    expect(fields({ from: "2016-11-30", to: "2026-11-30" })).toEqual([]);
  });
});
