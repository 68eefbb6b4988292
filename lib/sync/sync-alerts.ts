import type { Db } from "@/db/client";
import type { AlertInput } from "@/db/queries/alerts";
import { resolveAlerts } from "@/db/queries/alerts";
import type { ConnectionHealth } from "@/db/queries/connections";
import type { FailedStream } from "@/db/schema";
import { raiseAlert, type WebhookConfig } from "@/lib/alerts/notify";
import { webhookFromEnv } from "@/lib/alerts/webhook-config";
import { redact } from "@/lib/security/redact";

/**
 * A transient failure (a 503, a rate limit) alerts from the second in a row: one blip that
 * the next run repairs is not worth waking anyone. Anything else alerts at once.
 */
export const TRANSIENT_FAILURES_BEFORE_ALERT = 2;

export interface AlertContext {
  db: Db;
  ownerId: string;
  connectionId: string;
  label: string;
  batchId: string;
  at: Date;
  webhook: WebhookConfig | undefined;
}

/**
 * The webhook a run alerts through: the one given (null: none), else the environment's.
 * A broken environment costs the webhook, never the run.
 */
export function resolveWebhook(option: WebhookConfig | null | undefined): WebhookConfig | undefined {
  if (option !== undefined) return option ?? undefined;
  try {
    return webhookFromEnv();
  } catch (e) {
    console.warn(`[sync] alert webhook disabled: ${redact(e instanceof Error ? e.message : String(e))}`);
    return undefined;
  }
}

/** Raising an alert must never fail the sync that noticed the problem: a failure here is logged. */
async function raise(ctx: AlertContext, input: Omit<AlertInput, "ownerId" | "subject" | "at">): Promise<void> {
  try {
    await raiseAlert(ctx.db, { ...input, ownerId: ctx.ownerId, subject: ctx.connectionId, at: ctx.at }, ctx.webhook);
  } catch (e) {
    console.warn(`[sync] could not raise the ${input.kind} alert for connection ${ctx.connectionId}: ${redact(e instanceof Error ? e.message : String(e))}`);
  }
}

export async function alertSyncFailure(
  ctx: AlertContext,
  p: { kind: string; message: string; retryable: boolean; health: ConnectionHealth },
): Promise<void> {
  const { health } = p;
  const details = { batchId: ctx.batchId, kind: p.kind, consecutiveFailures: health.consecutiveFailures };
  if (!p.retryable || health.consecutiveFailures >= TRANSIENT_FAILURES_BEFORE_ALERT) {
    await raise(ctx, { kind: "sync_failure", severity: "warning", title: `Sync failed: ${ctx.label}`, message: p.message, details });
  }
  // Flagged or paused by the policy (now, or still, after a manual retry that failed again).
  if (health.status === "active" || health.statusSetByPolicyAt === null) return;
  const title =
    health.status === "paused"
      ? `${ctx.label} paused after ${health.consecutiveFailures} failed syncs`
      : `${ctx.label} needs attention`;
  const why =
    health.status === "paused"
      ? `Background syncs stopped after ${health.consecutiveFailures} consecutive failures since ${health.failingSince?.toISOString() ?? "?"}. Last error: ${p.message}`
      : `${p.message}. Background syncs are stopped until the connection's credentials or permissions are fixed.`;
  await raise(ctx, { kind: "needs_attention", severity: "critical", title, message: why, details });
}

export async function alertPartialSync(ctx: AlertContext, failures: FailedStream[]): Promise<void> {
  await raise(ctx, {
    kind: "sync_failure",
    severity: "warning",
    title: `Sync partly failed: ${ctx.label}`,
    message: failures.map((f) => `${f.stream}: ${f.message}`).join("; "),
    details: { batchId: ctx.batchId, failedStreams: failures },
  });
}

/**
 * A committed run shows the connection works: its needs-attention alert closes. The sync
 * failure alert closes only when every stream succeeded. Runs in the run's transaction.
 */
export async function resolveSyncAlerts(tx: Db, p: { ownerId: string; connectionId: string; at: Date; partial: boolean }): Promise<void> {
  const subject = { ownerId: p.ownerId, subject: p.connectionId, at: p.at };
  await resolveAlerts(tx, { ...subject, kind: "needs_attention" });
  if (!p.partial) await resolveAlerts(tx, { ...subject, kind: "sync_failure" });
}
