import { describe, expect, it } from "vitest";
import { bucketStart } from "./rollup-buckets";

const at = (iso: string) => Date.parse(iso);

describe("bucketStart (UTC)", () => {
  it("10:37 falls in the 10:30 quarter, the 10:00 hour and the 06:00 six-hour bucket", () => {
    expect(new Date(bucketStart("15m", at("2026-11-20T10:37:12Z"))).toISOString()).toBe("2026-11-20T10:30:00.000Z");
    expect(new Date(bucketStart("1h", at("2026-11-20T10:37:12Z"))).toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(new Date(bucketStart("6h", at("2026-11-20T10:37:12Z"))).toISOString()).toBe("2026-11-20T06:00:00.000Z");
    expect(new Date(bucketStart("1d", at("2026-11-20T23:59:59Z"))).toISOString()).toBe("2026-11-20T00:00:00.000Z");
  });

  it("weeks start on Monday: Friday 2026-11-20 and Sunday 11-22 share Monday 11-16's bucket", () => {
    expect(new Date(bucketStart("1w", at("2026-11-20T10:00:00Z"))).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(new Date(bucketStart("1w", at("2026-11-22T23:00:00Z"))).toISOString()).toBe("2026-11-16T00:00:00.000Z");
    expect(new Date(bucketStart("1w", at("2026-11-23T00:00:00Z"))).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });
});
