/**
 * The contract every venue connector implements, and the domain types that leave it.
 *
 * Money, prices and quantities are exact decimal strings ("0.1", "-30500.25"), never
 * numbers: a connector parses the venue's text and hands the same digits on. Times are
 * `Date` in UTC. A connector never touches the database and never reads a clock other
 * than the one it was given (the demo venue is a pure function of seed and time).
 */

/** Exact decimal, as a string. */
export type DecimalString = string;

/** Every provider wired into `createConnector`; adding one here without a case fails to compile. */
export const PROVIDERS = ["demo", "onetoken", "binance", "okx", "groww", "ibkr", "okx_web3"] as const;
export type ProviderId = (typeof PROVIDERS)[number];

/** What a connector can read; the sync and the UI skip what a venue does not offer. */
export const CAPABILITIES = ["spot", "derivatives", "orders", "fills", "nav", "wallet", "cash_flows"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type AccountKind = "spot" | "futures" | "margin" | "funding" | "broker" | "wallet";

/** A venue account discovered through a connection (a Binance spot wallet, an IBKR account…). */
export interface VenueAccount {
  /** Stable id of the account at the venue, unique within the connection. */
  accountUid: string;
  name: string;
  alias?: string;
  venue: string;
  kind: AccountKind;
  /** External id of the portfolio (a 1Token fund) the venue groups this account under. */
  portfolioExternalId?: string;
  /** The venue's own valuation of the account in USD, when it publishes one. */
  balanceUsd?: DecimalString;
}

/** A named group of accounts kept at the venue: a 1Token fund. */
export interface VenuePortfolio {
  /** The venue's id of it ("fund/h47z03"). */
  externalId: string;
  name: string;
  alias?: string;
  /** Where the portfolio is defined ("1token"). */
  dataSource: string;
  baseCurrency: string;
  /** The venue department (tenant scope) it was listed under, when the connection uses one. */
  department?: string;
  inceptionAt?: Date;
}

/**
 * Which wallet a balance sits in. `futures` is the margin wallet of derivatives (its
 * balance excludes unrealized PnL); `funding` covers funding/earn wallets.
 */
export type WalletType = "spot" | "funding" | "futures" | "margin";

export interface Balance {
  accountUid: string;
  asset: string;
  wallet: WalletType;
  free: DecimalString;
  locked: DecimalString;
  /** free + locked; negative for a borrowed (margin debt) balance. */
  total: DecimalString;
}

/**
 * Margin as a venue publishes it for one account in one currency (a Binance futures
 * wallet's asset, an OKX trading-account currency). Never derived by the connector: a venue
 * or mode that does not publish these figures reports none.
 */
export interface AccountMargin {
  accountUid: string;
  currency: string;
  /** Initial margin in use by positions and open orders (Binance `initialMargin`, OKX `imr`). */
  used: DecimalString;
  /** Maintenance margin (Binance `maintMargin`, OKX `mmr`), when published. */
  maintenance?: DecimalString;
  /** What the venue says is still available to open positions (Binance `availableBalance`, OKX `availEq`). */
  available: DecimalString;
}

/** Balances, with the margin figures the same venue response carries. */
export interface BalancesResult extends StreamResult<Balance> {
  /** Absent or empty: the venue publishes no margin figure for these accounts. */
  margins?: AccountMargin[];
}

export type InstrumentType = "spot" | "margin" | "perpetual" | "future" | "option" | "equity";
export type PositionSide = "long" | "short";

/**
 * An open derivatives or broker position. Sign convention, the same in every connector:
 * `quantity` is signed (negative = short) and `side` agrees with its sign; `notional`
 * carries the same sign as `quantity`.
 */
export interface Position {
  accountUid: string;
  /** Unified symbol: "BTC/USDT:USDT" for a USDT-margined perpetual, "RELIANCE" for a stock. */
  symbol: string;
  /** The asset the position is exposed to ("BTC"), used to net spot and derivatives. */
  underlying: string;
  /** Currency prices and notional are quoted in ("USDT", "INR"). */
  quoteCurrency: string;
  /** Currency PnL and margin settle in. */
  settleCurrency: string;
  instrumentType: InstrumentType;
  side: PositionSide;
  /** Signed size in units of the underlying (contracts × contract size). */
  quantity: DecimalString;
  entryPrice: DecimalString;
  markPrice: DecimalString;
  /** Signed notional in the quote currency: quantity × markPrice. */
  notional: DecimalString;
  unrealizedPnl: DecimalString;
  liquidationPrice?: DecimalString;
  leverage?: DecimalString;
  marginMode?: "cross" | "isolated";
}

export type OrderSide = "buy" | "sell";
export type OrderStatus = "open" | "partially_filled" | "filled" | "cancelled" | "rejected" | "expired";

export interface Order {
  accountUid: string;
  venueOrderId: string;
  clientOrderId?: string;
  symbol: string;
  side: OrderSide;
  type: string;
  status: OrderStatus;
  /** Limit price; absent for market orders. */
  price?: DecimalString;
  quantity: DecimalString;
  filledQuantity: DecimalString;
  averagePrice?: DecimalString;
  createdAt: Date;
  updatedAt: Date;
  /** The venue's own record of the order, kept for the audit trail. */
  raw: unknown;
}

export interface Fill {
  accountUid: string;
  venueFillId: string;
  venueOrderId: string;
  clientOrderId?: string;
  symbol: string;
  side: OrderSide;
  price: DecimalString;
  quantity: DecimalString;
  /** Fee paid, positive; a rebate is negative. */
  fee: DecimalString;
  feeCurrency: string;
  liquidity?: "maker" | "taker";
  /** A strategy tag the venue carries in a field of its own (IBKR `orderReference`). */
  strategy?: string;
  /**
   * Set for an inverse contract, whose `quantity` stays in contracts: one contract's value in
   * the quote currency, as the venue's market data states it (Binance COIN-M `contractSize`,
   * OKX `ctVal`). Stored with the fill so trade statistics can price it without the market.
   */
  contractSize?: DecimalString;
  executedAt: Date;
  raw: unknown;
}

/** A price of one asset in another (BTC in USD, USDT in USD), as the venue quotes it. */
export interface Quote {
  base: string;
  quote: string;
  price: DecimalString;
  at: Date;
}

/** A NAV point published by a fund platform. */
export interface NavPoint {
  /** Unique within the connection. */
  snapshotId: string;
  /** The fund valued, when the point is a portfolio's (links it to the portfolio). */
  portfolioExternalId?: string;
  /** The account valued, when the point is one account's. */
  accountUid?: string;
  /** Currency of `netAssets`. */
  currency?: string;
  at: Date;
  netAssets: DecimalString;
  /** Absent where the platform has no units (an IBKR account). */
  navPerUnit?: DecimalString;
  grossReturn?: DecimalString;
  netReturn?: DecimalString;
  raw: unknown;
}

/**
 * What a cash flow is. `deposit` / `withdrawal` (and a fund's `subscription` /
 * `redemption`) move money into or out of an account from outside: they change equity
 * without being profit. `income` (dividends, interest, staking rewards) and `fee`
 * (charges outside trades: account fees, withholding tax, interest paid) are performance
 * that venues report in the same ledger; they are read so they can be shown, never
 * netted out of returns.
 */
export const CASH_FLOW_KINDS = ["deposit", "withdrawal", "subscription", "redemption", "income", "fee"] as const;
export type CashFlowKind = (typeof CASH_FLOW_KINDS)[number];
/** `other`: income that is none of the three (a fee rebate, a tax refund not tied to a dividend). */
export const INCOME_KINDS = ["dividend", "interest", "staking_reward", "other"] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];
/** Only `confirmed` flows count; a `pending` one may still become `failed` (no effect at all). */
export const CASH_FLOW_STATUSES = ["pending", "confirmed", "failed"] as const;
export type CashFlowStatus = (typeof CASH_FLOW_STATUSES)[number];

/**
 * Money entering or leaving an account, as the venue reports it (or, `source: "derived"`,
 * as the connector computed it from other venue data: 1Token fund units).
 *
 * Identity: (`accountUid` or `portfolioExternalId`, `venueFlowId`) is stable across reads;
 * a re-read of the same flow carries the same id and fields, except `status` /
 * `venueStatus` (and `txId`, `fee` once the venue fills them in). Each connector maps its
 * venue's status codes to `status` in its transform, documented there.
 */
export interface CashFlow {
  /** The account the money entered or left. Absent for a fund-level flow, which names the portfolio. */
  accountUid?: string;
  /** The fund a subscription or redemption belongs to (1Token), when it is not one account's. */
  portfolioExternalId?: string;
  /** The venue's id of the flow (prefixed with its kind where the venue numbers deposits and withdrawals apart). */
  venueFlowId: string;
  kind: CashFlowKind;
  /** Present exactly when `kind` is "income". */
  incomeKind?: IncomeKind;
  asset: string;
  /** Always positive: the direction is the kind's. A withdrawal's amount excludes its fee. */
  amount: DecimalString;
  /** When the venue says the flow happened (deposit credited or detected, withdrawal requested). */
  at: Date;
  status: CashFlowStatus;
  /** The venue's own status code or word ("6", "2", "success"); absent where it reports none (a statement). */
  venueStatus?: string;
  /** On-chain transaction hash, or the venue's reference for an off-chain transfer. */
  txId?: string;
  network?: string;
  /** What the venue charged for the flow, positive; a cost borne by the account, not part of the flow. */
  fee?: DecimalString;
  feeAsset?: string;
  /**
   * Set when the money moved between two accounts of this same connection (two tracked
   * wallets, two IBKR accounts of one statement). Such a flow changes each account's
   * balance but not the connection's: both legs are reported, and neither counts at the
   * connection or workspace level.
   */
  internal?: { counterpartyAccountUid?: string; reason: string };
  /** "venue": reported by it; "derived": computed by the connector (documented in its assumptions). */
  source: "venue" | "derived";
  /** The venue's own words for it ("Electronic Fund Transfer", "Dividends: AAPL …"). */
  description?: string;
  /** The venue's record, kept for the audit trail. */
  raw: unknown;
}

/** Kinds that are external money, not performance. */
const EXTERNAL_KINDS: ReadonlySet<CashFlowKind> = new Set(["deposit", "withdrawal", "subscription", "redemption"]);

/**
 * The one rule for what moves a connection's (or workspace's) net flows: a confirmed
 * deposit, withdrawal, subscription or redemption that did not move between two accounts
 * of the same connection. Income and fees are performance; pending and failed flows count
 * for nothing.
 */
export function isExternalFlow(f: Pick<CashFlow, "kind" | "status" | "internal">): boolean {
  return f.status === "confirmed" && EXTERNAL_KINDS.has(f.kind) && f.internal === undefined;
}

/** +1 for money in, −1 for money out, from the kind alone. */
export function flowDirection(kind: CashFlowKind): 1 | -1 {
  return kind === "deposit" || kind === "subscription" || kind === "income" ? 1 : -1;
}

/** One raw venue response, kept beside what was made of it. */
export interface RawCapture {
  endpoint: string;
  at: Date;
  body: unknown;
}

/** What one stream read returned, with the raw responses behind it. */
export interface StreamResult<T> {
  items: T[];
  raw: RawCapture[];
}

/** Where an incremental read starts. `since` is inclusive; connectors re-read a lookback. */
export interface IncrementalParams {
  since?: Date;
  /**
   * Unified symbols this connection has traded before (from its stored fills and orders).
   * Venues whose history endpoints need a symbol (Binance) ask for these too, so a market
   * that was closed out since the last sync is not forgotten.
   */
  symbols?: string[];
  /**
   * Orders stored as still open. A venue that lists history by creation time never shows
   * an old order that closed since `since`; the connector asks about these one by one.
   */
  openOrders?: Array<{ symbol: string; venueOrderId: string }>;
  /**
   * The balances stored by the last successful run, and when it read them. A venue whose
   * trade history needs a symbol (Binance) compares them with the balances it reads now:
   * an asset whose balance changed with no fill to explain it had a trade on a market not
   * otherwise read, so that asset's markets are read too.
   */
  previousBalances?: { at: Date; balances: Balance[] };
  /**
   * Every asset the account has ever held (as stored by earlier runs), and per market the
   * instant through which a sweep of its history is known complete. Binance sweeps, a few
   * markets a run, every market that contains such an asset (see its `trade-discovery.ts`).
   */
  sweep?: { heldAssets: string[]; sweptThrough: Record<string, Date> };
}

/**
 * What a run learnt about how completely it read the venue, asked of the connector after
 * its streams were read. `swept`: market ids whose whole history was read through
 * `through` (the sync advances their sweep cursors when the fills stream succeeded).
 * `notRead`: what the account holds that this connector does not read, in words a person
 * can act on ("portfolio-margin account (papi): its balances, positions and orders").
 */
export interface ReadCoverage {
  swept?: { markets: string[]; through: Date };
  notRead?: string[];
}

/**
 * Where a cash-flow read starts. `since` is the stream's cursor (inclusive; the caller may
 * already have taken a lookback off it); the connector reaches further back by its venue's
 * publication lag (a Flex statement of yesterday, a NAV computed after the day). Flows
 * stored as pending must be seen again until they settle: `pendingSince` is the earliest
 * `at` among them, and the read reaches back to it too. Without `since` a connector reads
 * its default history (`CASH_FLOW_DEFAULT_HISTORY_MS`, or what its venue keeps).
 */
export interface CashFlowParams {
  since?: Date;
  pendingSince?: Date;
}

/**
 * Where NAV reading starts: per series (a point's `portfolioExternalId`, else its
 * `accountUid`) the last point already stored, re-read inclusively; a series not listed
 * starts at `since`, or at the venue's full history when `since` is absent.
 */
export interface NavParams extends IncrementalParams {
  lastBySeries?: Readonly<Record<string, Date>>;
}

export interface ConnectionTestResult {
  ok: true;
  accounts: VenueAccount[];
  /** What the key may do, as the venue reports it ("read", "trade", "withdraw"). */
  permissions: string[];
}

/** What a connector's HTTP client counted since it was built (one connector per sync run). */
export interface RequestStats {
  requests: number;
  /** Requests per "METHOD /path". */
  byEndpoint?: Record<string, number>;
  /** Request weight the venue reported as used, per rate-limit bucket (Binance's per-minute weight). */
  usedWeight?: Record<string, number>;
}

export interface Connector {
  readonly provider: ProviderId;
  readonly capabilities: readonly Capability[];
  /** One cheap authenticated call: are the credentials valid, and what may they do. */
  testConnection(): Promise<ConnectionTestResult>;
  fetchAccounts(): Promise<StreamResult<VenueAccount>>;
  fetchBalances(): Promise<BalancesResult>;
  fetchPositions(): Promise<StreamResult<Position>>;
  /** Open orders plus orders that changed since `since` (filled, cancelled…). */
  fetchOrders(params: IncrementalParams): Promise<StreamResult<Order>>;
  fetchFills(params: IncrementalParams): Promise<StreamResult<Fill>>;
  /** Prices, in USD or a stablecoin, of the given assets; unknown assets are left out. */
  fetchQuotes(assets: string[]): Promise<StreamResult<Quote>>;
  /** Portfolios (funds) the venue groups accounts into; read before the accounts. */
  fetchPortfolios?(): Promise<StreamResult<VenuePortfolio>>;
  /**
   * True for venues whose incremental reads need what only the database knows: the
   * symbols traded before and the orders still stored open (Binance's per-symbol history,
   * OKX's creation-time order lists). Others are spared those reads on every run.
   */
  readonly usesHistoryContext?: boolean;
  fetchNav?(params: NavParams): Promise<StreamResult<NavPoint>>;
  /**
   * Deposits, withdrawals, subscriptions, redemptions, income and fees since
   * `params.since` (see `CashFlowParams`). Present exactly when `capabilities` holds
   * "cash_flows". Items may reach before `since` (lookback, pending re-reads): writes
   * are idempotent on (account or portfolio, `venueFlowId`), and a re-read item carries
   * its current status.
   */
  fetchCashFlows?(params: CashFlowParams): Promise<StreamResult<CashFlow>>;
  /** Requests made so far, recorded on the sync run; absent where the client does not count. */
  requestStats?(): RequestStats;
  /** What this run's reads covered and left out (see `ReadCoverage`); absent where the connector reports nothing. */
  readCoverage?(): ReadCoverage;
}
