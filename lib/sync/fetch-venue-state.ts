import {
  accountMarginSchema,
  balanceSchema,
  cashFlowSchema,
  checkStream,
  fillSchema,
  navPointSchema,
  orderSchema,
  positionSchema,
  quoteSchema,
  venueAccountSchema,
  venuePortfolioSchema,
} from "@/lib/connectors/domain-schemas";
import type { FailedStream, IndependentStream, ProgressStream } from "@/db/schema";
import { isConnectorError } from "@/lib/connectors/errors";
import type {
  AccountMargin,
  Balance,
  Capability,
  CashFlow,
  CashFlowParams,
  Connector,
  Fill,
  IncrementalParams,
  NavParams,
  NavPoint,
  Order,
  Position,
  Quote,
  RawCapture,
  VenueAccount,
  VenuePortfolio,
} from "@/lib/connectors/types";
import type { FetchProgress } from "./progress";

/** Everything one sync read from a venue, validated, before anything is written. */
export interface VenueState {
  portfolios: VenuePortfolio[];
  accounts: VenueAccount[];
  balances: Balance[];
  /** Margin the venue published with the balances (absent or empty: none). */
  margins?: AccountMargin[];
  positions: Position[];
  orders: Order[];
  fills: Fill[];
  quotes: Quote[];
  nav: NavPoint[];
  cashFlows: CashFlow[];
  raw: RawCapture[];
}

/** What one run reads: per-stream starts and the context the venue needs for them. */
export interface FetchPlan {
  ordersSince: Date;
  fillsSince: Date;
  nav?: NavParams;
  /** The cash-flow read's cursor and pending re-read start, for a connector with "cash_flows". */
  cashFlows?: CashFlowParams;
  history?: Omit<IncrementalParams, "since">;
  /** Told when each stream starts and ends (the run's live progress). */
  progress?: FetchProgress;
}

export interface FetchedVenueState {
  state: VenueState;
  /** Independent streams that failed; their items are empty in `state`. */
  failures: FailedStream[];
}

/** The streams fetchVenueState reads from this connector, in its order. */
export function plannedStreams(connector: Connector): ProgressStream[] {
  const has = (c: Capability) => connector.capabilities.includes(c);
  const streams: ProgressStream[] = [];
  if (connector.fetchPortfolios) streams.push("portfolios");
  streams.push("accounts", "balances");
  if (has("derivatives")) streams.push("positions");
  if (has("orders")) streams.push("orders");
  if (has("fills")) streams.push("fills");
  if (has("cash_flows") && connector.fetchCashFlows) streams.push("cash_flows");
  streams.push("quotes");
  if (has("nav") && connector.fetchNav) streams.push("nav");
  return streams;
}

/**
 * Reads every stream the connector offers. Network I/O happens here, outside any
 * database transaction, so a slow venue never holds a lock.
 *
 * Holdings (portfolios, accounts, balances, positions) and quotes are required: without
 * them there is no snapshot, so their failure fails the run. Orders, fills, cash flows and
 * NAV are independent: a venue error on one is recorded and the others still count. An error that
 * is not a ConnectorError is a bug and fails the run whichever stream raised it.
 */
export async function fetchVenueState(connector: Connector, plan: FetchPlan): Promise<FetchedVenueState> {
  const p = connector.provider;
  const has = (c: Capability) => connector.capabilities.includes(c);
  const raw: RawCapture[] = [];
  const failures: FailedStream[] = [];
  const take = <R extends { raw: RawCapture[] }>(r: R): R => {
    raw.push(...r.raw);
    return r;
  };
  // Each read is announced before and after, so a watcher sees which stream is in flight.
  const step = async <T>(stream: ProgressStream, read: () => Promise<T[]>): Promise<T[]> => {
    plan.progress?.streamStarted(stream);
    try {
      const items = await read();
      plan.progress?.streamDone(stream, items.length);
      return items;
    } catch (e) {
      plan.progress?.streamFailed(stream);
      throw e;
    }
  };
  const independent = async <T>(stream: IndependentStream, read: () => Promise<T[]>): Promise<T[]> => {
    try {
      return await step(stream, read);
    } catch (e) {
      if (!isConnectorError(e)) throw e;
      failures.push({ stream, kind: e.kind, message: e.message });
      return [];
    }
  };

  const fetchPortfolios = connector.fetchPortfolios?.bind(connector);
  const portfolios = fetchPortfolios
    ? await step("portfolios", async () => checkStream(p, "portfolios", venuePortfolioSchema, take(await fetchPortfolios())))
    : [];
  const accounts = await step("accounts", async () => checkStream(p, "accounts", venueAccountSchema, take(await connector.fetchAccounts())));
  let margins: AccountMargin[] = [];
  const balances = await step("balances", async () => {
    const r = take(await connector.fetchBalances());
    margins = checkStream(p, "balances.margins", accountMarginSchema, { items: r.margins ?? [], raw: [] });
    return checkStream(p, "balances", balanceSchema, r);
  });
  const positions = has("derivatives")
    ? await step("positions", async () => checkStream(p, "positions", positionSchema, take(await connector.fetchPositions())))
    : [];
  const history = plan.history ?? {};
  const orders = has("orders")
    ? await independent("orders", async () =>
        checkStream(p, "orders", orderSchema, take(await connector.fetchOrders({ ...history, since: plan.ordersSince }))),
      )
    : [];
  const fills = has("fills")
    ? await independent("fills", async () =>
        checkStream(p, "fills", fillSchema, take(await connector.fetchFills({ ...history, since: plan.fillsSince }))),
      )
    : [];
  const fetchCashFlows = connector.fetchCashFlows?.bind(connector);
  const cashFlows =
    has("cash_flows") && fetchCashFlows
      ? await independent("cash_flows", async () =>
          checkStream(p, "cash_flows", cashFlowSchema, take(await fetchCashFlows(plan.cashFlows ?? {}))),
        )
      : [];

  const assets = new Set<string>();
  for (const b of balances) assets.add(b.asset);
  for (const pos of positions) {
    assets.add(pos.quoteCurrency);
    assets.add(pos.settleCurrency);
    assets.add(pos.underlying);
  }
  const quotes = await step("quotes", async () => checkStream(p, "quotes", quoteSchema, take(await connector.fetchQuotes([...assets]))));
  const fetchNav = connector.fetchNav?.bind(connector);
  const nav =
    has("nav") && fetchNav
      ? await independent("nav", async () => checkStream(p, "nav", navPointSchema, take(await fetchNav(plan.nav ?? {}))))
      : [];
  return { state: { portfolios, accounts, balances, margins, positions, orders, fills, quotes, nav, cashFlows, raw }, failures };
}
