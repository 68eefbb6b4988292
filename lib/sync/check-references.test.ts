import { describe, expect, it } from "vitest";
import type { Balance, CashFlow, Fill, NavPoint, Order, Position, VenueAccount } from "@/lib/connectors/types";
import { checkReferences } from "./check-references";
import type { FetchedVenueState, VenueState } from "./fetch-venue-state";

const account: VenueAccount = { accountUid: "spot", name: "Spot", venue: "demo", kind: "spot" };
const balance: Balance = { accountUid: "spot", asset: "BTC", wallet: "spot", free: "1", locked: "0", total: "1" };
const order: Order = {
  accountUid: "spot",
  venueOrderId: "o1",
  symbol: "BTC/USDT",
  side: "buy",
  type: "limit",
  status: "open",
  price: "60000",
  quantity: "1",
  filledQuantity: "0",
  createdAt: new Date(0),
  updatedAt: new Date(0),
  raw: {},
};
const fill: Fill = {
  accountUid: "spot",
  venueFillId: "f1",
  venueOrderId: "o1",
  symbol: "BTC/USDT",
  side: "buy",
  price: "60000",
  quantity: "0.1",
  fee: "0.6",
  feeCurrency: "USDT",
  executedAt: new Date(0),
  raw: {},
};
const nav: NavPoint = { snapshotId: "n1", at: new Date(0), netAssets: "1", raw: {} };
const flow: CashFlow = { accountUid: "spot", venueFlowId: "d1", kind: "deposit", asset: "BTC", amount: "0.5", at: new Date(0), status: "confirmed", source: "venue", raw: {} };

function fetched(over: Partial<VenueState>): FetchedVenueState {
  const state: VenueState = { portfolios: [], accounts: [account], balances: [balance], positions: [], orders: [], fills: [], quotes: [], nav: [], cashFlows: [], raw: [], ...over };
  return { state, failures: [] };
}

describe("checkReferences", () => {
  it("a balance of an unlisted account fails the whole run", () => {
    expect(() => checkReferences(fetched({ balances: [{ ...balance, accountUid: "ghost" }] }))).toThrow(
      'sync: data for account "ghost", which the venue did not list among its accounts',
    );
  });

  it("an account in an unlisted portfolio fails the whole run", () => {
    expect(() => checkReferences(fetched({ accounts: [{ ...account, portfolioExternalId: "fund/x" }] }))).toThrow(
      'sync: data for portfolio "fund/x", which the venue did not list among its portfolios',
    );
  });

  it("an orphan order drops only the orders (1 failure), keeping the 1 valid fill and the NAV point", () => {
    const input = fetched({
      orders: [order, { ...order, venueOrderId: "o2", accountUid: "ghost" }],
      fills: [fill],
      nav: [{ ...nav, accountUid: "spot" }],
    });
    const out = checkReferences(input);
    expect(out.failures).toEqual([
      { stream: "orders", kind: "bad_response", message: 'sync: data for account "ghost", which the venue did not list among its accounts' },
    ]);
    expect([out.state.orders.length, out.state.fills.length, out.state.nav.length]).toEqual([0, 1, 1]);
  });

  it("a NAV point of an unlisted fund drops the NAV stream and keeps an earlier fetch failure", () => {
    const input: FetchedVenueState = {
      ...fetched({ nav: [{ ...nav, portfolioExternalId: "fund/gone" }] }),
      failures: [{ stream: "fills", kind: "unavailable", message: "demo GET /fills: 503" }],
    };
    const out = checkReferences(input);
    expect(out.failures.map((f) => [f.stream, f.kind])).toEqual([
      ["fills", "unavailable"],
      ["nav", "bad_response"],
    ]);
    expect(out.state.nav).toEqual([]);
  });

  it("a balance listed twice (same account, asset and wallet) fails the whole run; the same asset in two wallets does not", () => {
    expect(() => checkReferences(fetched({ balances: [balance, { ...balance, total: "2" }] }))).toThrow(
      'balance BTC (spot wallet) of account "spot" listed twice',
    );
    expect(checkReferences(fetched({ balances: [balance, { ...balance, wallet: "funding" }] })).failures).toEqual([]);
  });

  it("a position listed twice on one side fails the whole run; a long and a short of one symbol (hedge mode) do not", () => {
    const long: Position = {
      accountUid: "spot",
      symbol: "BTC/USDT:USDT",
      underlying: "BTC",
      quoteCurrency: "USDT",
      settleCurrency: "USDT",
      instrumentType: "perpetual",
      side: "long",
      quantity: "1",
      entryPrice: "60000",
      markPrice: "61000",
      notional: "61000",
      unrealizedPnl: "1000",
    };
    const short: Position = { ...long, side: "short", quantity: "-1", notional: "-61000", unrealizedPnl: "-1000" };
    expect(() => checkReferences(fetched({ positions: [long, long] }))).toThrow('long position BTC/USDT:USDT of account "spot" listed twice');
    expect(checkReferences(fetched({ positions: [long, short] })).failures).toEqual([]);
  });

  it("a cash flow of an unlisted account or fund fails only the cash_flows stream, naming the flow and its holder; the fills stay", () => {
    const ghost = checkReferences(fetched({ cashFlows: [flow, { ...flow, venueFlowId: "d2", accountUid: "ghost" }], fills: [fill] }));
    expect(ghost.failures).toEqual([
      { stream: "cash_flows", kind: "bad_response", message: 'sync: cash flow "d2" of account "ghost", which the venue did not list among its accounts' },
    ]);
    expect([ghost.state.cashFlows.length, ghost.state.fills.length]).toEqual([0, 1]);
    const fund = checkReferences(fetched({ cashFlows: [{ ...flow, accountUid: undefined, portfolioExternalId: "fund/gone", kind: "subscription" }] }));
    expect(fund.failures.map((f) => f.message)).toEqual(['sync: cash flow "d1" of portfolio "fund/gone", which the venue did not list among its portfolios']);
    expect(checkReferences(fetched({ cashFlows: [flow] })).failures).toEqual([]);
  });
});
