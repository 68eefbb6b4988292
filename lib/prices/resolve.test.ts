import { describe, expect, it } from "vitest";
import type { Quote } from "@/lib/connectors/types";
import type { ReferencePriceSource } from "./reference";
import { resolvePrices } from "./resolve";

const at = new Date("2026-11-20T10:00:00Z");
const q = (base: string, quote: string, price: string): Quote => ({ base, quote, price, at });

function source(quotes: Quote[]): ReferencePriceSource & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    name: "fake",
    asked,
    async usdQuotes(assets) {
      asked.push(assets);
      return quotes.filter((x) => assets.includes(x.base));
    },
  };
}

describe("resolvePrices", () => {
  it("a USDT-only venue: BTC 60000 USDT × USDT 0.9995 USD = 59970 USD; only USDT is asked", async () => {
    const ref = source([q("USDT", "USD", "0.9995")]);
    const r = await resolvePrices({ quotes: [q("BTC", "USDT", "60000")], needed: ["BTC", "USDT"], base: "USD", reference: ref });
    expect(r.prices).toEqual({ BTC: "59970", USDT: "0.9995" });
    expect(ref.asked).toEqual([["USDT"]]);
    expect(r.unpriced).toEqual([]);
  });

  it("an INR broker: RELIANCE 2900 INR × INR 0.012 USD = 34.8 USD", async () => {
    const r = await resolvePrices({
      quotes: [q("RELIANCE", "INR", "2900")],
      needed: ["RELIANCE", "INR"],
      base: "USD",
      reference: source([q("INR", "USD", "0.012")]),
    });
    expect(r.prices).toEqual({ RELIANCE: "34.8", INR: "0.012" });
  });

  it("a venue that prices everything itself never calls the reference", async () => {
    const ref = source([]);
    const r = await resolvePrices({ quotes: [q("BTC", "USD", "60000"), q("USDT", "USD", "1.0001")], needed: ["BTC", "USDT", "USD"], base: "USD", reference: ref });
    expect(ref.asked).toEqual([]);
    expect(r.prices).toEqual({ BTC: "60000", USDT: "1.0001" });
  });

  it("a failing reference leaves the assets unpriced (listed), never valued at 1 or 0", async () => {
    const lines: string[] = [];
    const failing: ReferencePriceSource = {
      name: "down",
      usdQuotes: async () => {
        throw new Error("fetch failed");
      },
    };
    const r = await resolvePrices({ quotes: [q("BTC", "USDT", "60000")], needed: ["BTC", "USDT"], base: "USD", reference: failing, log: (l) => lines.push(l) });
    expect(r.prices).toEqual({});
    expect(r.unpriced).toEqual(["BTC", "USDT"]);
    expect(lines).toEqual(["[prices] reference down failed for USDT: fetch failed", "[prices] reference down failed for BTC,USDT: fetch failed"]);
  });

  it("the venue's own BTC/USDT wins over a reference BTC/USD; an asset the venue does not quote comes from the reference", async () => {
    const ref = source([q("USDT", "USD", "1"), q("BTC", "USD", "99999"), q("LINK", "USD", "15.5")]);
    const r = await resolvePrices({ quotes: [q("BTC", "USDT", "60000")], needed: ["BTC", "USDT", "LINK"], base: "USD", reference: ref });
    expect(r.prices).toEqual({ BTC: "60000", USDT: "1", LINK: "15.5" });
    expect(ref.asked).toEqual([["USDT"], ["LINK"]]);
  });

  it("a EUR workspace: the reference's EUR/USD bridges USD prices; BTC 60000 USDT × 1 USD/USDT ÷ 1.25 = 48000 EUR, USD cash 0.8 EUR", async () => {
    const ref = source([q("USDT", "USD", "1"), q("EUR", "USD", "1.25")]);
    const r = await resolvePrices({ quotes: [q("BTC", "USDT", "60000")], needed: ["BTC", "USDT", "USD"], base: "EUR", reference: ref });
    expect(r.prices).toEqual({ BTC: "48000", USDT: "0.8", USD: "0.8" });
    expect(r.unpriced).toEqual([]);
    expect(ref.asked).toEqual([["EUR", "USDT"]]);
  });

  it("a EUR workspace whose reference has no EUR quote: the USD-valued assets stay unpriced, listed", async () => {
    const r = await resolvePrices({ quotes: [q("BTC", "USDT", "60000")], needed: ["BTC", "USDT"], base: "EUR", reference: source([q("USDT", "USD", "1")]) });
    expect(r.prices).toEqual({});
    expect(r.unpriced).toEqual(["BTC", "USDT"]);
  });

  it("no reference configured: the same, without asking anyone", async () => {
    const r = await resolvePrices({ quotes: [q("BTC", "USDT", "60000")], needed: ["BTC"], base: "USD", reference: null });
    expect(r.unpriced).toEqual(["BTC"]);
  });
});
