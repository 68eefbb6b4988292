import type { FailedStream } from "@/db/schema";
import { ConnectorError } from "@/lib/connectors/errors";
import type { CashFlow } from "@/lib/connectors/types";
import type { FetchedVenueState } from "./fetch-venue-state";

const unlistedAccount = (uid: string) => `data for account "${uid}", which the venue did not list among its accounts`;
const unlistedPortfolio = (id: string | undefined) =>
  `data for portfolio "${id}", which the venue did not list among its portfolios`;
const unlistedFlowHolder = (f: CashFlow, accounts: Set<string>) =>
  f.accountUid !== undefined && !accounts.has(f.accountUid)
    ? `cash flow "${f.venueFlowId}" of account "${f.accountUid}", which the venue did not list among its accounts`
    : `cash flow "${f.venueFlowId}" of portfolio "${f.portfolioExternalId}", which the venue did not list among its portfolios`;

/**
 * Every item must belong to an account (and portfolio) the venue listed in this run, or
 * it could not be stored. Checked before the transaction: an orphan in the holdings fails
 * the run (its snapshot would be wrong); an orphan in orders, fills, NAV or cash flows fails
 * only that stream, whose items are then dropped from the run (and whose cursor stays, so
 * they are read again once the venue lists their holder).
 */
export function checkReferences(fetched: FetchedVenueState): FetchedVenueState {
  const { state } = fetched;
  const accounts = new Set(state.accounts.map((a) => a.accountUid));
  const portfolios = new Set(state.portfolios.map((p) => p.externalId));
  const fail = (message: string) => new ConnectorError({ kind: "bad_response", provider: "sync", message });

  const unlisted = state.accounts.find((a) => a.portfolioExternalId && !portfolios.has(a.portfolioExternalId));
  if (unlisted) throw fail(unlistedPortfolio(unlisted.portfolioExternalId));
  const orphan = [...state.balances, ...state.positions].find((item) => !accounts.has(item.accountUid));
  if (orphan) throw fail(unlistedAccount(orphan.accountUid));
  // A holding is stored under its natural key; the venue listing one twice is ambiguous.
  const twiceBalance = firstRepeated(state.balances, (b) => [b.accountUid, b.asset, b.wallet]);
  if (twiceBalance) throw fail(`balance ${twiceBalance.asset} (${twiceBalance.wallet} wallet) of account "${twiceBalance.accountUid}" listed twice`);
  const twicePosition = firstRepeated(state.positions, (q) => [q.accountUid, q.symbol, q.side]);
  if (twicePosition) throw fail(`${twicePosition.side} position ${twicePosition.symbol} of account "${twicePosition.accountUid}" listed twice`);

  const failures: FailedStream[] = [...fetched.failures];
  const streamFailure = (stream: FailedStream["stream"], message: string) => {
    failures.push({ stream, kind: "bad_response", message: fail(message).message });
  };
  const orderOrphan = state.orders.find((o) => !accounts.has(o.accountUid));
  if (orderOrphan) streamFailure("orders", unlistedAccount(orderOrphan.accountUid));
  const fillOrphan = state.fills.find((f) => !accounts.has(f.accountUid));
  if (fillOrphan) streamFailure("fills", unlistedAccount(fillOrphan.accountUid));
  const navOrphan = state.nav.find(
    (v) => (v.portfolioExternalId && !portfolios.has(v.portfolioExternalId)) || (v.accountUid && !accounts.has(v.accountUid)),
  );
  if (navOrphan) {
    streamFailure(
      "nav",
      navOrphan.portfolioExternalId && !portfolios.has(navOrphan.portfolioExternalId)
        ? unlistedPortfolio(navOrphan.portfolioExternalId)
        : unlistedAccount(navOrphan.accountUid ?? ""),
    );
  }
  const flowOrphan = state.cashFlows.find(
    (f) => (f.accountUid !== undefined && !accounts.has(f.accountUid)) || (f.portfolioExternalId !== undefined && !portfolios.has(f.portfolioExternalId)),
  );
  if (flowOrphan) streamFailure("cash_flows", unlistedFlowHolder(flowOrphan, accounts));
  return {
    failures,
    state: {
      ...state,
      orders: orderOrphan ? [] : state.orders,
      fills: fillOrphan ? [] : state.fills,
      nav: navOrphan ? [] : state.nav,
      cashFlows: flowOrphan ? [] : state.cashFlows,
    },
  };
}

function firstRepeated<T>(items: T[], key: (item: T) => string[]): T | undefined {
  const seen = new Set<string>();
  for (const item of items) {
    const k = JSON.stringify(key(item));
    if (seen.has(k)) return item;
    seen.add(k);
  }
  return undefined;
}
