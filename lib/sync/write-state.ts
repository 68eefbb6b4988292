import type { Db } from "@/db/client";
import { materializePortfolios } from "@/db/queries/portfolios";
import { appendValuations } from "@/db/queries/valuations";
import type { SyncCounts } from "@/db/schema";
import { materializeSnapshot } from "@/lib/snapshots/capture";
import type { VenueState } from "./fetch-venue-state";
import { materializeAccounts } from "./write-accounts";
import { appendFills } from "./write-fills";
import { replaceHoldings } from "./write-holdings";
import { materializeOrders } from "./write-orders";
import { storeRawResponses } from "./write-raw-responses";

/**
 * Writes one run's venue state inside its transaction: accounts and portfolios, the
 * current holdings, order events, new fills, NAV points, the raw responses and a snapshot
 * valued at `prices`. Every reference was checked before (checkReferences), so each item
 * has its account here. A failed independent stream arrives with no items and writes nothing.
 */
export async function writeState(
  tx: Db,
  p: {
    ownerId: string;
    connectionId: string;
    /** The venue: strategy tags are parsed by its client-order-id rules. */
    provider: string;
    batchId: string;
    at: Date;
    state: VenueState;
    baseCurrency: string;
    prices: Record<string, string>;
  },
): Promise<{ counts: SyncCounts; snapshotId: string | null }> {
  const { state } = p;
  const portfolioIds = await materializePortfolios(tx, { ownerId: p.ownerId, connectionId: p.connectionId, portfolios: state.portfolios });
  const accountIds = await materializeAccounts(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    accounts: state.accounts,
    portfolioIds,
  });
  const base = { ownerId: p.ownerId, batchId: p.batchId, accountIds };
  await replaceHoldings(tx, { ...base, at: p.at, balances: state.balances, positions: state.positions });
  const orderCounts = await materializeOrders(tx, { ...base, orders: state.orders });
  const fills = await appendFills(tx, { ...base, provider: p.provider, fills: state.fills });
  const valuations = await appendValuations(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    batchId: p.batchId,
    points: state.nav,
    portfolioIds,
    accountIds,
  });
  const rawResponses = await storeRawResponses(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    batchId: p.batchId,
    at: p.at,
    raw: state.raw,
  });
  const snapshotId = await materializeSnapshot(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    capturedAt: p.at,
    batchId: p.batchId,
    baseCurrency: p.baseCurrency,
    balances: state.balances,
    positions: state.positions,
    prices: p.prices,
  });
  return {
    snapshotId,
    counts: {
      accounts: accountIds.size,
      balances: state.balances.length,
      positions: state.positions.length,
      ...orderCounts,
      fills,
      snapshots: snapshotId ? 1 : 0,
      portfolios: portfolioIds.size,
      valuations,
      rawResponses,
    },
  };
}
