import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listAlerts, resolveAlerts } from "@/db/queries/alerts";
import { getAlertThresholds } from "@/db/queries/alert-thresholds";
import { getSnapshotRows, getSnapshotsAsOf } from "@/db/queries/dashboard";
import { readEquityRollups } from "@/db/queries/rollups";
import { readUnitIssues } from "@/db/queries/unit-ledger";
import { getWorkspaceSettings } from "@/db/queries/workspaces";
import { connections } from "@/db/schema";
import { pointOfRollup } from "@/lib/engines/performance";
import { D } from "@/lib/money/decimal";
import { raiseAlert, type WebhookConfig } from "./notify";
import {
  calculateConcentrationRisk,
  calculateCurrentDrawdown,
  checkThreshold,
  DEFAULT_CONCENTRATION_THRESHOLD,
  DEFAULT_DRAWDOWN_THRESHOLD,
} from "./risk-calculate";
import { webhookFromEnv } from "./webhook-config";

/** The drawdown alert is about the owner's total equity: one subject. */
export const DRAWDOWN_SUBJECT = "total-equity";

export interface RiskAlertParams {
  ownerId: string;
  now: Date;
  /** Fraction of the allocation one non-cash asset may reach; the workspace's own, else 0.5 (50 %). */
  concentrationThreshold?: number;
  /** Fraction below the running peak of NAV per unit that alerts; the workspace's own, else 0.2 (20 %). */
  drawdownThreshold?: number;
}

export interface RiskAlertResult {
  /** Alerts opened or counted again: one per condition in breach now. */
  raised: number;
  /** Alerts closed because their condition cleared. */
  resolved: number;
}

/** NAV per unit as the chart shows it, four decimals. */
const nav = (value: number) => value.toFixed(4);
const pct = (fraction: string | number) => `${new D(fraction).times(100).toDecimalPlaces(1).toString()} %`;

/**
 * Evaluates the owner's risk conditions after new snapshots:
 * - concentration: one alert per asset whose weight exceeds the threshold in the latest
 *   snapshot of every connection (exposure engine; subject = the asset);
 * - drawdown: one alert when NAV per unit sits at least the threshold below its running
 *   peak, over the daily roll-ups (hourly while there are fewer than two days) and the unit
 *   ledger: a withdrawal is never a drawdown.
 * An alert stays open (counted, not repeated) while its condition holds, and is resolved
 * on the first evaluation where it no longer does.
 */
export async function evaluateRiskAlerts(db: Db, p: RiskAlertParams): Promise<RiskAlertResult> {
  const stored = await getAlertThresholds(db, { ownerId: p.ownerId });
  const concentrationThreshold = checkThreshold(
    "concentrationThreshold",
    p.concentrationThreshold ?? (stored ? Number(stored.concentration) : DEFAULT_CONCENTRATION_THRESHOLD),
  );
  const drawdownThreshold = checkThreshold("drawdownThreshold", p.drawdownThreshold ?? (stored ? Number(stored.drawdown) : DEFAULT_DRAWDOWN_THRESHOLD));
  const webhook = webhookFromEnv();
  const a = await evaluateConcentration(db, p, concentrationThreshold, webhook);
  const b = await evaluateDrawdown(db, p, drawdownThreshold, webhook);
  return { raised: a.raised + b.raised, resolved: a.resolved + b.resolved };
}

async function evaluateConcentration(db: Db, p: RiskAlertParams, threshold: number, webhook: WebhookConfig | undefined): Promise<RiskAlertResult> {
  // Weights within one currency: a snapshot taken before a change of base currency is left out.
  const { baseCurrency } = await getWorkspaceSettings(db, { ownerId: p.ownerId });
  const snapshots = await getSnapshotsAsOf(db, { ownerId: p.ownerId, baseCurrency, asOf: p.now });
  const rows = await getSnapshotRows(db, { ownerId: p.ownerId, snapshotIds: snapshots.map((s) => s.id) });
  const concentration = calculateConcentrationRisk({ snapshots, rows, threshold });
  for (const b of concentration.breaches) {
    await raiseAlert(
      db,
      {
        ownerId: p.ownerId,
        kind: "concentration",
        subject: b.asset,
        severity: "warning",
        title: `Concentration: ${b.asset} is ${pct(b.weight)} of the portfolio`,
        message: `${b.asset} makes up ${pct(b.weight)} of the allocation (spot and derivatives netted), above the ${pct(threshold)} limit.`,
        details: { asset: b.asset, weight: b.weight, threshold: concentration.threshold, herfindahl: concentration.herfindahl, top5Weight: concentration.top5Weight },
        at: p.now,
      },
      webhook,
    );
  }
  const breaching = new Set(concentration.breaches.map((b) => b.asset));
  const open = (await listAlerts(db, { ownerId: p.ownerId, limit: 1000 })).filter((a) => a.kind === "concentration" && !breaching.has(a.subject));
  let resolved = 0;
  for (const a of open) resolved += await resolveAlerts(db, { ownerId: p.ownerId, kind: "concentration", subject: a.subject, at: p.now });
  return { raised: breaching.size, resolved };
}

async function evaluateDrawdown(db: Db, p: RiskAlertParams, threshold: number, webhook: WebhookConfig | undefined): Promise<RiskAlertResult> {
  const upToNow = (rows: Awaited<ReturnType<typeof readEquityRollups>>) => rows.filter((r) => r.lastAt.getTime() <= p.now.getTime());
  let rows = upToNow(await readEquityRollups(db, { ownerId: p.ownerId, bucket: "1d", from: new Date(0) }));
  if (rows.length < 2) rows = upToNow(await readEquityRollups(db, { ownerId: p.ownerId, bucket: "1h", from: new Date(0) }));
  const issues = await readUnitIssues(db, { ownerId: p.ownerId, upTo: p.now });
  const dd = calculateCurrentDrawdown(rows.map(pointOfRollup), issues);

  if (!dd || dd.drawdown > -threshold) {
    const resolved = await resolveAlerts(db, { ownerId: p.ownerId, kind: "drawdown", subject: DRAWDOWN_SUBJECT, at: p.now });
    return { raised: 0, resolved };
  }
  const depth = pct(-dd.drawdown);
  await raiseAlert(
    db,
    {
      ownerId: p.ownerId,
      kind: "drawdown",
      subject: DRAWDOWN_SUBJECT,
      severity: "warning",
      title: `Drawdown: NAV per unit ${depth} below its peak`,
      message: `NAV per unit ${nav(dd.currentNav)} is ${depth} below its peak of ${nav(dd.peakNav)} (${dd.peakAt.slice(0, 10)}), beyond the ${pct(threshold)} limit. Deposits and withdrawals do not move it.`,
      details: { ...dd, threshold },
      at: p.now,
    },
    webhook,
  );
  return { raised: 1, resolved: 0 };
}

/** Every owner with an active connection, one after another: the hourly risk check. */
export async function evaluateRiskAlertsForAllOwners(db: Db, p: { now: Date }): Promise<RiskAlertResult & { owners: number }> {
  const owners = await db.selectDistinct({ ownerId: connections.ownerId }).from(connections).where(eq(connections.status, "active"));
  let raised = 0;
  let resolved = 0;
  for (const o of owners) {
    const r = await evaluateRiskAlerts(db, { ownerId: o.ownerId, now: p.now });
    raised += r.raised;
    resolved += r.resolved;
  }
  return { owners: owners.length, raised, resolved };
}
