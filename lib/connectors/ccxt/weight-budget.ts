/**
 * Keeps a client under a share of a venue's per-minute request-weight budget, from the
 * used-weight the venue reports on every response (Binance `X-MBX-USED-WEIGHT-1M`).
 *
 * Binance counts weight per IP in fixed one-minute windows. Once what the venue last
 * reported for the current minute reaches `share × limit`, the next request waits for the
 * next minute instead of running into a 429 and, after repeated 429s, an IP ban (418).
 * Buckets are counted apart (spot, sapi, USDⓈ-M, COIN-M), as Binance does.
 */
export interface WeightBudgetOptions {
  /** 0 < share ≤ 1 of each bucket's limit this client may use. */
  share: number;
  /** Per-minute weight limit of each bucket. */
  limits: Record<string, number>;
  clock?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const MINUTE_MS = 60_000;
const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class WeightBudget {
  private readonly used = new Map<string, { weight: number; minute: number }>();
  private readonly clock: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Milliseconds spent waiting for a new minute, for logs and tests. */
  waitedMs = 0;

  constructor(private readonly o: WeightBudgetOptions) {
    if (!(o.share > 0 && o.share <= 1)) throw new RangeError("weight budget share must be in (0, 1]");
    this.clock = o.clock ?? Date.now;
    this.sleep = o.sleep ?? defaultSleep;
  }

  budget(bucket: string): number | undefined {
    const limit = this.o.limits[bucket];
    return limit === undefined ? undefined : Math.floor(limit * this.o.share);
  }

  /** Records the weight the venue says this minute has used so far. */
  observe(bucket: string, usedWeight: number): void {
    this.used.set(bucket, { weight: usedWeight, minute: Math.floor(this.clock() / MINUTE_MS) });
  }

  usedWeight(bucket: string): number {
    const u = this.used.get(bucket);
    if (!u || u.minute !== Math.floor(this.clock() / MINUTE_MS)) return 0;
    return u.weight;
  }

  /** Waits, if needed, until a request to `bucket` fits the budget again. */
  async reserve(bucket: string): Promise<void> {
    const budget = this.budget(bucket);
    if (budget === undefined || this.usedWeight(bucket) < budget) return;
    const now = this.clock();
    // A little past the boundary: the venue's minute and ours are not the same clock.
    const wait = (Math.floor(now / MINUTE_MS) + 1) * MINUTE_MS - now + 250;
    this.waitedMs += wait;
    await this.sleep(wait);
    this.used.delete(bucket);
  }
}
