import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLosslessJson } from "../http/lossless-json";
import { historicalNavSchema } from "./schemas";
import { dateToNs, nsToDate, toNavPoints } from "./transform";

const sample = readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), "fixtures", "historical-nav.sample.json"), "utf8");

describe("1Token NAV transform", () => {
  const rows = historicalNavSchema.parse(parseLosslessJson(sample)).result.historical_nav;

  it("parses nanosecond times as BigInt without losing the last digits", () => {
    expect(rows.map((r) => r.snapshot_time)).toEqual([1793577600123456789n, 1793491200000000000n, 1793664000000000000n]);
    expect(Number.MAX_SAFE_INTEGER < 1793577600123456789).toBe(true);
  });

  it("orders points by time and derives net (per unit) and gross (PnL over assets) returns", () => {
    const points = toNavPoints(rows);
    expect(points.map((p) => [p.snapshotId, p.at.toISOString(), p.netAssets, p.navPerUnit, p.netReturn, p.grossReturn])).toEqual([
      ["fund/h47z03@1793491200000000000", "2026-11-01T00:00:00.000Z", "1000000", "1", undefined, undefined],
      ["fund/h47z03@1793577600123456789", "2026-11-02T00:00:00.123Z", "1000500.25", "1.0005", "0.0005", "0.00050025"],
      ["fund/h47z03@1793664000000000000", "2026-11-03T00:00:00.000Z", "1001501.000750075", "1.0015", "0.00099950025", "0.001000250375"],
    ]);
  });

  it("keeps a JSON-safe raw row with the exact nanosecond digits", () => {
    const raw = toNavPoints(rows)[1]!.raw as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(raw))).toMatchObject({ snapshot_time: "1793577600123456789", net_assets: "1000500.25" });
  });

  it("converts between Date and nanoseconds exactly at millisecond resolution", () => {
    expect(dateToNs(new Date("2026-11-01T00:00:00.123Z"))).toBe(1793491200123000000n);
    expect(nsToDate(1793491200123999999n).toISOString()).toBe("2026-11-01T00:00:00.123Z");
  });
});
