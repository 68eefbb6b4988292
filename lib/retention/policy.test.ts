import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { DEFAULT_RETENTION, retentionPolicy } from "./policy";

const base = { RETENTION: "on", RETENTION_FULL_DETAIL_DAYS: 30, RETENTION_HOURLY_DETAIL_DAYS: 365, RETENTION_RAW_RESPONSE_DAYS: 7 } as Env;

describe("retentionPolicy", () => {
  it("reads the environment's defaults as DEFAULT_RETENTION", () => {
    expect(retentionPolicy(base)).toEqual(DEFAULT_RETENTION);
  });

  it("RETENTION=off disables the task and keeps the figures", () => {
    expect(retentionPolicy({ ...base, RETENTION: "off" })).toEqual({ ...DEFAULT_RETENTION, enabled: false });
  });

  it("refuses an hourly horizon shorter than the full-detail window, naming both variables", () => {
    expect(() => retentionPolicy({ ...base, RETENTION_FULL_DETAIL_DAYS: 90, RETENTION_HOURLY_DETAIL_DAYS: 60 })).toThrow(
      "RETENTION_HOURLY_DETAIL_DAYS (60) must be at least RETENTION_FULL_DETAIL_DAYS (90)",
    );
  });
});
