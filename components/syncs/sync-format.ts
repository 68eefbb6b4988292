import type { SyncStatus } from "@/db/schema/sync-enums";
import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";

/** How a run's status reads at a glance: colour plus the word itself, never colour alone. */
export function statusTone(status: SyncStatus): "good" | "warn" | "bad" | "neutral" {
  if (status === "succeeded") return "good";
  if (status === "partial") return "warn";
  if (status === "failed" || status === "stale") return "bad";
  return "neutral";
}

export const isOpenStatus = (status: SyncStatus) => status === "queued" || status === "running";

/** "850 ms", "1.4 s", "2 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(Math.round(ms / 100) / 10).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}

const n = (v: number) => v.toLocaleString("en-US");

/**
 * What a run wrote, as short parts for a table cell ("+4 orders", "1 changed", "6 events",
 * "12 fills", "3 NAV", "snapshot"); only what is not zero.
 */
export function countParts(counts: SyncBatchView["counts"]): string[] {
  if (!counts) return [];
  const parts: string[] = [];
  if (counts.ordersNew > 0) parts.push(`+${n(counts.ordersNew)} orders`);
  if (counts.ordersChanged > 0) parts.push(`${n(counts.ordersChanged)} changed`);
  if (counts.orderEvents > 0) parts.push(`${n(counts.orderEvents)} events`);
  if (counts.fills > 0) parts.push(`${n(counts.fills)} fills`);
  if ((counts.valuations ?? 0) > 0) parts.push(`${n(counts.valuations!)} NAV`);
  if (counts.snapshots > 0) parts.push(counts.snapshots === 1 ? "snapshot" : `${n(counts.snapshots)} snapshots`);
  return parts;
}

/** The venue's reported request weight, per bucket: "1m: 1,240". */
export function weightText(weight: Record<string, number> | null): string | null {
  if (!weight) return null;
  const entries = Object.entries(weight);
  return entries.length > 0 ? entries.map(([bucket, used]) => `${bucket}: ${n(used)}`).join(", ") : null;
}
