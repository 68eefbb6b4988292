// A running sync's progress, as plain values free of drizzle: the sync writes it on its
// batch row, the browser's zod schema (lib/read-models) reads the same vocabulary.

/** What a run reads from the venue, in the order it reads them. */
export const PROGRESS_STREAMS = ["portfolios", "accounts", "balances", "positions", "orders", "fills", "cash_flows", "quotes", "nav"] as const;
export type ProgressStream = (typeof PROGRESS_STREAMS)[number];

/** reading the venue → pricing what it could not price → writing (one transaction) → done | failed. */
export const PROGRESS_STAGES = ["reading", "pricing", "writing", "done", "failed"] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export const STREAM_STATES = ["pending", "running", "done", "failed"] as const;
export type StreamState = (typeof STREAM_STATES)[number];

export interface StreamProgress {
  stream: ProgressStream;
  state: StreamState;
  /** Items the stream returned; null until it is done. */
  items: number | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What the write stage is writing, known when it starts (the transaction shows nothing until it commits). */
export interface WritingProgress {
  balances: number;
  positions: number;
  orders: number;
  fills: number;
  nav: number;
  /** Absent on runs recorded before cash flows were read. */
  cashFlows?: number;
}

/** Wall-clock times (ISO): how long a person has been waiting, not the run's as-of clock. */
export interface SyncProgress {
  stage: ProgressStage;
  stageStartedAt: string;
  streams: StreamProgress[];
  /** Venue requests so far, where the connector's client counts them; else null. */
  requests: number | null;
  writing: WritingProgress | null;
  updatedAt: string;
  /**
   * What the venue holds that the run's connector does not read, in a person's words
   * (`ReadCoverage.notRead`): kept with the finished run, shown on the connection's page so
   * nothing goes missing silently. Absent when the connector left nothing out.
   */
  notRead?: string[];
}
