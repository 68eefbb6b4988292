/**
 * At most `maxPerProvider` syncs of one venue at a time in this process: many
 * connections on one exchange share its per-IP limits (Binance weights are per IP, not
 * per key), so they queue instead of bursting. Other venues are not held up. The
 * in-process twin of the Inngest per-provider throttle.
 */
export class ProviderLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();

  constructor(readonly maxPerProvider: number) {
    if (!Number.isInteger(maxPerProvider) || maxPerProvider < 1) throw new RangeError("maxPerProvider must be a positive integer");
  }

  async run<T>(provider: string, fn: () => Promise<T>): Promise<T> {
    await this.acquire(provider);
    try {
      return await fn();
    } finally {
      this.release(provider);
    }
  }

  running(provider: string): number {
    return this.active.get(provider) ?? 0;
  }

  queued(provider: string): number {
    return this.waiting.get(provider)?.length ?? 0;
  }

  private acquire(provider: string): Promise<void> {
    const n = this.running(provider);
    if (n < this.maxPerProvider) {
      this.active.set(provider, n + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(provider) ?? [];
      queue.push(resolve);
      this.waiting.set(provider, queue);
    });
  }

  private release(provider: string): void {
    const next = this.waiting.get(provider)?.shift();
    // The slot passes straight to the next waiter, so the count stays as it is.
    if (next) return next();
    const n = this.running(provider) - 1;
    if (n > 0) this.active.set(provider, n);
    else this.active.delete(provider);
    this.waiting.delete(provider);
  }
}
