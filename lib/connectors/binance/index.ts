import { D } from "@/lib/money/decimal";
import { MarketLoader } from "@/lib/connectors/ccxt/market-loader";
import { type MarketCache, type MarketInfo, type MarketKind, sharedMarketCache } from "@/lib/connectors/ccxt/markets";
import { binanceBaseUrlOverride } from "@/lib/env/venue-override";
import { redirectingFetch } from "@/lib/connectors/http/redirect-fetch";
import { parseSettings } from "@/lib/connectors/settings";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { enforceReadOnly } from "@/lib/connectors/ccxt/read-only";
import { VenueReader } from "@/lib/connectors/ccxt/reader";
import { DAY_MS } from "@/lib/connectors/ccxt/windows";
import { cashFlowWindow } from "@/lib/connectors/cash-flows";
import { ConnectorError, isConnectorError } from "@/lib/connectors/errors";
import type {
  Balance,
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
import type { FetchLike } from "@/lib/connectors/ccxt/strict";
import { type BinanceClient, createBinanceClient } from "./client";
import { type BinanceConfig, binanceConfigSchema, type BinanceCredentials, binanceCredentialsSchema } from "./config";
import {
  apiRestrictionsSchema,
  coinmAccountSchema,
  coinmPositionsSchema,
  depositHistorySchema,
  fundingAssetsSchema,
  futuresOrdersSchema,
  papiAccountSchema,
  futuresTradesSchema,
  spotAccountSchema,
  spotOrdersSchema,
  spotTradesSchema,
  tickerPricesSchema,
  usdmAccountSchema,
  usdmPositionsSchema,
  usdmSymbolConfigSchema,
  withdrawHistorySchema,
} from "./schemas";
import { binanceDeposit, binanceWithdrawal } from "./cash-flows";
import { rawItems, readHistory, readWalletHistory } from "./paginate";
import { recoverStaleOrders } from "./stale-orders";
import { planHistorySymbols, planQuoteMarkets, SPOT_QUOTE_ASSETS, type HistorySymbols } from "./symbols";
import { dueSweepMarkets, marketsPairing, unexplainedAssets } from "./trade-discovery";
import { BINANCE_WEIGHT_LIMITS } from "./weight-limits";
import { BINANCE_ASSUMPTIONS } from "./assumptions";
import type { SpotTrade } from "./schemas";
import {
  BINANCE_HARMLESS_PERMISSIONS,
  binanceAccounts,
  coinmContractSize,
  coinmPosition,
  fundingBalances,
  futuresBalances,
  futuresFill,
  futuresMargins,
  futuresOrder,
  permissionsFromRestrictions,
  permissionsFromSpotAccount,
  quoteFromTicker,
  spotBalances,
  spotFill,
  spotOrder,
  usdmPosition,
} from "./transform";

/**
 * Binance through ccxt: spot, funding, USDⓈ-M and COIN-M futures — balances, positions,
 * open orders, order and fill history read incrementally per symbol within Binance's
 * window limits, and spot prices. Every call is an implicit ccxt endpoint call (ccxt
 * signs, throttles and maps venue errors) whose raw JSON is validated here and kept.
 */
export interface BinanceConnectorOptions {
  credentials: BinanceCredentials;
  config: BinanceConfig;
  now: () => Date;
  /** Tests: a fetch that reaches a fake venue while ccxt keeps Binance's URLs. */
  fetchImplementation?: FetchLike;
  enableRateLimit?: boolean;
  marketCache?: MarketCache;
  budgetClock?: () => number;
  sleep?: (ms: number) => Promise<void>;
  logger?: (line: string) => void;
}

/** Binance caps one history query: spot at 24 h; futures orders below 7 days, futures trades at 7 days. */
const SPOT_WINDOW_MS = DAY_MS;
const FUTURES_ORDERS_WINDOW_MS = 7 * DAY_MS - 1;
const FUTURES_TRADES_WINDOW_MS = 7 * DAY_MS;
const DEFAULT_HISTORY_MS = 7 * DAY_MS;
/** Deposit and withdrawal history: a query spans less than 90 days, 1000 rows a page. */
const WALLET_WINDOW_MS = 90 * DAY_MS - 1;
const WALLET_PAGE = 1000;
/** A deposit is listed once seen on chain, a withdrawal once requested: an hour covers clock skew and late listing. */
const FLOW_LAG_MS = 3_600_000;
/** State read this recently (on the connector's clock) is reused to pick history symbols. */
const REUSE_MS = 60_000;
const RATE_LIMIT_RETRY_S = 60;
/** A swept market is read again from an hour before its last sweep: trades listed late are still seen. */
const SWEEP_LOOKBACK_MS = 3_600_000;
/** Share of the connection's spot weight a minute one run's sweep may spend, so the sweep never crowds out the run's own reads. */
const SWEEP_SHARE_OF_BUDGET = 0.25;
/** myTrades without orderId (Binance's spot docs). */
const MY_TRADES_WEIGHT = 20;

interface SpotDiscovery {
  plan: HistorySymbols;
  trades: Array<{ market: MarketInfo; row: SpotTrade; raw: unknown }>;
  /** Markets whose order history this run reads, each from its own start. */
  orderMarkets: Array<{ market: MarketInfo; start: number }>;
  raw: RawCapture[];
}

export class BinanceConnector implements Connector {
  readonly provider = "binance" as const;
  readonly capabilities: readonly Capability[];
  readonly usesHistoryContext = true;
  private readonly client: BinanceClient;
  private readonly reader: VenueReader;
  private readonly markets: MarketLoader;
  private recent: {
    balances?: { at: number; items: Balance[] };
    positions?: { at: number; items: Position[] };
    openOrders?: { at: number; items: Order[]; raw: RawCapture[] };
    clientOrderIds: Map<string, string>;
  } = { clientOrderIds: new Map() };
  private readonly discovered = new Map<number, Promise<SpotDiscovery>>();
  /** Markets read this run because a balance moved with no fill to explain it (unified symbols). */
  readonly explained: string[] = [];
  private swept?: { markets: string[]; through: Date };
  private readonly notRead = new Set<string>();

  constructor(private readonly o: BinanceConnectorOptions) {
    // Deposit and withdrawal history live behind /sapi, which only the live venue has.
    this.capabilities = o.config.environment === "live" ? ["spot", "derivatives", "orders", "fills", "cash_flows"] : ["spot", "derivatives", "orders", "fills"];
    this.client = createBinanceClient({
      credentials: o.credentials,
      environment: o.config.environment,
      timeoutMs: o.config.timeoutMs,
      weightBudgetShare: o.config.weightBudgetShare,
      fetchImplementation: o.fetchImplementation,
      enableRateLimit: o.enableRateLimit,
      budgetClock: o.budgetClock,
      sleep: o.sleep,
      logger: o.logger,
    });
    this.reader = new VenueReader({
      provider: this.provider,
      secrets: [o.credentials.apiKey, o.credentials.secret],
      now: o.now,
      defaultRetryAfterSeconds: RATE_LIMIT_RETRY_S,
      timeoutMs: o.config.timeoutMs,
    });
    this.markets = new MarketLoader({
      exchange: this.client.exchange,
      reader: this.reader,
      cache: o.marketCache ?? sharedMarketCache,
      key: `binance:${o.config.environment}`,
      loadEndpoint: "GET exchangeInfo",
    });
  }

  /** The markets this run's sweep read completely, for their cursors (see trade-discovery.ts), and what it could not read. */
  readCoverage(): ReadCoverage {
    return { ...(this.swept ? { swept: this.swept } : {}), ...(this.notRead.size > 0 ? { notRead: [...this.notRead] } : {}) };
  }

  /** Requests made so far and the weight Binance last reported per bucket. */
  requestStats() {
    const b = this.client.budget;
    return {
      requests: this.client.meter.total,
      byEndpoint: this.client.meter.byEndpoint(),
      usedWeight: {
        spot: b.usedWeight("spot"),
        sapi: b.usedWeight("sapi"),
        sapi_uid: b.usedWeight("sapi_uid"),
        usdm: b.usedWeight("usdm"),
        coinm: b.usedWeight("coinm"),
      },
      waitedForBudgetMs: b.waitedMs,
    };
  }

  /** The underlying ccxt instance, for inspection in tests. */
  get exchange() {
    return this.client.exchange;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const ex = this.client.exchange;
    let permissions: string[];
    if (this.o.config.environment === "live") {
      const r = await this.reader.read("GET /sapi/v1/account/apiRestrictions", apiRestrictionsSchema, () => ex.sapiGetAccountApiRestrictions());
      permissions = permissionsFromRestrictions(r.data);
    } else {
      const r = await this.reader.read("GET /api/v3/account", spotAccountSchema, () => ex.privateGetAccount({ omitZeroBalances: "true" }));
      permissions = permissionsFromSpotAccount(r.data);
    }
    if (!permissions.includes("read")) {
      throw this.reader.fail("GET /sapi/v1/account/apiRestrictions", "this API key has no read permission; enable “Enable Reading” on it");
    }
    enforceReadOnly({
      provider: this.provider,
      venueName: "Binance",
      permissions,
      harmless: BINANCE_HARMLESS_PERMISSIONS,
      allowTradingKeys: this.o.config.allowTradingKeys,
      howToCreateReadOnlyKey: "Account → API Management → Create API → Edit restrictions: tick only “Enable Reading”",
    });
    return { ok: true, accounts: binanceAccounts(this.o.config.environment), permissions };
  }

  async fetchAccounts(): Promise<StreamResult<VenueAccount>> {
    return { items: binanceAccounts(this.o.config.environment), raw: [] };
  }

  async fetchBalances(): Promise<BalancesResult> {
    const ex = this.client.exchange;
    const spot = await this.reader.read("GET /api/v3/account", spotAccountSchema, () => ex.privateGetAccount({ omitZeroBalances: "true" }));
    const raw = [spot.raw];
    const items = spotBalances(spot.data);
    if (this.o.config.environment === "live") await this.probePortfolioMargin(raw);
    if (this.o.config.environment === "live") {
      const funding = await this.reader.read("POST /sapi/v1/asset/get-funding-asset", fundingAssetsSchema, () => ex.sapiPostAssetGetFundingAsset({}));
      raw.push(funding.raw);
      items.push(...fundingBalances(funding.data));
    }
    const usdm = await this.reader.read("GET /fapi/v3/account", usdmAccountSchema, () => ex.fapiPrivateV3GetAccount());
    const coinm = await this.reader.read("GET /dapi/v1/account", coinmAccountSchema, () => ex.dapiPrivateGetAccount());
    raw.push(usdm.raw, coinm.raw);
    items.push(...futuresBalances("usdm", usdm.data.assets), ...futuresBalances("coinm", coinm.data.assets));
    this.recent.balances = { at: this.o.now().getTime(), items };
    const margins = [...futuresMargins("usdm", usdm.data.assets), ...futuresMargins("coinm", coinm.data.assets)];
    return { items, raw, margins };
  }

  async fetchPositions(): Promise<StreamResult<Position>> {
    const ex = this.client.exchange;
    // V3 (V2 may be retired); leverage and margin mode per symbol from its configuration.
    const usdm = await this.reader.read("GET /fapi/v3/positionRisk", usdmPositionsSchema, () => ex.fapiPrivateV3GetPositionRisk());
    const open = usdm.data.filter((p) => !new D(p.positionAmt).isZero());
    const configs = open.length > 0 ? await this.reader.read("GET /fapi/v1/symbolConfig", usdmSymbolConfigSchema, () => ex.fapiPrivateGetSymbolConfig()) : undefined;
    const coinm = await this.reader.read("GET /dapi/v1/positionRisk", coinmPositionsSchema, () => ex.dapiPrivateGetPositionRisk());
    const items: Position[] = [];
    for (const p of open) {
      const config = configs?.data.find((c) => c.symbol === p.symbol);
      const pos = usdmPosition(p, await this.market(p.symbol, "linear", "GET /fapi/v3/positionRisk"), config);
      if (pos) items.push(pos);
    }
    for (const p of coinm.data) {
      if (new D(p.positionAmt).isZero()) continue;
      const m = await this.market(p.symbol, "inverse", "GET /dapi/v1/positionRisk");
      const size = coinmContractSize(m);
      if (!size) throw this.reader.fail("GET /dapi/v1/exchangeInfo", `no contractSize for ${p.symbol}`);
      const pos = coinmPosition(p, m, size);
      if (pos) items.push(pos);
    }
    this.recent.positions = { at: this.o.now().getTime(), items };
    return { items, raw: [usdm.raw, ...(configs ? [configs.raw] : []), coinm.raw] };
  }

  async fetchOrders(params: IncrementalParams): Promise<StreamResult<Order>> {
    const open = await this.openOrders();
    const raw = [...open.raw];
    const byKey = new Map<string, Order>();
    const keep = (o: Order) => {
      const k = `${o.accountUid}:${o.venueOrderId}`;
      const prev = byKey.get(k);
      if (!prev || o.updatedAt.getTime() >= prev.updatedAt.getTime()) byKey.set(k, o);
    };
    open.items.forEach(keep);

    const found = await this.discoverSpot(params, open.items);
    const { plan } = found;
    const { start, end } = this.range(params);
    const ex = this.client.exchange;
    for (const { market: m, start: from } of found.orderMarkets) {
      const r = await readHistory(
        this.reader,
        { endpoint: "GET /api/v3/allOrders", call: (q) => ex.privateGetAllOrders(q), limit: 1000, windowMs: SPOT_WINDOW_MS, cursor: "orderId", latestWithoutRange: true },
        spotOrdersSchema, m, Math.min(from, start), end, (o) => o.orderId, (o) => o.time,
      );
      raw.push(...r.raw);
      for (const { row, raw: one } of r.rows) keep(spotOrder(m.symbol, row, one));
    }
    for (const m of plan.usdm) {
      const r = await readHistory(
        this.reader,
        { endpoint: "GET /fapi/v1/allOrders", call: (q) => ex.fapiPrivateGetAllOrders(q), limit: 1000, windowMs: FUTURES_ORDERS_WINDOW_MS, cursor: "orderId" },
        futuresOrdersSchema, m, start, end, (o) => o.orderId, (o) => o.time,
      );
      raw.push(...r.raw);
      for (const { row, raw: one } of r.rows) keep(futuresOrder("usdm", m.symbol, row, one));
    }
    for (const m of plan.coinm) {
      const r = await readHistory(
        this.reader,
        { endpoint: "GET /dapi/v1/allOrders", call: (q) => ex.dapiPrivateGetAllOrders(q), limit: 100, windowMs: FUTURES_ORDERS_WINDOW_MS, cursor: "orderId" },
        futuresOrdersSchema, m, start, end, (o) => o.orderId, (o) => o.time,
      );
      raw.push(...r.raw);
      for (const { row, raw: one } of r.rows) keep(futuresOrder("coinm", m.symbol, row, one));
    }

    // Stored as open yet in neither list (created before `since`, closed since): asked for by id.
    const stale = recoverStaleOrders(
      { exchange: ex, reader: this.reader, now: this.o.now },
      params.openOrders ?? [],
      this.markets.loaded,
      (key) => byKey.has(key),
    );
    for await (const found of stale) {
      raw.push(found.raw);
      keep(found.order);
    }

    const items = [...byKey.values()];
    for (const o of items) if (o.clientOrderId) this.recent.clientOrderIds.set(`${o.accountUid}:${o.venueOrderId}`, o.clientOrderId);
    return { items, raw };
  }

  async fetchFills(params: IncrementalParams): Promise<StreamResult<Fill>> {
    const open = await this.openOrders();
    const found = await this.discoverSpot(params, open.items);
    const { plan } = found;
    const { start, end } = this.range(params);
    const ex = this.client.exchange;
    const raw: RawCapture[] = [...found.raw];
    const items: Fill[] = [];
    const coid = (account: string, orderId: string) => this.recent.clientOrderIds.get(`${account}:${orderId}`);

    for (const { market: m, row, raw: one } of found.trades) items.push(spotFill(m.symbol, row, one, coid("spot", row.orderId)));
    for (const m of plan.usdm) {
      const r = await readHistory(
        this.reader,
        { endpoint: "GET /fapi/v1/userTrades", call: (q) => ex.fapiPrivateGetUserTrades(q), limit: 1000, windowMs: FUTURES_TRADES_WINDOW_MS, cursor: "fromId" },
        futuresTradesSchema, m, start, end, (t) => t.id, (t) => t.time,
      );
      raw.push(...r.raw);
      for (const { row, raw: one } of r.rows) items.push(futuresFill("usdm", m.symbol, row, one, coid("usdm", row.orderId)));
    }
    for (const m of plan.coinm) {
      const r = await readHistory(
        this.reader,
        { endpoint: "GET /dapi/v1/userTrades", call: (q) => ex.dapiPrivateGetUserTrades(q), limit: 1000, windowMs: FUTURES_TRADES_WINDOW_MS, cursor: "fromId" },
        futuresTradesSchema, m, start, end, (t) => t.id, (t) => t.time,
      );
      raw.push(...r.raw);
      const size = coinmContractSize(m);
      for (const { row, raw: one } of r.rows) items.push(futuresFill("coinm", m.symbol, row, one, coid("coinm", row.orderId), size));
    }
    return { items, raw };
  }

  async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const markets = await this.markets.all();
    const wanted = planQuoteMarkets(assets, markets);
    if (wanted.length === 0) return { items: [], raw: [] };
    const ex = this.client.exchange;
    const ids = wanted.map((m) => m.id).sort();
    const r = await this.reader.read("GET /api/v3/ticker/price", tickerPricesSchema, () =>
      ex.publicGetTickerPrice({ symbols: JSON.stringify(ids) }),
    );
    const at = this.o.now();
    const items: Quote[] = [];
    for (const t of r.data) {
      const m = markets.byId(t.symbol, "spot");
      if (m) items.push(quoteFromTicker(t, m, at));
    }
    return { items, raw: [r.raw] };
  }

  /**
   * Deposits and withdrawals of the spot and funding wallets (crypto, on chain or from
   * another Binance account), in windows under 90 days, paged by offset. Transfers
   * between this account's own wallets are a different history and are not read.
   */
  async fetchCashFlows(params: CashFlowParams): Promise<StreamResult<CashFlow>> {
    if (!this.capabilities.includes("cash_flows")) {
      throw new ConnectorError({
        kind: "invalid_request",
        provider: this.provider,
        endpoint: "GET /sapi/v1/capital/deposit/hisrec",
        message: `deposit and withdrawal history do not exist on ${this.o.config.environment}`,
      });
    }
    // A first read takes one window (just under Binance's 90-day limit), not 90 days in two.
    const { start, end } = cashFlowWindow(params, { now: this.o.now(), lagMs: FLOW_LAG_MS, defaultHistoryMs: WALLET_WINDOW_MS });
    const ex = this.client.exchange;
    const deposits = await readWalletHistory(
      this.reader,
      { endpoint: "GET /sapi/v1/capital/deposit/hisrec", call: (q) => ex.sapiGetCapitalDepositHisrec(q), limit: WALLET_PAGE, windowMs: WALLET_WINDOW_MS },
      depositHistorySchema,
      start,
      end,
    );
    const withdrawals = await readWalletHistory(
      this.reader,
      { endpoint: "GET /sapi/v1/capital/withdraw/history", call: (q) => ex.sapiGetCapitalWithdrawHistory(q), limit: WALLET_PAGE, windowMs: WALLET_WINDOW_MS },
      withdrawHistorySchema,
      start,
      end,
    );
    // A row on a window's edge is listed by both windows: one flow per id.
    const byId = new Map<string, CashFlow>();
    const keep = (f: CashFlow) => byId.set(`${f.accountUid}:${f.venueFlowId}`, f);
    for (const { row, raw } of deposits.rows) keep(binanceDeposit(row, raw));
    for (const { row, raw } of withdrawals.rows) keep(binanceWithdrawal(row, raw));
    const items = [...byId.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.venueFlowId.localeCompare(b.venueFlowId));
    return { items, raw: [...deposits.raw, ...withdrawals.raw] };
  }

  // ---- internals ----------------------------------------------------------------------

  /**
   * A portfolio-margin account keeps its unified margin balances, UM and CM futures and
   * their orders behind /papi, which this connector does not read: when the probe answers
   * (see assumptions.ts), the run says so on the connection instead of leaving it out silently.
   */
  private async probePortfolioMargin(raw: RawCapture[]): Promise<void> {
    const endpoint = BINANCE_ASSUMPTIONS.portfolioMarginProbe;
    try {
      const r = await this.reader.read(endpoint, papiAccountSchema, () => this.client.exchange.papiGetAccount());
      raw.push(r.raw);
      this.notRead.add(
        `Portfolio margin account (status ${r.data.accountStatus}): its unified margin balances, UM and CM futures positions, orders and fills are held behind Binance's /papi API, which this connection does not read.`,
      );
    } catch (e) {
      // Not a portfolio-margin account (or a key that cannot see it): nothing is missing for this key.
      if (isConnectorError(e) && (e.kind === "auth" || e.kind === "permission" || e.kind === "invalid_request")) return;
      throw e;
    }
  }

  private range(params: IncrementalParams): { start: number; end: number } {
    const end = this.o.now().getTime();
    const start = params.since ? params.since.getTime() : end - DEFAULT_HISTORY_MS;
    return { start: Math.min(start, end), end };
  }

  private fresh(at: number | undefined): boolean {
    return at !== undefined && Math.abs(this.o.now().getTime() - at) <= REUSE_MS;
  }

  /** A market by venue id; a miss reloads markets once (a listing newer than the cache). */
  private async market(id: string, kind: MarketKind, endpoint: string): Promise<MarketInfo> {
    const found = await this.markets.find((index) => index.byId(id, kind));
    if (found) return found;
    throw this.reader.fail(endpoint, `unknown ${kind} market ${id}`);
  }

  private async openOrders(): Promise<{ items: Order[]; raw: RawCapture[] }> {
    if (this.recent.openOrders && this.fresh(this.recent.openOrders.at)) return this.recent.openOrders;
    const ex = this.client.exchange;
    // Without a symbol: an open order may sit on a market the account holds nothing of yet.
    const spot = await this.reader.read("GET /api/v3/openOrders", spotOrdersSchema, () => ex.privateGetOpenOrders());
    const usdm = await this.reader.read("GET /fapi/v1/openOrders", futuresOrdersSchema, () => ex.fapiPrivateGetOpenOrders());
    const coinm = await this.reader.read("GET /dapi/v1/openOrders", futuresOrdersSchema, () => ex.dapiPrivateGetOpenOrders());
    const items: Order[] = [];
    const spotRaw = rawItems(spot.raw.body);
    for (const [i, o] of spot.data.entries()) {
      items.push(spotOrder((await this.market(o.symbol, "spot", spot.raw.endpoint)).symbol, o, spotRaw[i]));
    }
    const usdmRaw = rawItems(usdm.raw.body);
    for (const [i, o] of usdm.data.entries()) {
      items.push(futuresOrder("usdm", (await this.market(o.symbol, "linear", usdm.raw.endpoint)).symbol, o, usdmRaw[i]));
    }
    const coinmRaw = rawItems(coinm.raw.body);
    for (const [i, o] of coinm.data.entries()) {
      items.push(futuresOrder("coinm", (await this.market(o.symbol, "inverse", coinm.raw.endpoint)).symbol, o, coinmRaw[i]));
    }
    this.recent.openOrders = { at: this.o.now().getTime(), items, raw: [spot.raw, usdm.raw, coinm.raw] };
    return this.recent.openOrders;
  }

  /**
   * The spot markets this run reads, and their trades (see trade-discovery.ts): the planned
   * markets from `since`; then, from the previous run's balances, the markets of assets
   * whose balance moved with no fill to explain it; then the sweep's due markets, each
   * probed by one myTrades call (its latest 1000 trades; windows only when that page is
   * full and reaches into the range). Orders are read for the planned and explained
   * markets and for the swept ones that turned out to have trades. Once per run and start.
   */
  private discoverSpot(params: IncrementalParams, openOrders: Order[]): Promise<SpotDiscovery> {
    const { start } = this.range(params);
    let found = this.discovered.get(start);
    if (!found) {
      found = this.readSpot(params, openOrders);
      this.discovered.set(start, found);
    }
    return found;
  }

  private async readSpot(params: IncrementalParams, openOrders: Order[]): Promise<SpotDiscovery> {
    const plan = await this.historySymbols(params, openOrders);
    const { start, end } = this.range(params);
    const ex = this.client.exchange;
    const markets = await this.markets.all();
    const raw: RawCapture[] = [];
    const trades: SpotDiscovery["trades"] = [];
    const orderMarkets: SpotDiscovery["orderMarkets"] = [];
    const myTrades = {
      endpoint: "GET /api/v3/myTrades",
      call: (q: Record<string, string>) => ex.privateGetMyTrades(q),
      limit: 1000,
      windowMs: SPOT_WINDOW_MS,
      cursor: "fromId" as const,
      latestWithoutRange: true,
    };
    const readFrom = async (m: MarketInfo, from: number) => {
      const r = await readHistory(this.reader, myTrades, spotTradesSchema, m, from, end, (t) => t.id, (t) => t.time);
      raw.push(...r.raw);
      return r.rows;
    };

    for (const m of plan.spot) {
      for (const t of await readFrom(m, start)) trades.push({ market: m, ...t });
      orderMarkets.push({ market: m, start });
    }

    // 1. Balances that moved with no fill to explain them: their markets, in this run.
    const read = new Set(plan.spot.map((m) => m.id));
    if (params.previousBalances) {
      const current = this.recent.balances?.items ?? [];
      const fills = trades.map((t) => spotFill(t.market.symbol, t.row, t.raw));
      const assets = unexplainedAssets({ previous: params.previousBalances, current, fills });
      const quotes = [...new Set([...SPOT_QUOTE_ASSETS, ...plan.spot.map((m) => m.quote)])];
      for (const m of marketsPairing(assets, quotes, markets)) {
        if (read.has(m.id)) continue;
        read.add(m.id);
        this.explained.push(m.symbol);
        for (const t of await readFrom(m, start)) trades.push({ market: m, ...t });
        orderMarkets.push({ market: m, start });
      }
    }

    // 2. The periodic sweep of every market holding an asset the account has ever held.
    const swept: string[] = [];
    if (params.sweep) {
      const due = dueSweepMarkets({
        heldAssets: params.sweep.heldAssets,
        sweptThrough: params.sweep.sweptThrough,
        markets,
        exclude: read,
        now: end,
        max: this.sweepMarketsPerRun(),
      });
      for (const m of due) {
        const through = params.sweep.sweptThrough[m.id];
        const from = through ? through.getTime() - SWEEP_LOOKBACK_MS : end - DEFAULT_HISTORY_MS;
        // Swept at least a day after the last sweep, so the range spans more than one window:
        // readHistory's first read is the latest 1000 trades, and windows follow only when
        // that page is full and starts inside the range.
        const hits = await readFrom(m, from);
        swept.push(m.id);
        if (hits.length === 0) continue;
        for (const t of hits) trades.push({ market: m, ...t });
        orderMarkets.push({ market: m, start: from });
      }
    }
    this.swept = { markets: swept, through: new Date(end) };
    return { plan, trades, orderMarkets, raw };
  }

  /** Sweep probes a run may spend: a quarter of the spot weight this connection may use a minute, at myTrades' 20 each. */
  private sweepMarketsPerRun(): number {
    return Math.floor((BINANCE_WEIGHT_LIMITS.spot! * this.o.config.weightBudgetShare * SWEEP_SHARE_OF_BUDGET) / MY_TRADES_WEIGHT);
  }

  private async historySymbols(params: IncrementalParams, openOrders: Order[]): Promise<HistorySymbols> {
    const balances = this.recent.balances && this.fresh(this.recent.balances.at) ? this.recent.balances.items : (await this.fetchBalances()).items;
    const positions = this.recent.positions && this.fresh(this.recent.positions.at) ? this.recent.positions.items : (await this.fetchPositions()).items;
    return planHistorySymbols({
      balances,
      positions,
      openOrders,
      known: [...this.o.config.knownSymbols, ...(params.symbols ?? []), ...(params.openOrders ?? []).map((o) => o.symbol)],
      markets: await this.markets.all(),
    });
  }
}

/** Builds a Binance connector from a stored connection (credentials still sealed). */
export function binanceFromConnection(
  conn: { config: Record<string, unknown>; credentialsEncrypted: string | null },
  ctx: { now: () => Date },
): BinanceConnector {
  const config = parseSettings("binance", binanceConfigSchema, conn.config);
  const credentials = openCredentials("binance", binanceCredentialsSchema, conn.credentialsEncrypted);
  // End-to-end tests only (lib/env/venue-override.ts): the operator's environment, never a request.
  const override = binanceBaseUrlOverride();
  return new BinanceConnector({ credentials, config, now: ctx.now, ...(override ? { fetchImplementation: redirectingFetch(override) } : {}) });
}
