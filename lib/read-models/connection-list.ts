import type { Db } from "@/db/client";
import { accountCounts, apiUsageSince, openSyncRuns, type ApiUsage24h } from "@/db/queries/connection-stats";
import { listConnections } from "@/db/queries/connections";
import { BINANCE_WEIGHT_LIMITS } from "@/lib/connectors/binance/weight-limits";
import { env, inngestEnabled } from "@/lib/env";
import { nextRunOf, scheduleOf, type ConnectionSchedule } from "@/lib/schedules/next-run";
import { providerForm } from "./connection-forms";
import type { ConnectionRow } from "./connection-schemas";
import { connectionState, CONNECTION_STATES } from "./connection-state";
import { pageInMemory, type SortValue } from "./keyset-in-memory";
import type { KeysetPage, KeysetPageRequest } from "./keyset-page";

const DAY_MS = 86_400_000;
const WEIGHT_LIMITS: Record<string, Record<string, number>> = { binance: BINANCE_WEIGHT_LIMITS };

/** Whether this deployment runs background schedules at all (Inngest, or the in-process scheduler). */
export function schedulerRuns(): boolean {
  const e = env();
  return inngestEnabled(e) || e.SCHEDULER === "on";
}

export function providerName(provider: string): string {
  return providerForm(provider)?.name ?? provider;
}

export function scheduleText(s: ConnectionSchedule | null): string {
  if (!s) return "No schedule";
  if (s.kind === "calendar") return s.description;
  return s.seconds % 60 === 0 ? `Every ${s.seconds / 60} min` : `Every ${s.seconds} s`;
}

/** The bucket closest to its limit (by share when the limit is known, else by weight). */
function peakWeight(provider: string, usage: ApiUsage24h | undefined): ConnectionRow["peakWeight24h"] {
  const limits = WEIGHT_LIMITS[provider] ?? {};
  const buckets = Object.entries(usage?.peakWeight ?? {}).map(([bucket, used]) => ({ bucket, used, limit: limits[bucket] ?? null }));
  const share = (b: (typeof buckets)[number]) => (b.limit ? b.used / b.limit : b.used);
  return buckets.sort((a, b) => share(b) - share(a) || a.bucket.localeCompare(b.bucket))[0] ?? null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

type ConnectionColumns = Awaited<ReturnType<typeof listConnections>>[number];

/** What the list row and the connection's page both say about it: who it is, its state and why, its last and next run. */
export function connectionSummary(c: ConnectionColumns, run: { id: string; status: string } | null, p: { now: Date; schedulerOn: boolean }) {
  const { state, reason } = connectionState({ ...c, openRun: run }, p.now);
  const next = nextRunOf(c, p);
  const schedule = scheduleOf(c);
  return {
    id: c.id,
    provider: c.provider,
    providerName: providerName(c.provider),
    label: c.label,
    isDemo: c.provider === "demo",
    state,
    reason,
    retryNotBefore: c.retryNotBefore && c.retryNotBefore > p.now ? c.retryNotBefore.toISOString() : null,
    lastSuccessAt: iso(c.lastSuccessAt),
    lastSyncAt: iso(c.lastSyncAt),
    // ui-conventions, "stale": past twice its interval the last success is shown amber.
    staleAfter: c.lastSuccessAt && schedule?.kind === "interval" ? new Date(c.lastSuccessAt.getTime() + 2 * schedule.seconds * 1000).toISOString() : null,
    nextRunAt: iso(next.at),
    nextRunNote: next.why,
    openBatchId: run?.id ?? null,
  };
}

/** Every live connection of the workspace as the list shows it. */
export async function loadConnectionRows(db: Db, p: { ownerId: string; now: Date; schedulerOn?: boolean }): Promise<ConnectionRow[]> {
  const [conns, open, accounts, usage] = await Promise.all([
    listConnections(db, p),
    openSyncRuns(db, p),
    accountCounts(db, p),
    apiUsageSince(db, { ownerId: p.ownerId, since: new Date(p.now.getTime() - DAY_MS) }),
  ]);
  const openBy = new Map(open.map((r) => [r.connectionId, r]));
  const schedulerOn = p.schedulerOn ?? schedulerRuns();
  return conns.map((c) => {
    const used = usage.get(c.id);
    return {
      ...connectionSummary(c, openBy.get(c.id) ?? null, { now: p.now, schedulerOn }),
      schedule: scheduleText(scheduleOf(c)),
      accounts: accounts.get(c.id) ?? 0,
      apiCalls24h: used?.calls ?? 0,
      runs24h: used?.runs ?? 0,
      peakWeight24h: peakWeight(c.provider, used),
    };
  });
}

const STATE_ORDER = Object.fromEntries(CONNECTION_STATES.map((s, i) => [s, i]));

function sortValue(row: ConnectionRow, sortId: string): SortValue {
  switch (sortId) {
    case "provider":
      return row.providerName.toLowerCase();
    case "state":
      return STATE_ORDER[row.state] ?? null;
    case "lastSuccessAt":
      return row.lastSuccessAt;
    case "nextRunAt":
      return row.nextRunAt;
    default:
      return row.label.toLowerCase();
  }
}

/** One page of the list, filtered by state and provider, in the order asked for. */
export function pageConnectionRows(rows: readonly ConnectionRow[], request: KeysetPageRequest): KeysetPage<ConnectionRow> {
  const { state, provider } = request.filters;
  const filtered = rows.filter((r) => (!state || r.state === state) && (!provider || r.provider === provider));
  return pageInMemory(filtered, request, { id: (r) => r.id, sortValue, defaultSort: { id: "label", desc: false } });
}
