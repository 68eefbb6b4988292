import type { ObservedResponse } from "./strict";

/** Counts the HTTP requests one connector made, per "METHOD /path", for logs and cost reports. */
export class RequestMeter {
  private readonly counts = new Map<string, number>();
  total = 0;

  record(r: ObservedResponse): void {
    const key = `${r.method} ${r.url.pathname}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.total += 1;
  }

  byEndpoint(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
  }
}
