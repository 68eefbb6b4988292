import type { Exchange } from "ccxt";
import { type MarketCache, MarketIndex, type MarketInfo } from "./markets";
import type { VenueReader } from "./reader";

/**
 * One connector's view of its venue's markets. Binance and OKX load them the same way
 * (the process-wide `MarketCache` first, the venue otherwise) and meet the same problem:
 * a row can name a market listed after the cache was filled. This holds that policy once
 * so the two connectors cannot drift apart on it.
 */
export interface MarketLoaderOptions {
  exchange: Pick<Exchange, "markets" | "setMarkets" | "loadMarkets">;
  reader: VenueReader;
  cache: MarketCache;
  /** Cache key: venue and environment, since testnet and live list different markets. */
  key: string;
  /** Labels a failed load in errors (ccxt's loadMarkets may make several requests). */
  loadEndpoint: string;
}

export class MarketLoader {
  private index?: MarketIndex;
  private reloaded = false;

  constructor(private readonly o: MarketLoaderOptions) {}

  /** The markets if this connector has loaded them already; never triggers a load. */
  get loaded(): MarketIndex | undefined {
    return this.index;
  }

  async all(): Promise<MarketIndex> {
    if (this.index) return this.index;
    const ex = this.o.exchange;
    const cached = this.o.cache.get(this.o.key);
    if (cached) {
      // ccxt needs the markets on the instance too: its implicit calls resolve symbols there.
      ex.setMarkets(cached);
    } else {
      await this.o.reader.guard(this.o.loadEndpoint, () => ex.loadMarkets());
      this.o.cache.set(this.o.key, Object.values(ex.markets ?? {}));
    }
    this.index = MarketIndex.fromCcxt(Object.values(ex.markets ?? {}));
    return this.index;
  }

  /**
   * `lookup` over the markets; a miss reloads them from the venue, but only once per
   * connector, so rows naming a market the venue no longer lists cannot cost a reload each.
   */
  async find(lookup: (index: MarketIndex) => MarketInfo | undefined): Promise<MarketInfo | undefined> {
    const found = lookup(await this.all());
    if (found || this.reloaded) return found;
    this.reloaded = true;
    const ex = this.o.exchange;
    await this.o.reader.guard(this.o.loadEndpoint, () => ex.loadMarkets(true));
    this.o.cache.set(this.o.key, Object.values(ex.markets ?? {}));
    this.index = MarketIndex.fromCcxt(Object.values(ex.markets ?? {}));
    return lookup(this.index);
  }
}
