import type { Db } from "@/db/client";
import { resolveAlerts } from "@/db/queries/alerts";
import {
  latestSnapshotInstant,
  listConnectionsForGapCheck,
  listSnapshotInstants,
  recordBackfilledGap,
  recordOpenGap,
  saveGapCheck,
} from "@/db/queries/snapshot-gaps";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { raiseAlert, type WebhookConfig } from "@/lib/alerts/notify";
import { webhookFromEnv } from "@/lib/alerts/webhook-config";
import { createConnector, supportsHistoricalState } from "@/lib/connectors";
import { backfillSnapshots } from "./backfill";
import { expectedSpacingMs, findSnapshotHoles, gapThresholdMs, planBackfill, type SnapshotHole } from "./gaps-calculate";

/** A hole is filled with at most this many snapshots; a longer one on a coarser grid. */
export const MAX_BACKFILL_POINTS = 2000;

type GapConnectionRow = Awaited<ReturnType<typeof listConnectionsForGapCheck>>[number];

export interface GapCheckResult {
  /** Holes found for the first time: recorded open, or backfilled. */
  gaps: number;
  /** Of those, the holes filled from the venue's history. */
  backfilled: number;
}

/**
 * Looks for holes in each active connection's snapshot series since the check point the
 * last run remembered (see gaps-calculate.ts for the threshold). A venue that can be read
 * as it was (`supportsHistoricalState`) has the hole filled at the connection's interval;
 * any other hole is recorded in `snapshot_gaps` as open, so charts break the line there,
 * and raises a `snapshot_gap` alert on the connection. The alert resolves on the first
 * later run that finds no open hole. Idempotent: a hole is one row however often found.
 *
 * The first run for a connection only sets its check point at the newest snapshot: the
 * history before it (a coarser demo backfill, say) is not judged by today's interval.
 */
export async function detectSnapshotGaps(db: Db, p: { now: Date }): Promise<GapCheckResult> {
  const webhook = webhookFromEnv();
  const total: GapCheckResult = { gaps: 0, backfilled: 0 };
  for (const c of await listConnectionsForGapCheck(db)) {
    const r = await checkConnection(db, c, p.now, webhook);
    total.gaps += r.gaps;
    total.backfilled += r.backfilled;
  }
  return total;
}

async function checkConnection(db: Db, c: GapConnectionRow, now: Date, webhook: WebhookConfig | undefined): Promise<GapCheckResult> {
  const scope = { ownerId: c.ownerId, connectionId: c.id };
  if (!c.checkedThrough) {
    const latest = await latestSnapshotInstant(db, { ...scope, asOf: now });
    if (latest) await saveGapCheck(db, { ...scope, checkedThrough: latest, at: now });
    return { gaps: 0, backfilled: 0 };
  }

  // The series starts at the check point (itself a snapshot instant) whatever is read back.
  const start = c.checkedThrough.getTime();
  const later = await listSnapshotInstants(db, { ...scope, from: c.checkedThrough, to: now });
  const instants = [start, ...later.map((d) => d.getTime()).filter((t) => t > start)];
  const holes = findSnapshotHoles(instants, { thresholdMs: gapThresholdMs(c), nowMs: now.getTime() });
  let checkedThrough = instants[instants.length - 1]!;
  const result: GapCheckResult = { gaps: 0, backfilled: 0 };
  const open: SnapshotHole[] = [];

  for (const hole of holes) {
    const filled = supportsHistoricalState(c.provider) ? await backfillHole(db, c, hole, now) : null;
    const gap = { ...scope, fromAt: new Date(hole.fromMs), detectedAt: now };
    if (filled) {
      if (await recordBackfilledGap(db, { ...gap, toAt: new Date(hole.toMs ?? filled.lastMs), snapshots: filled.snapshots })) result.gaps++;
      result.backfilled++;
      checkedThrough = Math.max(checkedThrough, filled.lastMs);
      continue;
    }
    if (await recordOpenGap(db, { ...gap, toAt: hole.toMs === null ? null : new Date(hole.toMs) })) result.gaps++;
    open.push(hole);
  }

  await saveGapCheck(db, { ...scope, checkedThrough: new Date(checkedThrough), at: now });
  if (open.length > 0) await raiseGapAlert(db, c, open, now, webhook);
  else await resolveAlerts(db, { ownerId: c.ownerId, kind: "snapshot_gap", subject: c.id, at: now });
  return result;
}

/** Fills a hole from the venue's past; null when there is nothing to fill or the venue failed. */
async function backfillHole(db: Db, c: GapConnectionRow, hole: SnapshotHole, now: Date): Promise<{ snapshots: number; lastMs: number } | null> {
  const plan = planBackfill(hole, { stepMs: expectedSpacingMs(c), nowMs: now.getTime(), maxPoints: MAX_BACKFILL_POINTS });
  if (!plan) return null;
  try {
    // Valued in the workspace's currency of today: the roll-ups and the overview read only that one.
    const { baseCurrency } = await getWorkspaceSettings(db, { ownerId: c.ownerId });
    const snapshots = await backfillSnapshots(db, {
      ownerId: c.ownerId,
      connectionId: c.id,
      baseCurrency,
      from: new Date(plan.fromMs),
      to: new Date(plan.toMs),
      stepMs: plan.stepMs,
      connectorAt: (at) => createConnector(c, { now: () => at }),
    });
    return { snapshots, lastMs: plan.toMs };
  } catch (e) {
    // Reported as an open hole instead. A hole closed by a later snapshot is not retried
    // (the check point moves past it); an open-ended one is, on the next run.
    console.warn(`[snapshot-gaps] backfill of ${c.id} from ${new Date(hole.fromMs).toISOString()} failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 10) / 10} h`;

async function raiseGapAlert(db: Db, c: GapConnectionRow, open: SnapshotHole[], now: Date, webhook: WebhookConfig | undefined) {
  const spans = open.map((h) => {
    const from = new Date(h.fromMs).toISOString();
    return h.toMs === null ? `since ${from}` : `${from} – ${new Date(h.toMs).toISOString()} (${hours(h.toMs - h.fromMs)})`;
  });
  await raiseAlert(
    db,
    {
      ownerId: c.ownerId,
      kind: "snapshot_gap",
      subject: c.id,
      severity: "warning",
      title: `Snapshot gap: ${c.label}`,
      message: `No snapshots of ${c.label} ${spans.join("; ")}. The venue keeps no history to fill it from, so charts show a gap there.`,
      details: {
        connectionId: c.id,
        provider: c.provider,
        gaps: open.map((h) => ({ from: new Date(h.fromMs).toISOString(), to: h.toMs === null ? null : new Date(h.toMs).toISOString() })),
      },
      at: now,
    },
    webhook,
  );
}
