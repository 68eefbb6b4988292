import { describe, expect, it } from "vitest";
import { createDemoConnector } from "@/lib/connectors/demo";
import type { Connector, RequestStats } from "@/lib/connectors/types";
import { apiStats } from "./api-stats";

const demo = createDemoConnector({ seed: "s", now: () => new Date(0) });
const withStats = (stats: () => RequestStats): Connector =>
  Object.assign(Object.create(Object.getPrototypeOf(demo) as object) as Connector, demo, { requestStats: stats });

describe("apiStats", () => {
  it("a client that counts (Binance: 14 requests, spot weight 40, usdm 25) is recorded as it counted", () => {
    const stats = { requests: 14, byEndpoint: { "GET /api/v3/account": 1 }, usedWeight: { spot: 40, usdm: 25 } };
    expect(apiStats(withStats(() => stats), 6)).toEqual({
      apiCalls: 14,
      apiUsage: { byEndpoint: { "GET /api/v3/account": 1 }, usedWeight: { spot: 40, usdm: 25 } },
    });
  });

  it("a client that does not count falls back to the 6 responses captured, with no usage detail", () => {
    expect(apiStats(demo, 6)).toEqual({ apiCalls: 6, apiUsage: null });
  });

  it("a meter that throws does not fail the run: the captured count stands", () => {
    const broken = withStats(() => {
      throw new Error("meter broke");
    });
    expect(apiStats(broken, 3)).toEqual({ apiCalls: 3, apiUsage: null });
  });
});
