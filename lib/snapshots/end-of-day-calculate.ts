import type { EndOfDayConnection } from "@/db/schema/end-of-day";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";
import { addLocalDays, isoDate, localDayOf } from "@/lib/time/zoned";

/**
 * End-of-day snapshots, pure. A day is a calendar day in the workspace's time zone,
 * [local midnight, next local midnight): the same cut as the daily equity roll-up, 23 or
 * 25 hours on a DST change. Its close carries every connection forward at its latest
 * snapshot captured before the next midnight.
 *
 * Groups. Snapshots are per connection, so a connection is counted in exactly one group:
 * - the portfolio its accounts belong to, when they belong to exactly one;
 * - otherwise the owner-level group (portfolio null): connections with no account in a
 *   portfolio, and connections whose accounts span several portfolios (a connection
 *   snapshot cannot be split between them).
 */
export interface EodDay {
  /** "YYYY-MM-DD", the local date. */
  day: string;
  startMs: number;
  /** Exclusive: the next local midnight. */
  endMs: number;
}

/** The `count` most recent local days in `timeZone` that have ended by `nowMs`, oldest first. */
export function endedLocalDays(nowMs: number, count: number, timeZone: string): EodDay[] {
  const today = localDayOf(timeZone, nowMs);
  const days: EodDay[] = [];
  for (let i = count; i >= 1; i--) {
    const d = addLocalDays(timeZone, today, -i);
    days.push({ day: isoDate(d), startMs: d.startMs, endMs: d.endMs });
  }
  return days;
}

export interface EodConnectionInput {
  id: string;
  ownerId: string;
  createdAt: Date;
  /** Distinct portfolios of the connection's accounts (none when no account is in one). */
  portfolioIds: readonly string[];
  /** A snapshot older than this at the day's end is stale (the connection's gap threshold). */
  staleAfterMs: number;
}

export interface EodGroup {
  ownerId: string;
  portfolioId: string | null;
  members: EodConnectionInput[];
}

export function groupConnectionsForEndOfDay(connections: readonly EodConnectionInput[]): EodGroup[] {
  const groups = new Map<string, EodGroup>();
  for (const c of connections) {
    const portfolioId = c.portfolioIds.length === 1 ? c.portfolioIds[0]! : null;
    const key = `${c.ownerId}/${portfolioId ?? ""}`;
    const group = groups.get(key) ?? { ownerId: c.ownerId, portfolioId, members: [] };
    group.members.push(c);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export interface EodSnapshotInput {
  id: string;
  connectionId: string;
  capturedAt: Date;
  baseCurrency: string;
  equity: string;
  spotValue: string;
  fundingValue: string;
  futuresWalletBalance: string;
  unrealizedPnl: string;
  marginDebt: string;
}

export interface EndOfDayDraft {
  ownerId: string;
  portfolioId: string | null;
  day: string;
  asOf: Date;
  baseCurrency: string;
  equity: string;
  spotValue: string;
  fundingValue: string;
  futuresWalletBalance: string;
  unrealizedPnl: string;
  marginDebt: string;
  connections: EndOfDayConnection[];
  staleConnectionIds: string[];
  missingConnectionIds: string[];
}

const FIELDS = ["equity", "spotValue", "fundingValue", "futuresWalletBalance", "unrealizedPnl", "marginDebt"] as const;

/**
 * The close of one day for one group, from each member's latest snapshot before the day's
 * end (`latest`, by connection id). Members created after the day are not part of it. Null
 * when no member had a snapshot yet: a close made only of missing data is no close.
 */
export function calculateEndOfDay(group: EodGroup, day: EodDay, latest: ReadonlyMap<string, EodSnapshotInput>): EndOfDayDraft | null {
  const members = group.members.filter((m) => m.createdAt.getTime() < day.endMs).sort((a, b) => a.id.localeCompare(b.id));
  const totals = Object.fromEntries(FIELDS.map((f) => [f, new D(0)])) as Record<(typeof FIELDS)[number], Dec>;
  const connections: EndOfDayConnection[] = [];
  const currencies = new Set<string>();

  for (const m of members) {
    const s = latest.get(m.id);
    if (!s || s.capturedAt.getTime() >= day.endMs) {
      connections.push({ connectionId: m.id, status: "missing", snapshotId: null, capturedAt: null, equity: null });
      continue;
    }
    currencies.add(s.baseCurrency);
    for (const f of FIELDS) totals[f] = totals[f].plus(s[f]);
    const stale = day.endMs - s.capturedAt.getTime() > m.staleAfterMs;
    connections.push({
      connectionId: m.id,
      status: stale ? "stale" : "fresh",
      snapshotId: s.id,
      capturedAt: s.capturedAt.toISOString(),
      equity: s.equity,
    });
  }
  if (currencies.size === 0) return null;
  if (currencies.size > 1) throw new RangeError(`end of day ${day.day}: snapshots in several base currencies (${[...currencies].sort().join(", ")})`);

  return {
    ownerId: group.ownerId,
    portfolioId: group.portfolioId,
    day: day.day,
    asOf: new Date(day.endMs),
    baseCurrency: [...currencies][0]!,
    equity: toDecimalString(totals.equity),
    spotValue: toDecimalString(totals.spotValue),
    fundingValue: toDecimalString(totals.fundingValue),
    futuresWalletBalance: toDecimalString(totals.futuresWalletBalance),
    unrealizedPnl: toDecimalString(totals.unrealizedPnl),
    marginDebt: toDecimalString(totals.marginDebt),
    connections,
    staleConnectionIds: connections.filter((c) => c.status === "stale").map((c) => c.connectionId),
    missingConnectionIds: connections.filter((c) => c.status === "missing").map((c) => c.connectionId),
  };
}
