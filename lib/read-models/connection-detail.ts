import type { Db } from "@/db/client";
import { listConnectionAccounts, recentAccountValuations, recentSnapshots } from "@/db/queries/connection-detail";
import { checkpointsOf } from "@/db/queries/audit-checkpoints";
import { apiUsageSince, openSyncRuns } from "@/db/queries/connection-stats";
import { getConnection } from "@/db/queries/connections";
import { getHistoryStatus } from "@/db/queries/history-runs";
import { listSyncBatches } from "@/db/queries/sync-batches";
import type { HeldBalance, HeldPosition, SyncBatchRow } from "@/db/schema";
import { growwTokenOf } from "@/lib/connections/groww-token";
import { RECONSTRUCTABLE_PROVIDERS } from "@/lib/history/providers";
import { scheduleOf } from "@/lib/schedules/next-run";
import { auditStatusView, type AuditStatusView } from "./audit-status";
import { formSection, type FormField } from "./connection-form-fields";
import { providerForm } from "./connection-forms";
import { connectionSummary, scheduleText, schedulerRuns } from "./connection-list";
import type { ConnectionState } from "./connection-state";

/**
 * Everything the page of one connection shows, as plain values (ISO times, decimal
 * strings) for its server and client components. No credentials: only when they were
 * saved, and for Groww the token's life.
 */
export interface ConnectionDetail {
  id: string;
  provider: string;
  providerName: string;
  label: string;
  isDemo: boolean;
  state: ConnectionState;
  reason: string | null;
  /** A person paused it (Resume applies), as opposed to the failure policy. */
  status: "active" | "paused" | "needs_attention";
  retryNotBefore: string | null;
  lastSuccessAt: string | null;
  lastSyncAt: string | null;
  staleAfter: string | null;
  createdAt: string;
  /** When the credentials were saved or last rotated; null for a venue without credentials. */
  credentialsSavedAt: string | null;
  settings: Array<{ label: string; value: string }>;
  schedule:
    | { kind: "interval"; seconds: number; minSeconds: number; maxSeconds: number; text: string }
    | { kind: "calendar"; text: string }
    | { kind: "none"; text: string };
  nextRunAt: string | null;
  nextRunNote: string | null;
  openBatchId: string | null;
  apiCalls24h: number;
  accounts: AccountDetail[];
  snapshots: Array<{
    capturedAt: string;
    baseCurrency: string;
    equity: string;
    spotValue: string;
    fundingValue: string;
    futuresWalletBalance: string;
    unrealizedPnl: string;
    grossExposure: string;
    unpricedAssets: string[];
    /** Written by the history reconstruction from fills, flows and daily closes, not read from the venue. */
    reconstructed: boolean;
  }>;
  recentRuns: Array<{ id: string; trigger: string; status: string; startedAt: string; durationMs: number | null; apiCalls: number | null; error: string | null }>;
  groww: { mode: string; renewable: boolean; expiresAt: string | null } | null;
  /**
   * What the last finished run could not read from the venue (a portfolio-margin account,
   * untriggered algo orders…), as its connector worded it, and when that run started; null
   * when it read everything or no run has finished.
   */
  notRead: { items: string[]; runStartedAt: string } | null;
  /** Its history reconstruction (lib/history); null for a venue whose past cannot be priced yet. */
  history: HistoryView | null;
}

export interface HistoryView {
  /** The last run: when, its outcome, and the figures of the last run that wrote; null before any. */
  run: {
    outcome: "succeeded" | "failed";
    ranAt: string;
    succeededAt: string | null;
    /** Days before the first measured snapshot, from firstDay to lastDay. */
    days: number;
    firstDay: string | null;
    lastDay: string | null;
    /** Days written into gaps between measured snapshots, and how many gaps. */
    gapDays: number;
    gapsFilled: number;
    error: string | null;
  } | null;
  /** The changes nothing in the history explains, in day order (at most RESIDUALS_SHOWN). */
  residuals: Array<{ day: string; at: "start" | "end"; kind: "opening" | "negative-balance" | "unexplained-change"; asset: string; quantity: string; valueBase: string | null; baseCurrency: string }>;
  residualCount: number;
}

export interface AccountDetail {
  id: string;
  accountUid: string;
  name: string;
  alias: string | null;
  venue: string;
  kind: string;
  balanceUsd: string | null;
  portfolio: string | null;
  holdingsAt: string | null;
  balances: HeldBalance[];
  positions: HeldPosition[];
  valuations: Array<{ at: string; currency: string | null; netAssets: string; navPerUnit: string | null }>;
  /** Its order-event chain's last check; null when never checked. */
  audit: AuditStatusView | null;
}

const SNAPSHOTS_SHOWN = 10;
const VALUATIONS_PER_ACCOUNT = 5;
const RUNS_SHOWN = 5;
const RESIDUALS_SHOWN = 50;
const iso = (d: Date | null) => d?.toISOString() ?? null;

function settingValue(field: FormField, value: unknown): string {
  if (field.kind === "checkbox") return value === true ? "Yes" : "No";
  if (field.kind === "select") return field.options.find((o) => o.value === value)?.label ?? String(value ?? "—");
  if (field.kind === "choices" && Array.isArray(value)) return value.map((v) => field.options.find((o) => o.value === v)?.label ?? String(v)).join(", ");
  if (field.kind === "wallets" && Array.isArray(value)) {
    return (value as Array<{ address: string; chains: string[]; label?: string }>)
      .map((w) => `${w.label ? `${w.label}: ` : ""}${w.address} (${w.chains.map((c) => field.chains.find((o) => o.value === c)?.label ?? `chain ${c}`).join(", ")})`)
      .join("; ");
  }
  return value === undefined || value === null || value === "" ? "—" : String(value);
}

/** The connection's non-secret settings, labelled as the wizard labels them, defaults filled in. */
function settingsOf(provider: string, config: Record<string, unknown>): ConnectionDetail["settings"] {
  const form = providerForm(provider);
  if (!form) return [];
  const parsed = form.settings.safeParse(Object.fromEntries(Object.keys(form.settings.shape).filter((k) => k in config).map((k) => [k, config[k]])));
  const values: Record<string, unknown> = parsed.success ? parsed.data : config;
  return formSection(form.settings, form.text, { secret: false }).fields.map((f) => ({ label: f.label, value: settingValue(f, values[f.name]) }));
}

const runView = (b: SyncBatchRow) => ({
  id: b.id,
  trigger: b.trigger,
  status: b.status,
  startedAt: b.startedAt.toISOString(),
  durationMs: b.durationMs,
  apiCalls: b.apiCalls,
  error: b.error,
});

/** The coverage notes of the newest run that finished writing (succeeded or partial). */
function notReadOf(runs: SyncBatchRow[]): ConnectionDetail["notRead"] {
  const last = runs.find((r) => r.status === "succeeded" || r.status === "partial");
  const items = last?.progress?.notRead ?? [];
  return last && items.length > 0 ? { items, runStartedAt: last.startedAt.toISOString() } : null;
}

/** One live connection of the workspace; another workspace's, or a deleted one, is NotFoundError. */
export async function loadConnectionDetail(db: Db, p: { ownerId: string; connectionId: string; now: Date }): Promise<ConnectionDetail> {
  const conn = await getConnection(db, p);
  const scope = { ownerId: p.ownerId, connectionId: conn.id };
  const [accounts, snapshots, runs, open, usage, history] = await Promise.all([
    listConnectionAccounts(db, scope),
    recentSnapshots(db, { ...scope, limit: SNAPSHOTS_SHOWN }),
    listSyncBatches(db, { ...scope, limit: RUNS_SHOWN }),
    openSyncRuns(db, { ownerId: p.ownerId }),
    apiUsageSince(db, { ownerId: p.ownerId, since: new Date(p.now.getTime() - 86_400_000) }),
    RECONSTRUCTABLE_PROVIDERS.includes(conn.provider) ? getHistoryStatus(db, { ...scope, limit: RESIDUALS_SHOWN }) : null,
  ]);
  const accountIds = accounts.map((a) => a.id);
  const [navPoints, checkpoints] = await Promise.all([
    recentAccountValuations(db, { ownerId: p.ownerId, accountIds, perAccount: VALUATIONS_PER_ACCOUNT }),
    checkpointsOf(db, { ownerId: p.ownerId, accountIds }),
  ]);
  const schedule = scheduleOf(conn);
  const token = growwTokenOf(conn);
  return {
    ...connectionSummary(conn, open.find((r) => r.connectionId === conn.id) ?? null, { now: p.now, schedulerOn: schedulerRuns() }),
    status: conn.status,
    createdAt: conn.createdAt.toISOString(),
    credentialsSavedAt: conn.credentialsEncrypted ? (conn.credentialsUpdatedAt ?? conn.createdAt).toISOString() : null,
    settings: settingsOf(conn.provider, conn.config),
    schedule: !schedule
      ? { kind: "none", text: scheduleText(null) }
      : schedule.kind === "interval"
        ? { ...schedule, text: scheduleText(schedule) }
        : { kind: "calendar", text: scheduleText(schedule) },
    apiCalls24h: usage.get(conn.id)?.calls ?? 0,
    accounts: accounts.map((a) => ({
      id: a.id,
      accountUid: a.accountUid,
      name: a.name,
      alias: a.alias,
      venue: a.venue,
      kind: a.kind,
      balanceUsd: a.balanceUsd,
      portfolio: a.portfolioAlias ?? a.portfolioName ?? null,
      holdingsAt: iso(a.holdingsAt),
      balances: a.balances ?? [],
      positions: a.positions ?? [],
      valuations: navPoints
        .filter((v) => v.accountId === a.id)
        .map((v) => ({ at: v.at.toISOString(), currency: v.currency, netAssets: v.netAssets, navPerUnit: v.navPerUnit })),
      audit: auditStatusView(checkpoints.find((c) => c.accountId === a.id)),
    })),
    snapshots: snapshots.map((s) => ({ ...s, capturedAt: s.capturedAt.toISOString() })),
    recentRuns: runs.map(runView),
    groww: token ? { mode: token.mode, renewable: token.renewable, expiresAt: iso(token.expiresAt) } : null,
    notRead: notReadOf(runs),
    history: history && {
      run: history.run && {
        outcome: history.run.outcome,
        ranAt: history.run.ranAt.toISOString(),
        succeededAt: iso(history.run.succeededAt),
        days: history.run.days,
        firstDay: history.run.firstDay,
        lastDay: history.run.lastDay,
        gapDays: history.run.gapDays,
        gapsFilled: history.run.gapsFilled,
        error: history.run.error,
      },
      residuals: history.residuals.map((r) => ({ day: r.day, at: r.at, kind: r.kind, asset: r.asset, quantity: r.quantity, valueBase: r.valueBase, baseCurrency: r.baseCurrency })),
      residualCount: history.residualCount,
    },
  };
}
