import {
  balanceSchema,
  checkStream,
  fillSchema,
  navPointSchema,
  orderSchema,
  positionSchema,
  quoteSchema,
  venueAccountSchema,
  venuePortfolioSchema,
} from "@/lib/connectors/domain-schemas";
import type {
  Balance,
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

/** Everything one sync read from a venue, validated, before anything is written. */
export interface VenueState {
  portfolios: VenuePortfolio[];
  accounts: VenueAccount[];
  balances: Balance[];
  positions: Position[];
  orders: Order[];
  fills: Fill[];
  quotes: Quote[];
  nav: NavPoint[];
  raw: RawCapture[];
}

/**
 * Reads every stream the connector offers. Network I/O happens here, outside any
 * database transaction, so a slow venue never holds a lock.
 */
export async function fetchVenueState(
  connector: Connector,
  since: Date,
  navParams: NavParams = {},
  history: Omit<IncrementalParams, "since"> = {},
): Promise<VenueState> {
  const p = connector.provider;
  const has = (c: string) => connector.capabilities.includes(c as never);
  const raw: RawCapture[] = [];
  const take = <T>(r: { items: T[]; raw: RawCapture[] }) => {
    raw.push(...r.raw);
    return r;
  };

  const portfolios = connector.fetchPortfolios
    ? checkStream(p, "portfolios", venuePortfolioSchema, take(await connector.fetchPortfolios()))
    : [];
  const accounts = checkStream(p, "accounts", venueAccountSchema, take(await connector.fetchAccounts()));
  const balances = checkStream(p, "balances", balanceSchema, take(await connector.fetchBalances()));
  const positions = has("derivatives")
    ? checkStream(p, "positions", positionSchema, take(await connector.fetchPositions()))
    : [];
  const orders = has("orders") ? checkStream(p, "orders", orderSchema, take(await connector.fetchOrders({ ...history, since }))) : [];
  const fills = has("fills") ? checkStream(p, "fills", fillSchema, take(await connector.fetchFills({ ...history, since }))) : [];

  const assets = new Set<string>();
  for (const b of balances) assets.add(b.asset);
  for (const pos of positions) {
    assets.add(pos.quoteCurrency);
    assets.add(pos.settleCurrency);
    assets.add(pos.underlying);
  }
  const quotes = checkStream(p, "quotes", quoteSchema, take(await connector.fetchQuotes([...assets])));
  const nav =
    has("nav") && connector.fetchNav ? checkStream(p, "nav", navPointSchema, take(await connector.fetchNav(navParams))) : [];
  return { portfolios, accounts, balances, positions, orders, fills, quotes, nav, raw };
}
