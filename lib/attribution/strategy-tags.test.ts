import { describe, expect, it } from "vitest";
import { strategyFromClientOrderId as syncRule } from "@/lib/sync/strategy-tag";
import { clientOrderIdFor, strategyFromClientOrderId } from "./strategy-tags";

describe("strategyFromClientOrderId", () => {
  it.each([
    ["mm-btc:4221b", "binance", "mm-btc"],
    ["grid_eth:2026-11-20/7", "binance", "grid_eth"],
    ["x-R4BD3S82a1b2c3", "binance", null], // ccxt's broker-prefixed id: no colon, no tag
    ["mm-btc:", "binance", null], // nothing after the colon
    ["untagged:42", "binance", null], // reserved
    ["mmbtcX4221b", "okx", "mmbtc"],
    ["fx2X9", "okx", "fx2"],
    ["e847386590ce4dBCa1b2c3d4e5f6a7b8", "okx", null], // ccxt's OKX broker id: first capital is B, not X
    ["MMbtcX1", "okx", null], // the tag is lowercase
    ["mmbtcX", "okx", null], // nothing after the X
    ["mm-btc:4221b", "okx", null], // the colon rule is not OKX's
  ])("%s on %s → %s", (id, provider, expected) => {
    expect(strategyFromClientOrderId(id, provider)).toBe(expected);
  });

  it("without a provider the colon rule applies: 1–32 chars before the colon, a letter or digit first", () => {
    expect(strategyFromClientOrderId("a:b")).toBe("a");
    expect(strategyFromClientOrderId("-x:1")).toBeNull();
    expect(strategyFromClientOrderId("abc")).toBeNull();
    expect(strategyFromClientOrderId(`${"s".repeat(33)}:1`)).toBeNull();
    expect(strategyFromClientOrderId("mmbtcX1")).toBeNull();
  });

  it("the sync stores fills with this very rule (one implementation)", () => {
    expect(syncRule).toBe(strategyFromClientOrderId);
  });
});

describe("clientOrderIdFor (what a bot should send)", () => {
  it("Binance: mm-btc + 4221b → mm-btc:4221b (12 of 36 chars)", () => {
    expect(clientOrderIdFor("binance", "mm-btc", "4221b")).toBe("mm-btc:4221b");
  });

  it("OKX: mmbtc + 4221b → mmbtcX4221b, which parses back to mmbtc", () => {
    const id = clientOrderIdFor("okx", "mmbtc", "4221b");
    expect(id).toBe("mmbtcX4221b");
    expect(strategyFromClientOrderId(id, "okx")).toBe("mmbtc");
  });

  it("OKX refuses a dash (not alphanumeric) and a 33-character id", () => {
    expect(() => clientOrderIdFor("okx", "mm-btc", "1")).toThrow(RangeError);
    expect(() => clientOrderIdFor("okx", "mmbtc", "a".repeat(27))).toThrow("at most 32");
  });

  it("Binance refuses 37 characters: a 30-char tag + ':' + 6", () => {
    expect(() => clientOrderIdFor("binance", "s".repeat(30), "123456")).toThrow("at most 36");
  });
});
