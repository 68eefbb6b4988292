import { describe, expect, it } from "vitest";
import { bucketStart, nextBucketStart } from "./rollup-buckets";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("bucketStart (UTC)", () => {
  it("10:37 falls in the 10:30 quarter, the 10:00 hour and the 06:00 six-hour bucket", () => {
    expect(iso(bucketStart("15m", at("2026-11-20T10:37:12Z"), "UTC"))).toBe("2026-11-20T10:30:00.000Z");
    expect(iso(bucketStart("1h", at("2026-11-20T10:37:12Z"), "UTC"))).toBe("2026-11-20T10:00:00.000Z");
    expect(iso(bucketStart("6h", at("2026-11-20T10:37:12Z"), "UTC"))).toBe("2026-11-20T06:00:00.000Z");
    expect(iso(bucketStart("1d", at("2026-11-20T23:59:59Z"), "UTC"))).toBe("2026-11-20T00:00:00.000Z");
  });

  it("weeks start on Monday: Friday 2026-11-20 and Sunday 11-22 share Monday 11-16's bucket", () => {
    expect(iso(bucketStart("1w", at("2026-11-20T10:00:00Z"), "UTC"))).toBe("2026-11-16T00:00:00.000Z");
    expect(iso(bucketStart("1w", at("2026-11-22T23:00:00Z"), "UTC"))).toBe("2026-11-16T00:00:00.000Z");
    expect(iso(bucketStart("1w", at("2026-11-23T00:00:00Z"), "UTC"))).toBe("2026-11-23T00:00:00.000Z");
  });
});

describe("bucketStart in the workspace's zone", () => {
  it("sub-day buckets stay on the UTC clock in any zone", () => {
    for (const zone of ["Asia/Kolkata", "Asia/Kathmandu", "Europe/London"]) {
      expect(iso(bucketStart("6h", at("2026-11-20T10:37:12Z"), zone))).toBe("2026-11-20T06:00:00.000Z");
      expect(iso(bucketStart("15m", at("2026-11-20T10:37:12Z"), zone))).toBe("2026-11-20T10:30:00.000Z");
    }
  });

  it("Europe/London around 2026-03-29: the 1d bucket of that Sunday is 23 h, the next starts at 23:00Z", () => {
    const start = bucketStart("1d", at("2026-03-29T22:59:59Z"), "Europe/London");
    expect(iso(start)).toBe("2026-03-29T00:00:00.000Z");
    expect(iso(nextBucketStart("1d", start, "Europe/London"))).toBe("2026-03-29T23:00:00.000Z");
    expect(iso(bucketStart("1d", at("2026-03-29T23:00:00Z"), "Europe/London"))).toBe("2026-03-29T23:00:00.000Z");
  });

  it("Europe/London around 2026-10-25: that Sunday's bucket runs 24 Oct 23:00Z – 26 Oct 00:00Z (25 h)", () => {
    const start = bucketStart("1d", at("2026-10-25T23:30:00Z"), "Europe/London");
    expect(iso(start)).toBe("2026-10-24T23:00:00.000Z");
    expect(iso(nextBucketStart("1d", start, "Europe/London"))).toBe("2026-10-26T00:00:00.000Z");
    // The week of the change: Monday 19 Oct 00:00 BST to Monday 26 Oct 00:00 GMT, 169 h.
    const week = bucketStart("1w", at("2026-10-25T12:00:00Z"), "Europe/London");
    expect(iso(week)).toBe("2026-10-18T23:00:00.000Z");
    expect((nextBucketStart("1w", week, "Europe/London") - week) / 3_600_000).toBe(169);
  });

  it("Asia/Kolkata (+05:30) and Asia/Kathmandu (+05:45): days start at 18:30Z and 18:15Z", () => {
    expect(iso(bucketStart("1d", at("2026-11-20T18:29:00Z"), "Asia/Kolkata"))).toBe("2026-11-19T18:30:00.000Z");
    expect(iso(bucketStart("1d", at("2026-11-20T18:30:00Z"), "Asia/Kolkata"))).toBe("2026-11-20T18:30:00.000Z");
    expect(iso(bucketStart("1d", at("2026-11-20T18:20:00Z"), "Asia/Kathmandu"))).toBe("2026-11-20T18:15:00.000Z");
    // Monday 23 Nov in Kathmandu begins on Sunday 22 Nov at 18:15Z.
    expect(iso(bucketStart("1w", at("2026-11-22T18:15:00Z"), "Asia/Kathmandu"))).toBe("2026-11-22T18:15:00.000Z");
  });
});
