import { D } from "@/lib/money/decimal";
import { cashFlowWindow } from "../cash-flows";
import { isConnectorError } from "../errors";
import type {
  Balance,
  Capability,
  CashFlow,
  CashFlowParams,
  ConnectionTestResult,
  Connector,
  NavParams,
  NavPoint,
  Position,
  Quote,
  RawCapture,
  StreamResult,
  VenueAccount,
  VenuePortfolio,
} from "../types";
import { RunCache } from "../http/run-cache";
import { DERIVED_FLOWS, ONETOKEN_ASSUMPTIONS } from "./assumptions";
import { derivedFundFlows } from "./derived-flows";
import { type HttpOverrides, OneTokenClient } from "./client";
import type { AssetPositionRow, NavRow } from "./schemas";
import type { OneTokenConfig, OneTokenCredentials } from "./settings";
import { dateToNs, impliedUsdQuotes, latestSnapshotRows, toAccounts, toHoldings, toNavPoints, toPortfolios } from "./transform";

export { oneTokenConfigSchema, oneTokenCredentialsSchema } from "./settings";

export interface OneTokenConnectorOptions {
  credentials: OneTokenCredentials;
  config: OneTokenConfig;
  now: () => Date;
  http?: HttpOverrides;
}

interface FundState {
  portfolios: VenuePortfolio[];
  accounts: VenueAccount[];
  balances: Balance[];
  positions: Position[];
  rows: AssetPositionRow[];
  raw: { portfolios: RawCapture[]; accounts: RawCapture[]; holdings: RawCapture[] };
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** One read of the funds serves every stream of a sync run. */
const STATE_TTL_MS = 60_000;

/**
 * 1Token CAM (fund / PMS platform): funds become portfolios, their exchange accounts and
 * sub-accounts trading accounts, the hourly asset snapshot the balances and positions,
 * and the historical NAV the valuations. Read-only; every call is scoped to the
 * connection's department when it has one.
 */
export class OneTokenConnector implements Connector {
  readonly provider = "onetoken" as const;
  readonly capabilities: readonly Capability[] = ["spot", "derivatives", "nav", "cash_flows"];
  private readonly client: OneTokenClient;
  private readonly state: RunCache<FundState>;

  constructor(private readonly o: OneTokenConnectorOptions) {
    this.client = new OneTokenClient({
      baseUrl: o.config.baseUrl,
      credentials: o.credentials,
      department: o.config.department,
      now: o.now,
      http: o.http,
    });
    this.state = new RunCache(STATE_TTL_MS, o.now);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const s = await this.load(true);
    return { ok: true, accounts: s.accounts, permissions: ["read"] };
  }

  async fetchPortfolios(): Promise<StreamResult<VenuePortfolio>> {
    const s = await this.load();
    return { items: s.portfolios, raw: s.raw.portfolios };
  }

  async fetchAccounts(): Promise<StreamResult<VenueAccount>> {
    const s = await this.load();
    return { items: s.accounts, raw: s.raw.accounts };
  }

  async fetchBalances(): Promise<StreamResult<Balance>> {
    const s = await this.load();
    return { items: s.balances, raw: s.raw.holdings };
  }

  async fetchPositions(): Promise<StreamResult<Position>> {
    const s = await this.load();
    return { items: s.positions, raw: [] };
  }

  async fetchOrders(): Promise<StreamResult<never>> {
    return { items: [], raw: [] };
  }

  async fetchFills(): Promise<StreamResult<never>> {
    return { items: [], raw: [] };
  }

  /**
   * USD prices from 1Token itself: implied by its valuation of the spot rows, then its
   * quote endpoint for the rest. An asset 1Token does not quote is left out.
   */
  async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const s = await this.load();
    const at = this.o.now();
    const implied = impliedUsdQuotes(s.rows, at);
    const have = new Set(implied.map((q) => q.base));
    const quotes: Quote[] = implied.filter((q) => assets.includes(q.base));
    const raw: RawCapture[] = [];
    for (const asset of [...new Set(assets)].sort()) {
      if (asset === "USD" || have.has(asset)) continue;
      try {
        const r = await this.client.lastPrice({ currency: asset, atNs: dateToNs(at) });
        raw.push(r.raw);
        if (new D(r.data.result).isPositive()) quotes.push({ base: asset, quote: "USD", price: r.data.result, at });
      } catch (e) {
        // An asset 1Token has no price for is refused as a bad request: leave it unpriced.
        if (isConnectorError(e) && e.kind === "invalid_request") continue;
        throw e;
      }
    }
    return { items: quotes, raw };
  }

  /** NAV per fund from its last stored point (inclusive), else from inception, split into windows. */
  async fetchNav(params: NavParams): Promise<StreamResult<NavPoint>> {
    const s = await this.load();
    const now = this.o.now();
    const rows: NavRow[] = [];
    const raw: RawCapture[] = [];
    for (const fund of s.portfolios) {
      const from = params.lastBySeries?.[fund.externalId] ?? params.since ?? this.fundHistoryStart(fund, now);
      const r = await this.navRows(fund.externalId, from, now);
      rows.push(...r.rows);
      raw.push(...r.raw);
    }
    return { items: toNavPoints(rows), raw };
  }

  /**
   * Subscriptions and redemptions, derived from each fund's units (no 1Token endpoint for
   * them is known: see DERIVED_FLOWS). The NAV is read from a week before the window, so
   * the window's first point has a predecessor; without a cursor, from inception.
   */
  async fetchCashFlows(params: CashFlowParams): Promise<StreamResult<CashFlow>> {
    const s = await this.load();
    const now = this.o.now();
    const window = cashFlowWindow(params, { now, lagMs: DERIVED_FLOWS.lagDays * DAY_MS });
    const items: CashFlow[] = [];
    const raw: RawCapture[] = [];
    for (const fund of s.portfolios) {
      const start = params.since || params.pendingSince ? window.start : this.fundHistoryStart(fund, now).getTime();
      const r = await this.navRows(fund.externalId, new Date(start - DERIVED_FLOWS.predecessorLookbackDays * DAY_MS), now);
      raw.push(...r.raw);
      items.push(...derivedFundFlows(r.rows).filter((f) => f.at.getTime() >= start));
    }
    return { items, raw };
  }

  private fundHistoryStart(fund: VenuePortfolio, now: Date): Date {
    return fund.inceptionAt ?? new Date(now.getTime() - ONETOKEN_ASSUMPTIONS.defaultNavHistoryDays * DAY_MS);
  }

  /** One fund's NAV rows from `from` to `now`, in windows 1Token answers. */
  private async navRows(fundName: string, from: Date, now: Date): Promise<{ rows: NavRow[]; raw: RawCapture[] }> {
    const rows: NavRow[] = [];
    const raw: RawCapture[] = [];
    for (let start = from.getTime(); start <= now.getTime(); start += ONETOKEN_ASSUMPTIONS.navWindowDays * DAY_MS) {
      const end = Math.min(now.getTime(), start + ONETOKEN_ASSUMPTIONS.navWindowDays * DAY_MS - 1);
      const r = await this.client.historicalNav({
        fundName,
        startNs: dateToNs(new Date(start)),
        endNs: dateToNs(new Date(end)),
        frequency: this.o.config.navFrequency,
      });
      raw.push(r.raw);
      rows.push(...r.data.result.historical_nav.filter((n) => n.fund_name === fundName));
    }
    return { rows, raw };
  }

  private load(fresh = false): Promise<FundState> {
    return this.state.get(() => this.read(this.o.now().getTime()), fresh);
  }

  private async read(now: number): Promise<FundState> {
    const list = await this.client.listPortfolios();
    const portfolios = toPortfolios(list.data.result.fund_info_list, this.o.config.department);
    const accounts = new Map<string, VenueAccount>();
    const accountRaw: RawCapture[] = [];
    for (const fund of portfolios) {
      const detail = await this.client.portfolioDetail(fund.externalId);
      accountRaw.push(detail.raw);
      for (const a of toAccounts(fund.externalId, detail.data.result.fund_children)) if (!accounts.has(a.accountUid)) accounts.set(a.accountUid, a);
    }

    const rows: AssetPositionRow[] = [];
    const holdingsRaw: RawCapture[] = [];
    const endNs = dateToNs(new Date(Math.floor(now / HOUR_MS) * HOUR_MS));
    const startNs = endNs - BigInt(ONETOKEN_ASSUMPTIONS.snapshotLookbackHours * HOUR_MS) * 1_000_000n;
    const funds = portfolios.map((f) => f.externalId);
    for (let i = 0; i < funds.length; i += ONETOKEN_ASSUMPTIONS.maxFundsPerSnapshotCall) {
      const r = await this.client.assetPositions({ funds: funds.slice(i, i + ONETOKEN_ASSUMPTIONS.maxFundsPerSnapshotCall), startNs, endNs });
      holdingsRaw.push(r.raw);
      rows.push(...r.data.result.asset_position_overview);
    }
    const latest = latestSnapshotRows(rows);
    const holdings = toHoldings(latest, [...accounts.values()]);
    return {
      portfolios,
      accounts: [...accounts.values(), ...holdings.extraAccounts],
      balances: holdings.balances,
      positions: holdings.positions,
      rows: latest,
      raw: { portfolios: [list.raw], accounts: accountRaw, holdings: holdingsRaw },
    };
  }
}

export function createOneTokenConnector(options: OneTokenConnectorOptions): OneTokenConnector {
  return new OneTokenConnector(options);
}
