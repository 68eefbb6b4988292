import { z } from "zod";

/**
 * Markets are the largest and slowest-changing thing a ccxt venue loads (Binance's spot
 * exchangeInfo alone weighs 20). They are loaded once per venue and environment and kept
 * for an hour across connector instances, so a scheduled sync every few minutes does not
 * pay for them again. The cache runs on the real clock: market freshness is about wall
 * time, not the (possibly simulated) clock a connector reads venue state at.
 */
export class MarketCache {
  private readonly entries = new Map<string, { markets: unknown[]; loadedAt: number }>();

  constructor(
    private readonly ttlMs = 3_600_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): unknown[] | undefined {
    const e = this.entries.get(key);
    if (!e || this.clock() - e.loadedAt > this.ttlMs) return undefined;
    return e.markets;
  }

  set(key: string, markets: unknown[]): void {
    this.entries.set(key, { markets, loadedAt: this.clock() });
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The process-wide cache the factory-built connectors share. */
export const sharedMarketCache = new MarketCache();

/** The fields of a ccxt unified market this project reads; ccxt types markets as `any`. */
const marketSchema = z.object({
  id: z.string().min(1),
  symbol: z.string().min(1),
  base: z.string().min(1),
  quote: z.string().min(1),
  settle: z.string().nullish(),
  type: z.string(),
  spot: z.boolean(),
  swap: z.boolean(),
  future: z.boolean(),
  linear: z.boolean().nullish(),
  inverse: z.boolean().nullish(),
  info: z.record(z.string(), z.unknown()),
});

export type MarketInfo = z.infer<typeof marketSchema>;

export type MarketKind = "spot" | "linear" | "inverse";

export function marketKind(m: MarketInfo): MarketKind {
  if (m.spot) return "spot";
  return m.inverse ? "inverse" : "linear";
}

/** Lookups over one venue's loaded markets. Ids can repeat across kinds (Binance "BTCUSDT"). */
export class MarketIndex {
  private readonly bySymbolMap = new Map<string, MarketInfo>();
  private readonly byKindId = new Map<string, MarketInfo>();

  constructor(readonly markets: readonly MarketInfo[]) {
    for (const m of markets) {
      this.bySymbolMap.set(m.symbol, m);
      this.byKindId.set(`${marketKind(m)}:${m.id}`, m);
    }
  }

  /** Parses ccxt's market objects; markets of a shape we cannot read are skipped. */
  static fromCcxt(markets: Iterable<unknown>): MarketIndex {
    const parsed: MarketInfo[] = [];
    for (const m of markets) {
      const r = marketSchema.safeParse(m);
      if (r.success) parsed.push(r.data);
    }
    return new MarketIndex(parsed);
  }

  bySymbol(symbol: string): MarketInfo | undefined {
    return this.bySymbolMap.get(symbol);
  }

  byId(id: string, kind: MarketKind): MarketInfo | undefined {
    return this.byKindId.get(`${kind}:${id}`);
  }

  /** The first id match among the given kinds (OKX ids are unique across kinds). */
  byAnyId(id: string, kinds: readonly MarketKind[] = ["spot", "linear", "inverse"]): MarketInfo | undefined {
    for (const k of kinds) {
      const m = this.byId(id, k);
      if (m) return m;
    }
    return undefined;
  }

  spotPair(base: string, quote: string): MarketInfo | undefined {
    const m = this.bySymbolMap.get(`${base}/${quote}`);
    return m?.spot ? m : undefined;
  }
}
