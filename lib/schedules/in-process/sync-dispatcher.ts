import type { ProviderId } from "@/lib/connectors/types";
import type { ProviderLimiter } from "./provider-limiter";

export interface DispatchTarget {
  workspaceId: string;
  connectionId: string;
  provider: ProviderId;
  /** The due time planned (see ScheduledSyncTarget.dueAt). */
  dueAt?: Date;
}

export interface SyncDispatcherOptions {
  /** One attempt of one background sync. */
  run: (target: DispatchTarget) => Promise<unknown>;
  limiter: ProviderLimiter;
  now: () => Date;
  /** The wait before retry `attempt` (1 = first retry) after `error`, or null to stop. */
  retryDelayMs: (error: unknown, attempt: number) => number | null;
  /** The last attempt failed; the error is the sync's, already recorded by it. */
  onFailure: (target: DispatchTarget, error: unknown, attempts: number) => void;
}

interface Pending {
  /** Set while the sync waits for its start time or its next retry; null while an attempt runs. */
  timer: ReturnType<typeof setTimeout> | null;
  cancelled: boolean;
  settle: () => void;
  done: Promise<void>;
}

/**
 * Starts background syncs at their due time, each attempt through the per-provider
 * limiter (a retry's wait holds no slot), retrying as the failure policy says, and at
 * most one per connection: a connection whose sync is waiting, running or retrying is not
 * dispatched again. The in-process twin of the fan-out event (its id dedupes), the
 * per-connection concurrency key, the venue throttle and the retries of Inngest.
 */
export class SyncDispatcher {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly o: SyncDispatcherOptions) {}

  /** Schedules a sync to start at `startAt` (at once when absent or past). False when one is already pending. */
  dispatch(target: DispatchTarget, startAt?: Date): boolean {
    if (this.pending.has(target.connectionId)) return false;
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    const entry: Pending = { timer: null, cancelled: false, settle, done };
    this.pending.set(target.connectionId, entry);
    const delay = startAt ? startAt.getTime() - this.o.now().getTime() : 0;
    this.wait(entry, delay, () => this.attempt(target, entry, 0));
    return true;
  }

  isPending(connectionId: string): boolean {
    return this.pending.has(connectionId);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Resolves once every sync dispatched so far has finished (or been cancelled). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending.values()].map((p) => p.done));
  }

  /** Cancels syncs waiting for their start or their next retry; a running attempt finishes (`idle()` waits for it). */
  cancelWaiting(): void {
    for (const [id, entry] of this.pending) {
      entry.cancelled = true;
      if (entry.timer === null) continue;
      clearTimeout(entry.timer);
      entry.timer = null;
      this.finish(id, entry);
    }
  }

  private wait(entry: Pending, ms: number, then: () => void): void {
    entry.timer = setTimeout(() => {
      entry.timer = null;
      then();
    }, Math.max(0, ms));
  }

  private attempt(target: DispatchTarget, entry: Pending, retriesDone: number): void {
    this.o.limiter.run(target.provider, () => this.o.run(target)).then(
      () => this.finish(target.connectionId, entry),
      (error: unknown) => {
        const delay = entry.cancelled ? null : this.o.retryDelayMs(error, retriesDone + 1);
        if (delay === null) {
          this.o.onFailure(target, error, retriesDone + 1);
          this.finish(target.connectionId, entry);
          return;
        }
        this.wait(entry, delay, () => this.attempt(target, entry, retriesDone + 1));
      },
    );
  }

  private finish(connectionId: string, entry: Pending): void {
    if (this.pending.get(connectionId) === entry) this.pending.delete(connectionId);
    entry.settle();
  }
}
