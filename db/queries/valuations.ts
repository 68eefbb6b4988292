import { and, asc, eq, gte, lte, max, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { valuations, type ValuationRow } from "../schema";
import type { NavPoint } from "@/lib/connectors/types";
import { chunk } from "@/db/chunk";

/** The series a NAV point belongs to: its fund, else its account (see `NavParams`). */
export function navSeriesOf(point: Pick<NavPoint, "portfolioExternalId" | "accountUid">): string {
  return point.portfolioExternalId ?? point.accountUid ?? "";
}

/** The last stored point per series of a connection: where the next NAV read starts. */
export async function navCursor(db: Db, p: { ownerId: string; connectionId: string }): Promise<Record<string, Date>> {
  const rows = await db
    .select({ series: valuations.series, last: max(valuations.at) })
    .from(valuations)
    .where(and(eq(valuations.ownerId, p.ownerId), eq(valuations.connectionId, p.connectionId)))
    .groupBy(valuations.series);
  const out: Record<string, Date> = {};
  for (const r of rows) if (r.last) out[r.series] = r.last;
  return out;
}

/**
 * Inserts NAV points not stored before; a snapshot id already present is skipped, so a
 * re-read of the last point (the cursor is inclusive) adds nothing. Returns how many were new.
 */
export async function appendValuations(
  tx: Db,
  p: {
    ownerId: string;
    connectionId: string;
    batchId: string | null;
    points: NavPoint[];
    portfolioIds: Map<string, string>;
    accountIds: Map<string, string>;
  },
): Promise<number> {
  let inserted = 0;
  for (const part of chunk(p.points)) {
    const rows = await tx
      .insert(valuations)
      .values(
        part.map((v) => ({
          ownerId: p.ownerId,
          connectionId: p.connectionId,
          portfolioId: v.portfolioExternalId ? (p.portfolioIds.get(v.portfolioExternalId) ?? null) : null,
          accountId: v.accountUid ? (p.accountIds.get(v.accountUid) ?? null) : null,
          series: navSeriesOf(v),
          snapshotId: v.snapshotId,
          at: v.at,
          currency: v.currency ?? null,
          netAssets: v.netAssets,
          navPerUnit: v.navPerUnit ?? null,
          grossReturn: v.grossReturn ?? null,
          netReturn: v.netReturn ?? null,
          raw: v.raw ?? null,
          syncBatchId: p.batchId,
        })),
      )
      .onConflictDoNothing({ target: [valuations.connectionId, valuations.snapshotId] })
      .returning({ id: valuations.id });
    inserted += rows.length;
  }
  return inserted;
}

/** NAV points of one portfolio or one account, oldest first, optionally within [from, to]. */
export async function listValuations(
  db: Db,
  p: { ownerId: string; portfolioId?: string; accountId?: string; from?: Date; to?: Date },
): Promise<ValuationRow[]> {
  const where: SQL[] = [eq(valuations.ownerId, p.ownerId)];
  if (p.portfolioId) where.push(eq(valuations.portfolioId, p.portfolioId));
  if (p.accountId) where.push(eq(valuations.accountId, p.accountId));
  if (p.from) where.push(gte(valuations.at, p.from));
  if (p.to) where.push(lte(valuations.at, p.to));
  return db
    .select()
    .from(valuations)
    .where(and(...where))
    .orderBy(asc(valuations.at));
}
