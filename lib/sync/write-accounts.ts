import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { tradingAccounts } from "@/db/schema";
import type { VenueAccount } from "@/lib/connectors/types";

/** Upserts the venue's accounts, linked to their portfolios when the venue groups them; returns accountUid → row id. */
export async function materializeAccounts(
  tx: Db,
  p: { ownerId: string; connectionId: string; accounts: VenueAccount[]; portfolioIds?: Map<string, string> },
): Promise<Map<string, string>> {
  if (p.accounts.length === 0) return new Map();
  const rows = await tx
    .insert(tradingAccounts)
    .values(
      p.accounts.map((a) => ({
        ownerId: p.ownerId,
        connectionId: p.connectionId,
        accountUid: a.accountUid,
        name: a.name,
        alias: a.alias ?? null,
        venue: a.venue,
        kind: a.kind,
        portfolioId: a.portfolioExternalId ? (p.portfolioIds?.get(a.portfolioExternalId) ?? null) : null,
        balanceUsd: a.balanceUsd ?? null,
      })),
    )
    .onConflictDoUpdate({
      target: [tradingAccounts.connectionId, tradingAccounts.accountUid],
      set: {
        name: sql`excluded.name`,
        alias: sql`excluded.alias`,
        venue: sql`excluded.venue`,
        kind: sql`excluded.kind`,
        portfolioId: sql`excluded.portfolio_id`,
        balanceUsd: sql`excluded.balance_usd`,
      },
    })
    .returning({ id: tradingAccounts.id, accountUid: tradingAccounts.accountUid });
  return new Map(rows.map((r) => [r.accountUid, r.id]));
}
