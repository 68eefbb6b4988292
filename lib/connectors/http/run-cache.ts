/**
 * One venue read shared by the streams of a sync run (accounts, balances and positions
 * often come from one answer), refreshed once `ttlMs` of the connector's clock has passed.
 * A read that failed is dropped at once, so the next call asks the venue again.
 */
export class RunCache<T> {
  private entry?: { at: number; value: Promise<T> };

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {}

  get(read: () => Promise<T>, fresh = false): Promise<T> {
    const t = this.now().getTime();
    if (!fresh && this.entry && t - this.entry.at <= this.ttlMs) return this.entry.value;
    const entry = { at: t, value: read() };
    this.entry = entry;
    entry.value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return entry.value;
  }
}
