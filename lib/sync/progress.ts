import type { Db } from "@/db/client";
import { saveSyncProgress } from "@/db/queries/sync-batches";
import type { ProgressStage, ProgressStream, SyncProgress, WritingProgress } from "@/db/schema";
import { redact } from "@/lib/security/redact";

/** What fetchVenueState tells as it reads: one call when a stream starts, one when it ends. */
export interface FetchProgress {
  streamStarted(stream: ProgressStream): void;
  streamDone(stream: ProgressStream, items: number): void;
  streamFailed(stream: ProgressStream): void;
}

/** At most one progress write this often; stage changes and stream ends wait for it too. */
export const PROGRESS_MIN_INTERVAL_MS = 250;
/** While a stream is in flight (a long Flex statement), the request count is looked at this often. */
export const PROGRESS_HEARTBEAT_MS = 1_000;

/**
 * Records a run's progress on its batch row as it reads, so a person watching /syncs sees
 * which streams are done and which is in flight, from any process (an Inngest worker, the
 * server). The state lives here; the row gets a copy at most every 250 ms, one write at a
 * time, the latest state winning, and never inside the run's transaction: the recorder
 * is stopped before the writes begin, and a progress write that fails is logged and
 * forgotten (progress must never fail a sync).
 *
 * Why the database and not an in-memory registry: a run may execute in another process
 * than the page that watches it (Inngest, several servers on PostgreSQL), and a jsonb
 * update of one row a few times a second costs less than a second channel would.
 */
export class ProgressRecorder implements FetchProgress {
  private state: SyncProgress;
  private lastWriteMs = 0;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private stopped = false;
  private warned = false;

  constructor(
    private readonly db: Db,
    private readonly batchId: string,
    streams: readonly ProgressStream[],
    private readonly opts: { clock?: () => Date; requests?: () => number | null; minIntervalMs?: number; heartbeatMs?: number } = {},
  ) {
    const now = this.now();
    this.state = {
      stage: "reading",
      stageStartedAt: now,
      streams: streams.map((stream) => ({ stream, state: "pending", items: null, startedAt: null, finishedAt: null })),
      requests: this.requests(),
      writing: null,
      updatedAt: now,
    };
  }

  /** The progress as it stands (what markSyncBatchRunning and the final record carry). */
  snapshot(): SyncProgress {
    return structuredClone(this.state);
  }

  /** Starts the heartbeat that keeps a long read visibly alive. */
  start(): void {
    const every = this.opts.heartbeatMs ?? PROGRESS_HEARTBEAT_MS;
    this.heartbeat = setInterval(() => this.touch(), every);
    this.heartbeat.unref?.();
  }

  streamStarted(stream: ProgressStream): void {
    this.updateStream(stream, { state: "running", startedAt: this.now() });
  }

  streamDone(stream: ProgressStream, items: number): void {
    this.updateStream(stream, { state: "done", items, finishedAt: this.now() });
  }

  streamFailed(stream: ProgressStream): void {
    this.updateStream(stream, { state: "failed", finishedAt: this.now() });
  }

  stage(stage: Extract<ProgressStage, "pricing">): void {
    this.setStage(stage);
    this.schedule();
  }

  /**
   * Enters the write stage and waits until the row says so, with nothing left in flight:
   * the run's transaction starts after this, and no progress write may queue behind it.
   */
  async beginWriting(writing: WritingProgress): Promise<void> {
    this.setStage("writing");
    this.state.writing = writing;
    this.stopTimers();
    // Stopped first, so nothing reschedules behind this last write.
    this.stopped = true;
    await this.flushNow();
  }

  /** The record a finished run keeps: every stream as it ended, the stage done or failed. */
  finish(outcome: "done" | "failed"): SyncProgress {
    this.stopTimers();
    this.stopped = true;
    for (const s of this.state.streams) {
      if (s.state === "running" && outcome === "failed") Object.assign(s, { state: "failed", finishedAt: this.now() });
    }
    this.setStage(outcome);
    return this.snapshot();
  }

  /** Waits for a write in flight (a failed run records its end after it). */
  async settle(): Promise<void> {
    this.stopTimers();
    this.stopped = true;
    await this.writing;
  }

  private updateStream(stream: ProgressStream, change: Partial<SyncProgress["streams"][number]>): void {
    const s = this.state.streams.find((x) => x.stream === stream);
    if (!s) return;
    Object.assign(s, change);
    this.schedule();
  }

  private setStage(stage: ProgressStage): void {
    this.state.stage = stage;
    this.state.stageStartedAt = this.now();
  }

  /** A heartbeat writes only when the venue's request count moved: elapsed time is counted by the watcher. */
  private touch(): void {
    if (this.state.stage === "reading" && this.requests() !== this.state.requests) this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.writing || this.timer) return;
    const wait = this.lastWriteMs + (this.opts.minIntervalMs ?? PROGRESS_MIN_INTERVAL_MS) - Date.now();
    if (wait <= 0) void this.write();
    else {
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.write();
      }, wait);
      this.timer.unref?.();
    }
  }

  private async flushNow(): Promise<void> {
    await this.writing;
    this.dirty = true;
    await this.write();
  }

  private write(): Promise<void> {
    if (!this.dirty) return Promise.resolve();
    this.dirty = false;
    this.state.requests = this.requests();
    this.state.updatedAt = this.now();
    this.lastWriteMs = Date.now();
    const progress = this.snapshot();
    this.writing = saveSyncProgress(this.db, { batchId: this.batchId, progress })
      .catch((e: unknown) => {
        if (!this.warned) console.warn(`[sync] progress of batch ${this.batchId} not recorded: ${redact(e instanceof Error ? e.message : String(e))}`);
        this.warned = true;
      })
      .finally(() => {
        this.writing = null;
        if (this.dirty && !this.stopped) this.schedule();
      });
    return this.writing;
  }

  private stopTimers(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.timer = null;
    this.heartbeat = null;
  }

  private now(): string {
    return (this.opts.clock?.() ?? new Date()).toISOString();
  }

  private requests(): number | null {
    try {
      return this.opts.requests?.() ?? null;
    } catch {
      return null;
    }
  }
}
