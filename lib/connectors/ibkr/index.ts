import { ConnectorError } from "../errors";
import { cashFlowWindow, flowsWithin } from "../cash-flows";
import type {
  Balance,
  Capability,
  CashFlow,
  CashFlowParams,
  ConnectionTestResult,
  Connector,
  Fill,
  IncrementalParams,
  NavParams,
  NavPoint,
  Order,
  Position,
  Quote,
  RawCapture,
  StreamResult,
  VenueAccount,
} from "../types";
import { RunCache } from "../http/run-cache";
import { FLEX_CASH_LAG_DAYS } from "./assumptions";
import { flexCashFlows } from "./flex/cash-flows";
import { FlexClient, type HttpOverrides } from "./flex/client";
import { type FlexAccountStatement, flexAccounts, flexBalances, flexFills, flexNav, flexPositions, flexQuotes, readStatement } from "./flex/transform";
import { PortalClient } from "./portal/client";
import type { PortalPosition } from "./portal/schemas";
import { portalBalances, portalFills, portalOrder, portalPositions, portalQuotes } from "./portal/transform";
import type { IbkrConfig, IbkrCredentials } from "./settings";

export { ibkrConfigSchema, ibkrCredentialsSchema } from "./settings";

export interface IbkrConnectorOptions {
  credentials: IbkrCredentials;
  config: IbkrConfig;
  now: () => Date;
  http?: HttpOverrides;
}

interface Statement {
  accounts: FlexAccountStatement[];
  raw: RawCapture[];
}

interface Live {
  byAccount: Array<{
    accountId: string;
    positions: PortalPosition[];
    ledger: Record<string, { cashbalance: string }>;
    /** Net liquidation value in USD, when the gateway states it in USD. */
    netLiquidationUsd?: string;
  }>;
  raw: RawCapture[];
}

/** A statement is generated once per run; Flex is "not suitable for active polling". */
const STATEMENT_TTL_MS = 5 * 60_000;
const LIVE_TTL_MS = 60_000;

/**
 * Interactive Brokers. The Flex Web Service is the source of record: accounts, positions,
 * cash, executions (orderReference = strategy tag) and daily NAV, from one statement per
 * run. With a Client Portal gateway configured, positions, cash and orders are read live
 * from it instead, and today's share executions are added. Read-only throughout.
 */
export class IbkrConnector implements Connector {
  readonly provider = "ibkr" as const;
  readonly capabilities: readonly Capability[];
  private readonly flex: FlexClient;
  private readonly portal?: PortalClient;
  private readonly statement: RunCache<Statement>;
  private readonly live: RunCache<Live>;

  constructor(private readonly o: IbkrConnectorOptions) {
    this.flex = new FlexClient({
      baseUrl: o.config.flexBaseUrl,
      token: o.credentials.flexToken,
      queryId: o.config.flexQueryId,
      pollIntervalMs: o.config.pollIntervalMs,
      maxPolls: o.config.maxPolls,
      now: o.now,
      http: o.http,
    });
    if (o.config.gatewayUrl) this.portal = new PortalClient({ baseUrl: o.config.gatewayUrl, now: o.now, http: o.http });
    this.statement = new RunCache(STATEMENT_TTL_MS, o.now);
    this.live = new RunCache(LIVE_TTL_MS, o.now);
    this.capabilities = this.portal
      ? ["spot", "derivatives", "orders", "fills", "nav", "cash_flows"]
      : ["spot", "derivatives", "fills", "nav", "cash_flows"];
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const s = await this.loadStatement(true);
    if (this.portal) await this.portal.tickle();
    return { ok: true, accounts: flexAccounts(s.accounts), permissions: ["read"] };
  }

  /** Keeps the gateway session alive between syncs (IBKR expects a /tickle about once a minute). */
  async keepAlive(): Promise<boolean> {
    return this.portal ? this.portal.tickle() : false;
  }

  async fetchAccounts(): Promise<StreamResult<VenueAccount>> {
    const s = await this.loadStatement();
    const accounts = flexAccounts(s.accounts);
    if (this.portal) {
      const live = new Map((await this.loadLive()).byAccount.map((l) => [l.accountId, l]));
      for (const a of accounts) a.balanceUsd = live.get(a.accountUid)?.netLiquidationUsd;
      const known = new Set(accounts.map((a) => a.accountUid));
      for (const l of live.values()) {
        if (!known.has(l.accountId)) {
          accounts.push({ accountUid: l.accountId, name: l.accountId, venue: "ibkr", kind: "broker", balanceUsd: l.netLiquidationUsd });
        }
      }
    }
    return { items: accounts, raw: s.raw };
  }

  async fetchBalances(): Promise<StreamResult<Balance>> {
    if (!this.portal) return { items: flexBalances((await this.loadStatement()).accounts), raw: [] };
    const live = await this.loadLive();
    return { items: live.byAccount.flatMap((a) => portalBalances(a.accountId, a.positions, a.ledger)), raw: live.raw };
  }

  async fetchPositions(): Promise<StreamResult<Position>> {
    if (!this.portal) return { items: flexPositions((await this.loadStatement()).accounts), raw: [] };
    const live = await this.loadLive();
    return { items: live.byAccount.flatMap((a) => portalPositions(a.accountId, a.positions)), raw: [] };
  }

  async fetchOrders(): Promise<StreamResult<Order>> {
    if (!this.portal) return { items: [], raw: [] };
    await this.requireBrokerageSession("GET /iserver/account/orders");
    const answers = await this.portal.orders();
    const last = answers.at(-1)!;
    const now = this.o.now();
    return { items: last.data.orders.map((o) => portalOrder(o, now)), raw: answers.map((a) => a.raw) };
  }

  async fetchFills(params: IncrementalParams): Promise<StreamResult<Fill>> {
    const s = await this.loadStatement();
    const fills = flexFills(s.accounts, this.o.config.flexTimeZone, params.since);
    if (!this.portal) return { items: fills, raw: [] };
    await this.requireBrokerageSession("GET /iserver/account/trades");
    const r = await this.portal.trades();
    const base = new Map(s.accounts.map((a) => [a.accountId, a.baseCurrency ?? "USD"]));
    const seen = new Set(fills.map((f) => `${f.accountUid}:${f.venueFillId}`));
    const live = portalFills(r.data, (id) => base.get(id) ?? "USD", params.since).filter((f) => !seen.has(`${f.accountUid}:${f.venueFillId}`));
    return { items: [...fills, ...live], raw: [r.raw] };
  }

  async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const at = this.o.now();
    const quotes = new Map(flexQuotes((await this.loadStatement()).accounts, at).map((q) => [`${q.base}/${q.quote}`, q]));
    if (this.portal) {
      for (const q of portalQuotes((await this.loadLive()).byAccount.flatMap((a) => a.positions), at)) quotes.set(`${q.base}/${q.quote}`, q);
    }
    // Conversion rates are kept whatever was asked: they chain a holding's currency to the base.
    const wanted = new Set(assets);
    const currencies = new Set([...quotes.values()].map((q) => q.quote));
    return { items: [...quotes.values()].filter((q) => wanted.has(q.base) || currencies.has(q.base)), raw: [] };
  }

  async fetchNav(params: NavParams): Promise<StreamResult<NavPoint>> {
    const s = await this.loadStatement();
    return { items: flexNav(s.accounts, (id) => params.lastBySeries?.[id] ?? params.since), raw: [] };
  }

  /**
   * Deposits, withdrawals, dividends, interest, taxes and fees from the statement's
   * CashTransactions section (the Flex query must include it). How far back they reach is
   * the query's period; a statement arrives a day late, so the read starts two days
   * before the cursor.
   */
  async fetchCashFlows(params: CashFlowParams): Promise<StreamResult<CashFlow>> {
    const s = await this.loadStatement();
    const window = cashFlowWindow(params, { now: this.o.now(), lagMs: FLEX_CASH_LAG_DAYS * 86_400_000 });
    const rows = s.accounts.flatMap((a) => a.cashTransactions.map((row) => ({ accountId: a.accountId, row })));
    const flows = flexCashFlows(rows, new Set(s.accounts.map((a) => a.accountId)), this.o.config.flexTimeZone);
    return { items: flowsWithin(flows, window), raw: [] };
  }

  private async requireBrokerageSession(endpoint: string): Promise<void> {
    if (await this.portal!.tickle()) return;
    throw new ConnectorError({
      kind: "auth",
      provider: "ibkr",
      endpoint,
      message: "the gateway's brokerage session is not authenticated (another session may be competing): log in again at the gateway in a browser",
    });
  }

  private loadStatement(fresh = false): Promise<Statement> {
    return this.statement.get(async () => {
      const st = await this.flex.fetchStatement();
      return { accounts: readStatement(st.root), raw: st.raw };
    }, fresh);
  }

  private loadLive(): Promise<Live> {
    return this.live.get(async () => {
      const portal = this.portal!;
      await portal.tickle();
      const raw: RawCapture[] = [];
      const accounts = await portal.accounts();
      raw.push(accounts.raw);
      const byAccount: Live["byAccount"] = [];
      for (const a of accounts.data) {
        const positions: PortalPosition[] = [];
        for (let page = 0; ; page++) {
          const r = await portal.positions(a.id, page);
          raw.push(r.raw);
          positions.push(...r.data);
          if (r.data.length === 0) break;
        }
        const ledger = await portal.ledger(a.id);
        const summary = await portal.summary(a.id);
        raw.push(ledger.raw, summary.raw);
        const nlv = summary.data.netliquidation;
        byAccount.push({
          accountId: a.id,
          positions,
          ledger: ledger.data,
          netLiquidationUsd: nlv && (nlv.currency ?? a.currency) === "USD" ? nlv.amount : undefined,
        });
      }
      return { byAccount, raw };
    });
  }
}

export function createIbkrConnector(options: IbkrConnectorOptions): IbkrConnector {
  return new IbkrConnector(options);
}
