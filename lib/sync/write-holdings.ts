import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { balances, positions } from "@/db/schema";
import type { Balance, Position } from "@/lib/connectors/types";
import { insertJsonRows } from "./insert-json-rows";

/**
 * Replaces the current balances and positions of the connection's accounts with what
 * the venue reported now. A position the venue no longer lists is closed, so it goes.
 */
export async function replaceHoldings(
  tx: Db,
  p: {
    ownerId: string;
    batchId: string;
    at: Date;
    accountIds: Map<string, string>;
    balances: Balance[];
    positions: Position[];
  },
): Promise<void> {
  const ids = [...p.accountIds.values()];
  if (ids.length === 0) return;
  await tx.delete(balances).where(inArray(balances.accountId, ids));
  await tx.delete(positions).where(inArray(positions.accountId, ids));
  const accountId = (uid: string) => p.accountIds.get(uid)!;

  await insertJsonRows(
    tx,
    balances,
    p.balances.map((b) => ({
      ownerId: p.ownerId,
      accountId: accountId(b.accountUid),
      asset: b.asset,
      wallet: b.wallet,
      free: b.free,
      locked: b.locked,
      total: b.total,
      syncBatchId: p.batchId,
      updatedAt: p.at,
    })),
  );
  await insertJsonRows(
    tx,
    positions,
    p.positions.map((pos) => ({
      ownerId: p.ownerId,
      accountId: accountId(pos.accountUid),
      symbol: pos.symbol,
      underlying: pos.underlying,
      quoteCurrency: pos.quoteCurrency,
      settleCurrency: pos.settleCurrency,
      instrumentType: pos.instrumentType,
      side: pos.side,
      quantity: pos.quantity,
      entryPrice: pos.entryPrice,
      markPrice: pos.markPrice,
      notional: pos.notional,
      unrealizedPnl: pos.unrealizedPnl,
      liquidationPrice: pos.liquidationPrice ?? null,
      leverage: pos.leverage ?? null,
      marginMode: pos.marginMode ?? null,
      syncBatchId: p.batchId,
      updatedAt: p.at,
    })),
  );
}
