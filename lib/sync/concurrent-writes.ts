/**
 * Writes of one transaction that do not depend on each other, issued without waiting for
 * one another. The statements still run one after another on the transaction's connection,
 * in the order they were sent, but the database works through them while this process
 * computes the next ones (diffs, hashes, valuations): on two cores the run takes about the
 * longer of the two instead of their sum.
 *
 * When one statement fails, PostgreSQL refuses every later one of the transaction with
 * "current transaction is aborted" (25P02); `settle` reports the failure that caused it.
 */
const ABORTED = "25P02";

const codeOf = (e: unknown): string | undefined => {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === "string") return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
};

export class ConcurrentWrites {
  private readonly pending: Promise<unknown>[] = [];

  /** Starts `work` now; its result is awaited by `settle` (and may be awaited directly). */
  start<T>(work: Promise<T>): Promise<T> {
    // Handled here so a failure never surfaces as an unhandled rejection before `settle`.
    work.catch(() => {});
    this.pending.push(work);
    return work;
  }

  /**
   * Lets the started statements reach the connection before work that does not yield:
   * the query builder takes a few promise hops, and postgres.js writes what they queued
   * on the next turn of the event loop, so one turn is not enough.
   */
  async flush(): Promise<void> {
    for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * Waits for every started write. Throws the root failure: `error` (the caller's own,
   * when it stopped early) unless it was only the transaction refusing work after an
   * earlier failure, in which case that earlier failure.
   */
  async settle(error?: unknown): Promise<void> {
    const results = await Promise.allSettled(this.pending);
    const failures = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    if (error !== undefined) failures.unshift(error);
    if (failures.length === 0) return;
    throw failures.find((f) => codeOf(f) !== ABORTED) ?? failures[0];
  }
}
