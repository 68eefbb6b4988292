import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderEquityPng, renderEquitySvg } from "./equity-chart";

const points = [
  { at: "2026-11-01T00:00:00Z", equity: "100000" },
  { at: "2026-11-02T00:00:00Z", equity: "101000.5" },
  { at: "2026-11-03T00:00:00Z", equity: null },
  { at: "2026-11-04T00:00:00Z", equity: "99000" },
  { at: "2026-11-05T00:00:00Z", equity: "102000" },
];

describe("equity chart", () => {
  it("draws one polyline per measured stretch (a null point breaks the line) and labels the extremes", () => {
    const svg = renderEquitySvg(points, { title: "Equity <30D>", currency: "USD" });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain(">102,000<");
    expect(svg).toContain(">99,000<");
    expect(svg).toContain("Equity &#60;30D&#62; (USD)");
  });

  it("rasterises to an 800×400 PNG", async () => {
    const png = await renderEquityPng(points, { title: "Equity 30D", currency: "USD" });
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([800, 400, "png"]);
  });

  it("says so when nothing was recorded", () => {
    expect(renderEquitySvg([], { title: "Equity 30D", currency: "USD" })).toContain("No equity recorded");
  });
});
