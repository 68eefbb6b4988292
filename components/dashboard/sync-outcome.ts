import type { SyncBatchView } from "@/lib/read-models/dashboard-schemas";

/**
 * What a person should read once a Resync's runs ended: the toast's tone and text. Kept
 * apart from the panel so every outcome is decided, and tested, in one place.
 */
export type SyncOutcome = { tone: "success" | "warning" | "error"; text: string };

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

export function syncOutcome(batches: Array<Pick<SyncBatchView, "status" | "error">>): SyncOutcome {
  if (batches.length === 0) return { tone: "warning", text: "Nothing to sync: add a connection first" };
  const failed = batches.filter((b) => b.status === "failed" || b.status === "stale");
  if (failed.length > 0) return { tone: "error", text: failed.map((b) => b.error ?? `sync ${b.status}`).join("; ") };
  const partial = batches.filter((b) => b.status === "partial");
  if (partial.length > 0) return { tone: "warning", text: `Synced, except ${partial.map((b) => b.error ?? "some data").join("; ")}` };
  if (batches.some((b) => b.status === "queued" || b.status === "running")) return { tone: "warning", text: "Still syncing; check back shortly" };
  return { tone: "success", text: `Synced ${plural(batches.length, "connection")}` };
}
