import type { Db } from "@/db/client";
import { fills } from "@/db/schema";
import type { Fill } from "@/lib/connectors/types";
import { chunk } from "@/db/chunk";
import { strategyFromClientOrderId } from "./strategy-tag";

/**
 * Appends fills not seen before; a fill id already stored is skipped. Returns how many were
 * new and the earliest execution among them (a run that found older history, e.g. a newly
 * discovered market, has its connection's reconstructed past rebuilt: lib/history/reconstruct-when.ts).
 */
export async function appendFills(
  tx: Db,
  p: { ownerId: string; provider: string; batchId: string; accountIds: Map<string, string>; fills: Fill[] },
): Promise<{ written: number; earliestAt: Date | null }> {
  let inserted = 0;
  let earliest: number | null = null;
  for (const part of chunk(p.fills)) {
    const rows = await tx
      .insert(fills)
      .values(
        part.map((f) => ({
          ownerId: p.ownerId,
          accountId: p.accountIds.get(f.accountUid)!,
          venueFillId: f.venueFillId,
          venueOrderId: f.venueOrderId,
          clientOrderId: f.clientOrderId ?? null,
          strategy: f.strategy ?? strategyFromClientOrderId(f.clientOrderId, p.provider),
          symbol: f.symbol,
          side: f.side,
          price: f.price,
          quantity: f.quantity,
          fee: f.fee,
          feeCurrency: f.feeCurrency,
          liquidity: f.liquidity ?? null,
          contractSize: f.contractSize ?? null,
          executedAt: f.executedAt,
          syncBatchId: p.batchId,
          raw: f.raw ?? null,
        })),
      )
      .onConflictDoNothing({ target: [fills.accountId, fills.venueFillId] })
      .returning({ executedAt: fills.executedAt });
    inserted += rows.length;
    for (const r of rows) earliest = Math.min(earliest ?? r.executedAt.getTime(), r.executedAt.getTime());
  }
  return { written: inserted, earliestAt: earliest === null ? null : new Date(earliest) };
}
