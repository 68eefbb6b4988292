import { describe, expect, it } from "vitest";
import { MarketLoader } from "./market-loader";
import { MarketCache } from "./markets";
import { VenueReader } from "./reader";

function market(id: string) {
  return { id, symbol: `${id}/USDT`, base: id, quote: "USDT", type: "spot", spot: true, swap: false, future: false, info: {} };
}

/** Stands in for a ccxt instance: each loadMarkets lists what `listing` holds then. */
function fakeExchange(listing: Array<ReturnType<typeof market>>) {
  const ex = {
    markets: {} as Record<string, unknown>,
    loads: [] as boolean[],
    setMarkets(ms: unknown[]) {
      ex.markets = Object.fromEntries((ms as Array<{ symbol: string }>).map((m) => [m.symbol, m]));
      return ex.markets;
    },
    async loadMarkets(reload = false) {
      ex.loads.push(reload);
      return ex.setMarkets([...listing]);
    },
  };
  return ex;
}

const reader = new VenueReader({ provider: "test", secrets: [], now: () => new Date(0), defaultRetryAfterSeconds: 1, timeoutMs: 1000 });

function loader(ex: ReturnType<typeof fakeExchange>, cache: MarketCache) {
  // The fake covers only what the loader touches of a ccxt instance.
  const exchange = ex as unknown as ConstructorParameters<typeof MarketLoader>[0]["exchange"];
  return new MarketLoader({ exchange, reader, cache, key: "test:live", loadEndpoint: "GET markets" });
}

describe("MarketLoader", () => {
  it("loads once, fills the shared cache, and a second connector takes the markets from it", async () => {
    const cache = new MarketCache();
    const first = fakeExchange([market("BTC")]);
    expect(loader(first, cache).loaded).toBeUndefined();
    const a = loader(first, cache);
    expect((await a.all()).bySymbol("BTC/USDT")?.id).toBe("BTC");
    await a.all();
    expect(first.loads).toEqual([false]);

    const second = fakeExchange([]);
    expect((await loader(second, cache).all()).bySymbol("BTC/USDT")?.id).toBe("BTC");
    expect(second.loads).toEqual([]);
    expect(Object.keys(second.markets)).toEqual(["BTC/USDT"]);
  });

  it("a miss reloads from the venue once, then misses stay misses without another request", async () => {
    const cache = new MarketCache();
    const listing = [market("BTC")];
    const ex = fakeExchange(listing);
    const l = loader(ex, cache);
    await l.all();
    listing.push(market("NEW"));
    expect((await l.find((ix) => ix.bySymbol("NEW/USDT")))?.id).toBe("NEW");
    expect(cache.get("test:live")).toHaveLength(2);
    expect(await l.find((ix) => ix.bySymbol("GONE/USDT"))).toBeUndefined();
    expect(ex.loads).toEqual([false, true]);
  });
});
