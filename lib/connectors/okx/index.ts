import { OrderNotFound } from "ccxt";
import type { z } from "zod";
import { D } from "@/lib/money/decimal";
import { parseSettings } from "@/lib/connectors/settings";
import { MarketLoader } from "@/lib/connectors/ccxt/market-loader";
import { type MarketCache, type MarketInfo, sharedMarketCache } from "@/lib/connectors/ccxt/markets";
import { enforceReadOnly } from "@/lib/connectors/ccxt/read-only";
import { VenueReader } from "@/lib/connectors/ccxt/reader";
import type { FetchLike } from "@/lib/connectors/ccxt/strict";
import { DAY_MS } from "@/lib/connectors/ccxt/windows";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { cashFlowWindow } from "@/lib/connectors/cash-flows";
import { ConnectorError } from "@/lib/connectors/errors";
import type {
  BalancesResult,
  Capability,
  CashFlow,
  CashFlowParams,
  ConnectionTestResult,
  Connector,
  Fill,
  IncrementalParams,
  Order,
  Position,
  Quote,
  RawCapture,
  ReadCoverage,
  StreamResult,
  VenueAccount,
} from "@/lib/connectors/types";
import { okxDeposit, okxWithdrawal } from "./cash-flows";
import { createOkxClient, type OkxClient } from "./client";
import { type OkxConfig, okxConfigSchema, type OkxCredentials, okxCredentialsSchema } from "./config";
import { rawData, readPages, type Rows } from "./paginate";
import {
  accountConfigSchema,
  depositHistorySchema,
  fillsSchema,
  fundingBalanceSchema,
  indexTickersSchema,
  ordersSchema,
  algoOrdersSchema,
  positionsSchema,
  tickersSchema,
  tradingBalanceSchema,
  withdrawalHistorySchema,
} from "./schemas";
import {
  contractValue,
  fundingBalances,
  OKX_ACCOUNTS,
  OKX_HARMLESS_PERMISSIONS,
  okxFill,
  okxOrder,
  okxPosition,
  permissionsFromPerm,
  quoteFromIndex,
  quoteFromTicker,
  tradingBalances,
  tradingMargins,
} from "./transform";

/**
 * OKX through ccxt: the trading account (balances, positions on swaps, futures and
 * margin), the funding account, pending orders, order history (7-day endpoint, or the
 * 3-month archive when `since` is older) and fills (3-day endpoint, or the 3-month
 * history), paged newest-first with `after`, and USD index prices plus spot tickers.
 * Options are not read (their markets are not loaded); their rows are skipped.
 */
export interface OkxConnectorOptions {
  credentials: OkxCredentials;
  config: OkxConfig;
  now: () => Date;
  fetchImplementation?: FetchLike;
  enableRateLimit?: boolean;
  marketCache?: MarketCache;
  logger?: (line: string) => void;
}

const ORDERS_RECENT_MS = 7 * DAY_MS;
const FILLS_RECENT_MS = 3 * DAY_MS;
const DEFAULT_HISTORY_MS = 7 * DAY_MS;
/** OKX's limits are per 2 s windows and it sends no Retry-After. */
const RATE_LIMIT_RETRY_S = 2;
/** orders-algo-pending takes one ordType a request, except "conditional,oco" together (OKX docs). */
const ALGO_ORDER_TYPES = ["conditional,oco", "trigger", "move_order_stop", "iceberg", "twap", "chase"] as const;

/** instType is mandatory on the history endpoints; options are not read. */
const HISTORY_INST_TYPES = ["SPOT", "MARGIN", "SWAP", "FUTURES"] as const;
const SPOT_QUOTES = ["USDT", "USDC"] as const;
/** A deposit is listed once seen on chain, a withdrawal once requested: an hour covers late listing. */
const FLOW_LAG_MS = 3_600_000;

type OrderRow = z.output<typeof ordersSchema>["data"][number];
type FillRow = z.output<typeof fillsSchema>["data"][number];

export class OkxConnector implements Connector {
  readonly provider = "okx" as const;
  readonly capabilities: readonly Capability[];
  readonly usesHistoryContext = true;
  private notRead: string[] = [];
  private readonly client: OkxClient;
  private readonly reader: VenueReader;
  private readonly markets: MarketLoader;

  constructor(private readonly o: OkxConnectorOptions) {
    // Demo trading has no deposits or withdrawals.
    this.capabilities = o.config.environment === "live" ? ["spot", "derivatives", "orders", "fills", "cash_flows"] : ["spot", "derivatives", "orders", "fills"];
    this.client = createOkxClient({
      credentials: o.credentials,
      environment: o.config.environment,
      timeoutMs: o.config.timeoutMs,
      fetchImplementation: o.fetchImplementation,
      enableRateLimit: o.enableRateLimit,
      logger: o.logger,
    });
    this.reader = new VenueReader({
      provider: this.provider,
      secrets: [o.credentials.apiKey, o.credentials.secret, o.credentials.passphrase],
      now: o.now,
      defaultRetryAfterSeconds: RATE_LIMIT_RETRY_S,
      timeoutMs: o.config.timeoutMs,
    });
    this.markets = new MarketLoader({
      exchange: this.client.exchange,
      reader: this.reader,
      cache: o.marketCache ?? sharedMarketCache,
      key: `okx:${o.config.environment}`,
      loadEndpoint: "GET /api/v5/public/instruments",
    });
  }

  /** What the run could not read: untriggered algo orders and their history (see countAlgoOrders). */
  readCoverage(): ReadCoverage {
    return this.notRead.length > 0 ? { notRead: this.notRead } : {};
  }

  requestStats() {
    return { requests: this.client.meter.total, byEndpoint: this.client.meter.byEndpoint() };
  }

  get exchange() {
    return this.client.exchange;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const ex = this.client.exchange;
    const r = await this.reader.read("GET /api/v5/account/config", accountConfigSchema, () => ex.privateGetAccountConfig());
    const cfg = r.data.data[0];
    if (!cfg) throw this.reader.fail("GET /api/v5/account/config", "no account configuration returned");
    const permissions = permissionsFromPerm(cfg.perm);
    enforceReadOnly({
      provider: this.provider,
      venueName: "OKX",
      permissions,
      harmless: OKX_HARMLESS_PERMISSIONS,
      allowTradingKeys: this.o.config.allowTradingKeys,
      howToCreateReadOnlyKey: "Profile → API keys → Create API key, with only the “Read” permission",
    });
    return { ok: true, accounts: this.accounts(), permissions };
  }

  async fetchAccounts(): Promise<StreamResult<VenueAccount>> {
    return { items: this.accounts(), raw: [] };
  }

  async fetchBalances(): Promise<BalancesResult> {
    const ex = this.client.exchange;
    const trading = await this.reader.read("GET /api/v5/account/balance", tradingBalanceSchema, () => ex.privateGetAccountBalance());
    const funding = await this.reader.read("GET /api/v5/asset/balances", fundingBalanceSchema, () => ex.privateGetAssetBalances());
    const items = [...trading.data.data.flatMap((a) => tradingBalances(a.details)), ...fundingBalances(funding.data.data)];
    const margins = trading.data.data.flatMap((a) => tradingMargins(a.details));
    return { items, raw: [trading.raw, funding.raw], margins };
  }

  async fetchPositions(): Promise<StreamResult<Position>> {
    const ex = this.client.exchange;
    const r = await this.reader.read("GET /api/v5/account/positions", positionsSchema, () => ex.privateGetAccountPositions());
    const items: Position[] = [];
    for (const p of r.data.data) {
      // Isolated margin leaves pos "0" rows behind after a transfer; options are not read.
      if (p.instType === "OPTION" || new D(p.pos).isZero()) continue;
      const m = await this.market(p.instId, r.raw.endpoint);
      const pos = okxPosition(p, m, contractValue(m));
      if (pos) items.push(pos);
    }
    return { items, raw: [r.raw] };
  }

  async fetchOrders(params: IncrementalParams): Promise<StreamResult<Order>> {
    const ex = this.client.exchange;
    const { start, end } = this.range(params);
    const raw: RawCapture[] = [];
    const byId = new Map<string, Order>();
    const keep = async (endpoint: string, rows: Rows<OrderRow>) => {
      for (const { row, raw: one } of rows) {
        if (row.instType === "OPTION") continue;
        const m = await this.market(row.instId, endpoint);
        const order = okxOrder(row, m, contractValue(m), one);
        const prev = byId.get(order.venueOrderId);
        if (!prev || order.updatedAt.getTime() >= prev.updatedAt.getTime()) byId.set(order.venueOrderId, order);
      }
    };

    const pending = await readPages(this.reader, "GET /api/v5/trade/orders-pending", ordersSchema, (q) => ex.privateGetTradeOrdersPending(q), {}, (o) => o.ordId);
    raw.push(...pending.raw);
    await keep("GET /api/v5/trade/orders-pending", pending.rows);
    raw.push(...(await this.countAlgoOrders()));

    const archive = start < end - ORDERS_RECENT_MS;
    const endpoint = archive ? "GET /api/v5/trade/orders-history-archive" : "GET /api/v5/trade/orders-history";
    for (const instType of HISTORY_INST_TYPES) {
      const call = archive ? (q: Record<string, string>) => ex.privateGetTradeOrdersHistoryArchive(q) : (q: Record<string, string>) => ex.privateGetTradeOrdersHistory(q);
      const r = await readPages(this.reader, endpoint, ordersSchema, call, { instType, begin: String(start), end: String(end) }, (o) => o.ordId);
      raw.push(...r.raw);
      await keep(endpoint, r.rows);
    }

    // History is filtered by creation time: an order stored as open that was created
    // before `since` and closed since appears in neither list, so it is asked for by id.
    for (const stale of params.openOrders ?? []) {
      if (byId.has(stale.venueOrderId)) continue;
      const m = (await this.markets.all()).bySymbol(stale.symbol);
      if (!m) continue;
      const found = await this.singleOrder(m.id, stale.venueOrderId);
      if (!found) continue;
      raw.push(found.raw);
      await keep(found.raw.endpoint, found.rows);
    }
    return { items: [...byId.values()], raw };
  }

  async fetchFills(params: IncrementalParams): Promise<StreamResult<Fill>> {
    const ex = this.client.exchange;
    const { start, end } = this.range(params);
    const raw: RawCapture[] = [];
    const rows: Rows<FillRow> = [];
    const recent = start >= end - FILLS_RECENT_MS;
    const endpoint = recent ? "GET /api/v5/trade/fills" : "GET /api/v5/trade/fills-history";
    if (recent) {
      const r = await readPages(this.reader, endpoint, fillsSchema, (q) => ex.privateGetTradeFills(q), { begin: String(start), end: String(end) }, (f) => f.billId);
      raw.push(...r.raw);
      rows.push(...r.rows);
    } else {
      for (const instType of HISTORY_INST_TYPES) {
        const r = await readPages(
          this.reader,
          endpoint,
          fillsSchema,
          (q) => ex.privateGetTradeFillsHistory(q),
          { instType, begin: String(start), end: String(end) },
          (f) => f.billId,
        );
        raw.push(...r.raw);
        rows.push(...r.rows);
      }
    }
    const items: Fill[] = [];
    const seen = new Set<string>();
    for (const { row, raw: one } of rows) {
      if (row.instType === "OPTION" || seen.has(row.billId)) continue;
      seen.add(row.billId);
      const m = await this.market(row.instId, endpoint);
      items.push(okxFill(row, m, contractValue(m), one));
    }
    return { items, raw };
  }

  async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const ex = this.client.exchange;
    const at = this.o.now();
    const wanted = [...new Set(assets)].filter((a) => a !== "USD").sort();
    if (wanted.length === 0) return { items: [], raw: [] };
    const index = await this.reader.read("GET /api/v5/market/index-tickers", indexTickersSchema, () =>
      ex.publicGetMarketIndexTickers({ quoteCcy: "USD" }),
    );
    const items: Quote[] = [];
    const priced = new Set<string>();
    for (const t of index.data.data) {
      const q = quoteFromIndex(t.instId, t.idxPx, at);
      if (q && q.quote === "USD" && wanted.includes(q.base)) {
        items.push(q);
        priced.add(q.base);
      }
    }
    const raw = [index.raw];
    const rest = wanted.filter((a) => !priced.has(a));
    if (rest.length > 0) {
      const markets = await this.markets.all();
      const pairs = rest
        .map((a) => SPOT_QUOTES.map((q) => markets.spotPair(a, q)).find((m) => m !== undefined))
        .filter((m): m is MarketInfo => m !== undefined);
      if (pairs.length > 0) {
        const tickers = await this.reader.read("GET /api/v5/market/tickers", tickersSchema, () => ex.publicGetMarketTickers({ instType: "SPOT" }));
        raw.push(tickers.raw);
        const byId = new Map(tickers.data.data.map((t) => [t.instId, t.last]));
        for (const m of pairs) {
          const last = byId.get(m.id);
          const q = last === undefined ? undefined : quoteFromTicker(m, last, at);
          if (q) items.push(q);
        }
      }
    }
    return { items, raw };
  }

  /**
   * Deposits to and withdrawals from the funding account, newest first in pages of 100
   * bounded by `before` (the window's start). Funding ↔ trading transfers are bills, not
   * these histories, and are not read.
   */
  async fetchCashFlows(params: CashFlowParams): Promise<StreamResult<CashFlow>> {
    if (!this.capabilities.includes("cash_flows")) {
      throw new ConnectorError({
        kind: "invalid_request",
        provider: this.provider,
        endpoint: "GET /api/v5/asset/deposit-history",
        message: "demo trading has no deposit or withdrawal history",
      });
    }
    const { start } = cashFlowWindow(params, { now: this.o.now(), lagMs: FLOW_LAG_MS });
    const ex = this.client.exchange;
    // `before` = records newer than it; each next page continues below the oldest ts seen
    // (+1 so rows sharing that millisecond are not skipped; the ids dedupe them).
    const base = { before: String(start - 1) };
    const deposits = await readPages(
      this.reader,
      "GET /api/v5/asset/deposit-history",
      depositHistorySchema,
      (q) => ex.privateGetAssetDepositHistory(q),
      base,
      (d) => String(d.ts + 1),
    );
    const withdrawals = await readPages(
      this.reader,
      "GET /api/v5/asset/withdrawal-history",
      withdrawalHistorySchema,
      (q) => ex.privateGetAssetWithdrawalHistory(q),
      base,
      (w) => String(w.ts + 1),
    );
    const byId = new Map<string, CashFlow>();
    for (const { row, raw } of deposits.rows) if (row.ts >= start) byId.set(`deposit:${row.depId}`, okxDeposit(row, raw));
    for (const { row, raw } of withdrawals.rows) if (row.ts >= start) byId.set(`withdrawal:${row.wdId}`, okxWithdrawal(row, raw));
    const items = [...byId.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.venueFlowId.localeCompare(b.venueFlowId));
    return { items, raw: [...deposits.raw, ...withdrawals.raw] };
  }

  // ---- internals ----------------------------------------------------------------------

  private accounts(): VenueAccount[] {
    return OKX_ACCOUNTS.map((a) => ({ ...a }));
  }

  private range(params: IncrementalParams): { start: number; end: number } {
    const end = this.o.now().getTime();
    const start = params.since ? params.since.getTime() : end - DEFAULT_HISTORY_MS;
    return { start: Math.min(start, end), end };
  }

  /**
   * Untriggered algo orders (stop-loss and take-profit, trigger, trailing, iceberg, TWAP,
   * chase) live outside the order book until they trigger; the order one places then is an
   * ordinary order, read with its fills (OKX_ASSUMPTIONS.triggeredAlgoPlacesOrdinaryOrder). They are not stored as orders: an algo has no
   * ordId, its own states and sizes, and the orders table's key and event chain are the
   * order book's. So they are counted by type and named on the connection as not read,
   * with their history (orders-algo-history: algos cancelled or failed before triggering),
   * which is not read at all. One request per type: OKX takes one ordType a request,
   * except conditional and oco together.
   */
  private async countAlgoOrders(): Promise<RawCapture[]> {
    const ex = this.client.exchange;
    const endpoint = "GET /api/v5/trade/orders-algo-pending";
    const raw: RawCapture[] = [];
    const byType = new Map<string, number>();
    for (const ordType of ALGO_ORDER_TYPES) {
      const r = await readPages(this.reader, endpoint, algoOrdersSchema, (q) => ex.privateGetTradeOrdersAlgoPending(q), { ordType }, (o) => o.algoId);
      raw.push(...r.raw);
      for (const { row } of r.rows) byType.set(row.ordType, (byType.get(row.ordType) ?? 0) + 1);
    }
    const total = [...byType.values()].reduce((a, b) => a + b, 0);
    const types = [...byType.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([t, n]) => `${t} ${n}`).join(", ");
    this.notRead = [
      ...(total > 0 ? [`${total} untriggered algo order${total === 1 ? "" : "s"} (${types}): not recorded as orders until they trigger; the order each places then is read.`] : []),
      "Algo order history (stop, trigger, trailing, iceberg, TWAP and chase orders cancelled or failed before triggering) is not read.",
    ];
    return raw;
  }

  private async market(instId: string, endpoint: string): Promise<MarketInfo> {
    const found = await this.markets.find((index) => index.byAnyId(instId));
    if (found) return found;
    throw this.reader.fail(endpoint, `unknown instrument ${instId}`);
  }

  private async singleOrder(instId: string, ordId: string): Promise<{ rows: Rows<OrderRow>; raw: RawCapture } | undefined> {
    const ex = this.client.exchange;
    const endpoint = "GET /api/v5/trade/order";
    const body = await this.reader.guard(endpoint, async () => {
      try {
        return await ex.privateGetTradeOrder({ instId, ordId });
      } catch (e) {
        // 51603: OKX no longer knows the order (cancelled long ago without fills).
        if (e instanceof OrderNotFound) return undefined;
        throw e;
      }
    });
    if (body === undefined) return undefined;
    const parsed = this.reader.parse(endpoint, ordersSchema, body);
    const bodies = rawData(body);
    return { rows: parsed.data.map((row, i) => ({ row, raw: bodies[i] })), raw: { endpoint, at: this.o.now(), body } };
  }
}

/** Builds an OKX connector from a stored connection (credentials still sealed). */
export function okxFromConnection(
  conn: { config: Record<string, unknown>; credentialsEncrypted: string | null },
  ctx: { now: () => Date },
): OkxConnector {
  const config = parseSettings("okx", okxConfigSchema, conn.config);
  const credentials = openCredentials("okx", okxCredentialsSchema, conn.credentialsEncrypted);
  return new OkxConnector({ credentials, config, now: ctx.now });
}
