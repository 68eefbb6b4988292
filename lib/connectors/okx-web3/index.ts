import { cashFlowWindow } from "../cash-flows";
import { RunCache } from "../http/run-cache";
import type {
  Balance,
  Capability,
  CashFlow,
  CashFlowParams,
  ConnectionTestResult,
  Connector,
  Quote,
  RawCapture,
  StreamResult,
  VenueAccount,
} from "../types";
import { normalizeAddress, OKX_WEB3_ASSUMPTIONS } from "./assumptions";
import { walletFlows } from "./cash-flows";
import { type HttpOverrides, OkxWeb3Client } from "./client";
import type { TxRow } from "./schemas";
import type { OkxWeb3Config, OkxWeb3Credentials } from "./settings";
import { type PricedHolding, priceKey, toAccount, toBalance, toHoldings, toQuotes, type WalletChain } from "./transform";

export { okxWeb3ConfigSchema, okxWeb3CredentialsSchema } from "./settings";

export interface OkxWeb3ConnectorOptions {
  credentials: OkxWeb3Credentials;
  config: OkxWeb3Config;
  now: () => Date;
  http?: HttpOverrides;
}

interface WalletRead {
  holdings: PricedHolding[];
  /** USD prices from /market/price for tokens the balance answer left unpriced. */
  prices: Map<string, string>;
  raw: RawCapture[];
  priceRaw: RawCapture[];
}

const READ_TTL_MS = 60_000;
const DAY_MS = 86_400_000;
/** Safety stop for a cursor that never ends: 500 pages of 20 is 10 000 transactions per wallet and chain. */
const MAX_HISTORY_PAGES = 500;

/**
 * On-chain wallets through OKX Web3: every configured address on every configured chain
 * is a wallet account holding its tokens; prices in USD come with the balances (or, when
 * missing, from the market price endpoint). Risk tokens are left out unless asked for.
 */
export class OkxWeb3Connector implements Connector {
  readonly provider = "okx_web3" as const;
  readonly capabilities: readonly Capability[] = ["wallet", "cash_flows"];
  private readonly client: OkxWeb3Client;
  private readonly wallets: RunCache<WalletRead>;

  constructor(private readonly o: OkxWeb3ConnectorOptions) {
    this.client = new OkxWeb3Client({ baseUrl: o.config.baseUrl, credentials: o.credentials, now: o.now, http: o.http });
    this.wallets = new RunCache(READ_TTL_MS, o.now);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    const first = this.o.config.wallets[0]!;
    await this.client.totalValue(normalizeAddress(first.address), first.chains.slice(0, 1), !this.o.config.includeRiskTokens);
    return { ok: true, accounts: this.walletChains().map((w) => toAccount(w)), permissions: ["read"] };
  }

  /** One account per address and chain, valued by OKX in USD (tokens and DeFi positions). */
  async fetchAccounts(): Promise<StreamResult<VenueAccount>> {
    const raw: RawCapture[] = [];
    const items: VenueAccount[] = [];
    for (const w of this.walletChains()) {
      const r = await this.client.totalValue(w.address, [w.chainIndex], !this.o.config.includeRiskTokens);
      raw.push(r.raw);
      items.push(toAccount(w, r.data.data[0]?.totalValue));
    }
    return { items, raw };
  }

  async fetchBalances(): Promise<StreamResult<Balance>> {
    const read = await this.read();
    return { items: read.holdings.map(toBalance), raw: read.raw };
  }

  async fetchPositions(): Promise<StreamResult<never>> {
    return { items: [], raw: [] };
  }

  async fetchOrders(): Promise<StreamResult<never>> {
    return { items: [], raw: [] };
  }

  async fetchFills(): Promise<StreamResult<never>> {
    return { items: [], raw: [] };
  }

  async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const read = await this.read();
    const wanted = new Set(assets);
    return { items: toQuotes(read.holdings, read.prices, this.o.now()).filter((q) => wanted.has(q.base)), raw: read.priceRaw };
  }

  /**
   * Transfers into and out of every tracked wallet, chain by chain, from the transaction
   * history (kept six months). A transfer between two tracked wallets is reported on both
   * and marked internal; swaps and other exchanges inside one transaction are trades, not
   * flows (see `walletFlows`).
   */
  async fetchCashFlows(params: CashFlowParams): Promise<StreamResult<CashFlow>> {
    const now = this.o.now();
    const { start, end } = cashFlowWindow(params, {
      now,
      lagMs: OKX_WEB3_ASSUMPTIONS.historyLagMs,
      earliestMs: now.getTime() - OKX_WEB3_ASSUMPTIONS.historyKeptDays * DAY_MS,
    });
    const chains = this.walletChains();
    const raw: RawCapture[] = [];
    const items: CashFlow[] = [];
    for (const w of chains) {
      const rows: Array<{ row: TxRow; raw: unknown }> = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
        const limit = OKX_WEB3_ASSUMPTIONS.historyPageLimit;
        const r = await this.client.transactions({ address: w.address, chains: [w.chainIndex], beginMs: start, endMs: end, limit, cursor });
        raw.push(r.raw);
        const body = rawTransactions(r.raw.body);
        const data = r.data.data[0] ?? { cursor: "", transactions: [] };
        data.transactions.forEach((row, i) => rows.push({ row, raw: body[i] }));
        if (!data.cursor || data.cursor === cursor || data.transactions.length < limit) break;
        cursor = data.cursor;
      }
      const tracked = new Set(chains.filter((c) => c.chainIndex === w.chainIndex).map((c) => c.address));
      items.push(
        ...walletFlows({ chainIndex: w.chainIndex, address: w.address, rows: rows.filter((r) => r.row.chainIndex === w.chainIndex), tracked, includeRiskTokens: this.o.config.includeRiskTokens }),
      );
    }
    return { items: items.sort((a, b) => a.at.getTime() - b.at.getTime() || a.venueFlowId.localeCompare(b.venueFlowId)), raw };
  }

  private walletChains(): WalletChain[] {
    return this.o.config.wallets.flatMap((w) => w.chains.map((chainIndex) => ({ address: normalizeAddress(w.address), chainIndex, label: w.label })));
  }

  private read(): Promise<WalletRead> {
    return this.wallets.get(async () => {
      const raw: RawCapture[] = [];
      const holdings: PricedHolding[] = [];
      for (const w of this.o.config.wallets) {
        const address = normalizeAddress(w.address);
        for (let i = 0; i < w.chains.length; i += OKX_WEB3_ASSUMPTIONS.maxChainsPerCall) {
          const chains = w.chains.slice(i, i + OKX_WEB3_ASSUMPTIONS.maxChainsPerCall);
          const r = await this.client.allTokenBalances(address, chains, !this.o.config.includeRiskTokens);
          raw.push(r.raw);
          const assets = r.data.data.flatMap((d) => d.tokenAssets).filter((a) => chains.includes(a.chainIndex));
          holdings.push(...toHoldings(address, assets, this.o.config.includeRiskTokens));
        }
      }
      const { prices, priceRaw } = await this.missingPrices(holdings);
      return { holdings, prices, raw, priceRaw };
    });
  }

  private async missingPrices(holdings: PricedHolding[]): Promise<{ prices: Map<string, string>; priceRaw: RawCapture[] }> {
    const prices = new Map<string, string>();
    const priceRaw: RawCapture[] = [];
    const unpriced = [
      ...new Map(
        holdings
          .filter((h) => h.usdPrice === undefined)
          .map((h) => [priceKey(h.chainIndex, h.tokenContractAddress), { chainIndex: h.chainIndex, tokenContractAddress: normalizeAddress(h.tokenContractAddress) }]),
      ).values(),
    ];
    for (let i = 0; i < unpriced.length; i += OKX_WEB3_ASSUMPTIONS.maxTokensPerPriceCall) {
      const r = await this.client.marketPrices(unpriced.slice(i, i + OKX_WEB3_ASSUMPTIONS.maxTokensPerPriceCall));
      priceRaw.push(r.raw);
      for (const p of r.data.data) if (p.price !== undefined) prices.set(priceKey(p.chainIndex, p.tokenContractAddress), p.price);
    }
    return { prices, priceRaw };
  }
}

/** The transaction rows of a history page as OKX sent them, to keep each flow next to its JSON. */
function rawTransactions(body: unknown): unknown[] {
  const page = (body as { data?: Array<{ transactions?: unknown; transactionList?: unknown }> } | undefined)?.data?.[0];
  const list = page?.transactions ?? page?.transactionList;
  return Array.isArray(list) ? list : [];
}

export function createOkxWeb3Connector(options: OkxWeb3ConnectorOptions): OkxWeb3Connector {
  return new OkxWeb3Connector(options);
}
