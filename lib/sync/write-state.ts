import type { Db } from "@/db/client";
import { materializePortfolios } from "@/db/queries/portfolios";
import { appendValuations } from "@/db/queries/valuations";
import type { SyncCounts } from "@/db/schema";
import { materializeSnapshot } from "@/lib/snapshots/capture";
import type { VenueState } from "./fetch-venue-state";
import { materializeAccounts } from "./write-accounts";
import { ConcurrentWrites } from "./concurrent-writes";
import { faultPoint } from "./fault-point";
import { appendCashFlows, type CashFlowWrite } from "./write-cash-flows";
import { appendFills } from "./write-fills";
import { replaceHoldings } from "./write-holdings";
import { type OrderWriteCounts, prepareOrderWrites } from "./write-orders";
import { storeRawResponses } from "./write-raw-responses";

/**
 * Writes one run's venue state inside its transaction: accounts and portfolios, the
 * current holdings, order events, new fills, NAV points, the raw responses, a snapshot
 * valued at `prices` and then the cash flows (valued by the snapshots around them, this
 * one included). Every reference was checked before (checkReferences), so each item has
 * its account here. A failed independent stream arrives with no items and writes nothing.
 *
 * `earliestFlowAt`: the earliest time among the flow rows this run added (null if none),
 * where the workspace's unitised series must be recomputed from. `earliestNewAt`: the earliest
 * time among the fills and flow rows this run added (null if none), which tells whether the run
 * reached back before the connection's first observed snapshot. `eventAccounts`: the accounts
 * this run appended order events to.
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
): Promise<{ counts: SyncCounts; snapshotId: string | null; earliestFlowAt: Date | null; earliestNewAt: Date | null; eventAccounts: string[] }> {
  const { state } = p;
  const portfolioIds = await materializePortfolios(tx, { ownerId: p.ownerId, connectionId: p.connectionId, portfolios: state.portfolios });
  const accountIds = await materializeAccounts(tx, {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    accounts: state.accounts,
    portfolioIds,
  });
  await faultPoint("tx:accounts");
  const base = { ownerId: p.ownerId, batchId: p.batchId, accountIds };
  // Reads first: statements run in the order they are sent, so nothing may queue ahead of them.
  const orderWrites = await prepareOrderWrites(tx, { ...base, orders: state.orders });
  const writes = new ConcurrentWrites();
  writes.start(replaceHoldings(tx, { ...base, at: p.at, balances: state.balances, positions: state.positions }));
  const fillsWritten = writes.start(appendFills(tx, { ...base, provider: p.provider, fills: state.fills }));
  const valuationsWritten = writes.start(
    appendValuations(tx, {
      ownerId: p.ownerId,
      connectionId: p.connectionId,
      batchId: p.batchId,
      points: state.nav,
      portfolioIds,
      accountIds,
    }),
  );
  const rawWritten = writes.start(
    storeRawResponses(tx, { ownerId: p.ownerId, connectionId: p.connectionId, batchId: p.batchId, at: p.at, raw: state.raw }),
  );
  let orderCounts: OrderWriteCounts;
  let eventAccounts: string[];
  let snapshotId: string | null;
  let flows: CashFlowWrite;
  try {
    // The diff and the hash chain are computed while the database writes the holdings.
    await writes.flush();
    await faultPoint("tx:holdings-fills");
    ({ counts: orderCounts, eventAccounts } = orderWrites.send(writes));
    await writes.flush();
    await faultPoint("tx:orders");
    snapshotId = await materializeSnapshot(tx, {
      ownerId: p.ownerId,
      connectionId: p.connectionId,
      capturedAt: p.at,
      batchId: p.batchId,
      baseCurrency: p.baseCurrency,
      balances: state.balances,
      margins: state.margins,
      positions: state.positions,
      prices: p.prices,
    });
    await faultPoint("tx:snapshot");
    flows = await appendCashFlows(tx, {
      ownerId: p.ownerId,
      connectionId: p.connectionId,
      batchId: p.batchId,
      at: p.at,
      flows: state.cashFlows,
      accountIds,
      portfolioIds,
      runCurrency: p.baseCurrency,
      runPrices: p.prices,
    });
  } catch (e) {
    await writes.settle(e);
    throw e;
  }
  await writes.settle();
  const [fills, valuations, rawResponses] = [await fillsWritten, await valuationsWritten, await rawWritten];
  return {
    snapshotId,
    earliestFlowAt: flows.earliestAt,
    earliestNewAt: earlierOf(fills.earliestAt, flows.earliestAt),
    eventAccounts,
    counts: {
      accounts: accountIds.size,
      balances: state.balances.length,
      positions: state.positions.length,
      ...orderCounts,
      fills: fills.written,
      snapshots: snapshotId ? 1 : 0,
      portfolios: portfolioIds.size,
      valuations,
      rawResponses,
      cashFlows: flows.written,
    },
  };
}

const earlierOf = (a: Date | null, b: Date | null): Date | null => (a && b ? (a < b ? a : b) : (a ?? b));
