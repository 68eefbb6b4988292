import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { portfolioSnapshots } from "@/db/schema";
import type { Connector } from "@/lib/connectors/types";
import { pricesInBase } from "@/lib/engines/pricing";
import { materializeSnapshots, type CaptureParams } from "./capture";

export interface BackfillParams {
  ownerId: string;
  connectionId: string;
  baseCurrency: string;
  from: Date;
  to: Date;
  stepMs: number;
  /** A connector that reads the venue as it was at `at` (only venues with history). */
  connectorAt: (at: Date) => Connector;
}

/**
 * Fills a connection's snapshot history on a fixed grid. Instants that already have a
 * snapshot are skipped, so a repeated or interrupted backfill converges.
 */
export async function backfillSnapshots(db: Db, p: BackfillParams): Promise<number> {
  const existing = await db
    .select({ at: portfolioSnapshots.capturedAt })
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.connectionId, p.connectionId),
        gte(portfolioSnapshots.capturedAt, p.from),
        lte(portfolioSnapshots.capturedAt, p.to),
      ),
    );
  const taken = new Set(existing.map((e) => e.at.getTime()));
  const items: CaptureParams[] = [];
  for (let t = p.from.getTime(); t <= p.to.getTime(); t += p.stepMs) {
    if (taken.has(t)) continue;
    const at = new Date(t);
    const c = p.connectorAt(at);
    const [balances, positions] = await Promise.all([c.fetchBalances(), c.fetchPositions()]);
    const assets = new Set<string>(balances.items.map((b) => b.asset));
    for (const pos of positions.items) [pos.underlying, pos.quoteCurrency, pos.settleCurrency].forEach((a) => assets.add(a));
    const quotes = await c.fetchQuotes([...assets]);
    items.push({
      ownerId: p.ownerId,
      connectionId: p.connectionId,
      capturedAt: at,
      batchId: null,
      baseCurrency: p.baseCurrency,
      balances: balances.items,
      positions: positions.items,
      prices: pricesInBase(quotes.items, p.baseCurrency),
    });
  }
  if (items.length === 0) return 0;
  return db.transaction(async (tx) => (await materializeSnapshots(tx, items)).length);
}
