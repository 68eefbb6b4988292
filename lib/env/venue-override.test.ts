import { afterEach, describe, expect, it } from "vitest";
import { binanceBaseUrlOverride, oneTokenBaseUrl } from "./venue-override";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("venue base URL overrides (e2e only)", () => {
  it("unset: a 1Token tenant address is used as is, and Binance has no override", () => {
    delete process.env.VENUE_BASE_URL_ONETOKEN;
    delete process.env.VENUE_BASE_URL_BINANCE;
    expect(oneTokenBaseUrl("https://fund.1token.tech/api/v1")).toBe("https://fund.1token.tech/api/v1");
    expect(binanceBaseUrlOverride()).toBeUndefined();
  });

  it("set: the tenant's path moves to the override's origin (its own path dropped)", () => {
    process.env.VENUE_BASE_URL_ONETOKEN = "http://127.0.0.1:3102/ignored";
    expect(oneTokenBaseUrl("https://fund.1token.tech/api/v1/")).toBe("http://127.0.0.1:3102/api/v1");
  });

  it("a value that is not an http(s) URL is an error naming the variable", () => {
    process.env.VENUE_BASE_URL_ONETOKEN = "ftp://x";
    expect(() => oneTokenBaseUrl("https://fund.1token.tech/api/v1")).toThrow("VENUE_BASE_URL_ONETOKEN must be an http(s) URL");
  });
});
