import { describe, expect, it } from "vitest";
import { honoursPortfolio, hrefWithPortfolio } from "./portfolio-pages";

const KEY = "connection:6f1c2a4e-1b2c-4d3e-8f90-123456789abc";

describe("hrefWithPortfolio", () => {
  it("carries the selection to the pages that honour it, and to none other", () => {
    expect(hrefWithPortfolio("/performance", KEY)).toBe(`/performance?portfolio=${encodeURIComponent(KEY)}`);
    expect(hrefWithPortfolio("/", KEY)).toBe(`/?portfolio=${encodeURIComponent(KEY)}`);
    expect(hrefWithPortfolio("/orders", KEY)).toBe("/orders");
    expect(hrefWithPortfolio("/funds?department=x", KEY)).toBe(`/funds?department=x&portfolio=${encodeURIComponent(KEY)}`);
  });
  it("the whole workspace needs no parameter", () => {
    expect(hrefWithPortfolio("/exposure", "all")).toBe("/exposure");
    expect(hrefWithPortfolio("/exposure", null)).toBe("/exposure");
  });
  it("a fund's own page is that fund whatever the selection; /connections is not a portfolio page", () => {
    expect(honoursPortfolio("/funds")).toBe(true);
    expect(honoursPortfolio("/funds/abc")).toBe(false);
    expect(honoursPortfolio("/connections")).toBe(false);
  });
});
