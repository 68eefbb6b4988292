import { ConnectorError } from "../errors";
import type {
  Balance,
  Capability,
  ConnectionTestResult,
  Connector,
  Fill,
  IncrementalParams,
  Order,
  Position,
  Quote,
  RawCapture,
  StreamResult,
  VenueAccount,
} from "../types";
import { RunCache } from "../http/run-cache";
import { GROWW_ASSUMPTIONS } from "./assumptions";
import { GrowwClient, type HttpOverrides } from "./client";
import type { GrowwOrder, GrowwPosition, GrowwTrade } from "./schemas";
import type { GrowwConfig, GrowwCredentials } from "./settings";
import type { TokenCache } from "./token";
import { exchangeSymbol, GROWW_ACCOUNT, toCashBalance, toFill, toHoldingBalance, toOrder, toPositions, tradeTime } from "./transform";

export { growwConfigSchema, growwCredentialsSchema } from "./settings";
export { forgetGrowwToken, growwTokenState, type GrowwTokenState } from "./token";

export interface GrowwConnectorOptions {
  credentials: GrowwCredentials;
  config: GrowwConfig;
  now: () => Date;
  http?: HttpOverrides;
  tokenCache?: TokenCache;
}

interface OrderBook {
  orders: Array<{ row: GrowwOrder & { filled_quantity: string }; segment: string; trades: GrowwTrade[] }>;
  raw: RawCapture[];
}

/** One read of today's orders serves both the order and the fill stream of a run. */
const BOOK_TTL_MS = 60_000;

/**
 * Groww (Indian broker): demat holdings and INR cash as balances, intraday and F&O
 * positions, today's orders with their trades. Read-only; the daily token is renewed
 * automatically when an API key is stored.
 */
export class GrowwConnector implements Connector {
  readonly provider = "groww" as const;
  readonly capabilities: readonly Capability[] = ["spot", "derivatives", "orders", "fills"];
  private readonly client: GrowwClient;
  private readonly book: RunCache<OrderBook>;

  constructor(private readonly o: GrowwConnectorOptions) {
    this.client = new GrowwClient({
      baseUrl: o.config.baseUrl,
      credentials: o.credentials,
      now: o.now,
      http: o.http,
      tokenCache: o.tokenCache,
    });
    this.book = new RunCache(BOOK_TTL_MS, o.now);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    await this.client.holdings();
    return { ok: true, accounts: [GROWW_ACCOUNT], permissions: ["read"] };
  }

  async fetchAccounts(): Promise<StreamResult<VenueAccount>> {
    return { items: [GROWW_ACCOUNT], raw: [] };
  }

  async fetchBalances(): Promise<StreamResult<Balance>> {
    const holdings = await this.client.holdings();
    const margin = await this.client.margin();
    return {
      items: [...holdings.data.payload.holdings.map(toHoldingBalance), toCashBalance(margin.data.payload.clear_cash)],
      raw: [holdings.raw, margin.raw],
    };
  }

  async fetchPositions(): Promise<StreamResult<Position>> {
    const items: Position[] = [];
    const raw: RawCapture[] = [];
    for (const segment of this.o.config.segments) {
      const r = await this.client.positions(segment);
      raw.push(r.raw);
      const rows = r.data.payload.positions;
      const keyOf = (p: GrowwPosition) => exchangeSymbol(p.exchange ?? GROWW_ASSUMPTIONS.holdingsExchange, p.trading_symbol);
      const prices = await this.ltp(segment, rows.map(keyOf), raw);
      items.push(
        ...toPositions(segment, rows, (p) => {
          const price = prices.get(keyOf(p));
          if (price === undefined) {
            throw new ConnectorError({ kind: "bad_response", provider: "groww", endpoint: "GET /v1/live-data/ltp", message: `no last traded price for ${keyOf(p)}` });
          }
          return price;
        }),
      );
    }
    return { items, raw };
  }

  async fetchOrders(params: IncrementalParams): Promise<StreamResult<Order>> {
    const book = await this.loadBook();
    const now = this.o.now();
    const items = book.orders
      .map(({ row, trades }) => toOrder(row, latest(trades.map(tradeTime)), now))
      .filter((o) => o.status === "open" || o.status === "partially_filled" || !params.since || o.updatedAt >= params.since);
    return { items, raw: book.raw };
  }

  async fetchFills(params: IncrementalParams): Promise<StreamResult<Fill>> {
    const book = await this.loadBook();
    const now = this.o.now();
    const items = book.orders
      .flatMap(({ row, trades }) => trades.map((t) => toFill(t, row, now)))
      .filter((f) => !params.since || f.executedAt >= params.since);
    return { items, raw: [] };
  }

  /** Last traded prices in INR, of stocks and indices on the cash segment. */
  async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const raw: RawCapture[] = [];
    const wanted = [...new Set(assets)].filter((a) => a !== "INR").sort();
    const keyOf = (a: string) => exchangeSymbol(GROWW_ASSUMPTIONS.holdingsExchange, a);
    const prices = await this.ltp("CASH", wanted.map(keyOf), raw);
    const at = this.o.now();
    const items = wanted.flatMap((a) => {
      const price = prices.get(keyOf(a));
      return price === undefined ? [] : [{ base: a, quote: "INR", price, at }];
    });
    return { items, raw };
  }

  private async ltp(segment: string, keys: string[], raw: RawCapture[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += GROWW_ASSUMPTIONS.ltpBatch) {
      const r = await this.client.ltp(segment, unique.slice(i, i + GROWW_ASSUMPTIONS.ltpBatch));
      raw.push(r.raw);
      for (const [k, v] of Object.entries(r.data.payload)) out.set(k, v);
    }
    return out;
  }

  private loadBook(): Promise<OrderBook> {
    return this.book.get(() => this.readBook());
  }

  private async readBook(): Promise<OrderBook> {
    const raw: RawCapture[] = [];
    const orders: OrderBook["orders"] = [];
    for (const segment of this.o.config.segments) {
      for (let page = 0; ; page++) {
        const r = await this.client.orderList(segment, page, GROWW_ASSUMPTIONS.orderPageSize);
        raw.push(r.raw);
        for (const row of r.data.payload.order_list) {
          const full = row.filled_quantity !== undefined ? row : (await this.detail(row.groww_order_id, segment, raw));
          const filled = full.filled_quantity ?? "0";
          const trades = filled === "0" ? [] : await this.trades(full.groww_order_id, segment);
          orders.push({ row: { ...full, filled_quantity: filled }, segment, trades });
        }
        if (r.data.payload.order_list.length < GROWW_ASSUMPTIONS.orderPageSize) break;
      }
    }
    return { orders, raw };
  }

  /** A list row without its fill state is completed from the order detail. */
  private async detail(id: string, segment: string, raw: RawCapture[]): Promise<GrowwOrder> {
    const r = await this.client.orderDetail(id, segment);
    raw.push(r.raw);
    return r.data.payload;
  }

  private async trades(id: string, segment: string): Promise<GrowwTrade[]> {
    const out: GrowwTrade[] = [];
    for (let page = 0; ; page++) {
      const r = await this.client.trades(id, segment, page, GROWW_ASSUMPTIONS.tradePageSize);
      out.push(...r.data.payload.trade_list);
      if (r.data.payload.trade_list.length < GROWW_ASSUMPTIONS.tradePageSize) return out;
    }
  }
}

function latest(times: Array<Date | undefined>): Date | undefined {
  const ms = times.filter((t): t is Date => t !== undefined).map((t) => t.getTime());
  return ms.length ? new Date(Math.max(...ms)) : undefined;
}

export function createGrowwConnector(options: GrowwConnectorOptions): GrowwConnector {
  return new GrowwConnector(options);
}
