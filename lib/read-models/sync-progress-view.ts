import { z } from "zod";
import { PROGRESS_STAGES, PROGRESS_STREAMS, STREAM_STATES, type ProgressStream, type SyncProgress } from "@/db/schema/sync-progress";
import type { SyncStatus } from "@/db/schema/sync-enums";

/** A run's progress as the API sends it (the batch row's progress document, validated). */
const iso = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

export const syncProgressSchema = z.object({
  stage: z.enum(PROGRESS_STAGES),
  stageStartedAt: iso,
  streams: z.array(
    z.object({
      stream: z.enum(PROGRESS_STREAMS),
      state: z.enum(STREAM_STATES),
      items: count.nullable(),
      startedAt: iso.nullable(),
      finishedAt: iso.nullable(),
    }),
  ),
  requests: count.nullable(),
  writing: z.object({ balances: count, positions: count, orders: count, fills: count, nav: count, cashFlows: count.optional() }).nullable(),
  updatedAt: iso,
});
export type SyncProgressView = z.infer<typeof syncProgressSchema>;

export const STREAM_LABELS: Record<ProgressStream, string> = {
  portfolios: "portfolios",
  accounts: "accounts",
  balances: "balances",
  positions: "positions",
  orders: "orders",
  fills: "fills",
  cash_flows: "cash flows",
  quotes: "prices",
  nav: "NAV",
};

export interface ProgressSummary {
  /** 0…1 of the run's steps: each stream, pricing, writing. A stream in flight counts half. */
  fraction: number;
  /** What is happening now, in words ("Reading fills · step 5 of 8"). */
  label: string;
  /** When what is happening now began (to show "for 12 s"); null when nothing is in flight. */
  since: string | null;
}

const n = (v: number) => v.toLocaleString("en-US");
const plural = (v: number, one: string, many = `${one}s`) => `${n(v)} ${v === 1 ? one : many}`;

/** What the write stage writes, largest part first: "10,000 orders, 9,812 fills, 9 balances". */
function writingList(w: NonNullable<SyncProgress["writing"]>): string {
  const parts: Array<[number, string]> = [
    [w.orders, plural(w.orders, "order")],
    [w.fills, plural(w.fills, "fill")],
    [w.balances, plural(w.balances, "balance")],
    [w.positions, plural(w.positions, "position")],
    [w.nav, plural(w.nav, "NAV point")],
    [w.cashFlows ?? 0, plural(w.cashFlows ?? 0, "cash flow")],
  ];
  const shown = parts.filter(([v]) => v > 0).map(([, text]) => text);
  return shown.length > 0 ? shown.join(", ") : "the snapshot";
}

/**
 * Where a run stands, for a progress bar and its caption. Pure: the list row, the run page
 * and the dashboard read the same words.
 */
export function progressSummary(status: SyncStatus, progress: SyncProgressView | null): ProgressSummary {
  if (status === "queued" || (!progress && status === "running")) return { fraction: 0, label: "Queued: waiting to start", since: null };
  if (!progress) return { fraction: status === "succeeded" || status === "partial" ? 1 : 0, label: status, since: null };
  const steps = progress.streams.length + 2;
  const finished = progress.streams.filter((s) => s.state === "done" || s.state === "failed").length;
  const running = progress.streams.find((s) => s.state === "running");
  switch (progress.stage) {
    case "reading": {
      const done = finished + (running ? 0.5 : 0);
      const step = Math.min(finished + 1, progress.streams.length);
      const what = running ? `Reading ${STREAM_LABELS[running.stream]}` : "Reading the venue";
      const requests = progress.requests !== null ? ` · ${plural(progress.requests, "request")}` : "";
      return { fraction: done / steps, label: `${what} · step ${step} of ${steps}${requests}`, since: running?.startedAt ?? progress.stageStartedAt };
    }
    case "pricing":
      return { fraction: (progress.streams.length + 0.5) / steps, label: `Pricing assets · step ${steps - 1} of ${steps}`, since: progress.stageStartedAt };
    case "writing":
      return {
        fraction: (progress.streams.length + 1.5) / steps,
        label: `Writing ${progress.writing ? writingList(progress.writing) : "the snapshot"} · step ${steps} of ${steps}`,
        since: progress.stageStartedAt,
      };
    case "done":
      return { fraction: 1, label: "Done", since: null };
    case "failed": {
      const failed = progress.streams.filter((s) => s.state === "failed").at(-1);
      const label = progress.writing ? "Failed while writing" : failed ? `Failed reading ${STREAM_LABELS[failed.stream]}` : "Failed";
      return { fraction: finished / steps, label, since: null };
    }
  }
}
