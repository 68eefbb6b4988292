import { cashFlowWindow, flowsWithin } from "../cash-flows";
import type {
  Capability,
  CashFlowParams,
  Connector,
  ConnectionTestResult,
  IncrementalParams,
  Quote,
  RawCapture,
  StreamResult,
} from "../types";
import { demoFlowsUntil, toCashFlow } from "./flows";
import { demoPrice, isDemoAsset } from "./market";
import { DEMO_ACCOUNTS, demoBalances, demoPositions } from "./portfolio";
import { hashString } from "./random";
import { demoAmendedOrderLife, demoFills, demoOrders } from "./trading";

export interface DemoConfig {
  /** Any string; the same seed always produces the same venue. */
  seed: string;
  /** The venue's clock. The demo state is a pure function of (seed, this time). */
  now: () => Date;
}

const DEFAULT_LOOKBACK_MS = 7 * 24 * 3_600_000;

/**
 * A simulated exchange: spot balances in several assets, USDT-margined perpetuals,
 * market-making orders that fill over time, their fills, and the owner's occasional
 * deposits and withdrawals. Labelled "Demo" everywhere.
 */
export class DemoConnector implements Connector {
  readonly provider = "demo" as const;
  readonly capabilities: readonly Capability[] = ["spot", "derivatives", "orders", "fills", "cash_flows"];
  private readonly seed: number;

  constructor(private readonly config: DemoConfig) {
    this.seed = hashString(config.seed);
  }

  private result<T>(endpoint: string, items: T[]): StreamResult<T> {
    const raw: RawCapture = { endpoint: `demo:${endpoint}`, at: this.config.now(), body: items };
    return { items, raw: [raw] };
  }

  private since(params: IncrementalParams, now: number): number {
    return params.since ? params.since.getTime() : now - DEFAULT_LOOKBACK_MS;
  }

  async testConnection(): Promise<ConnectionTestResult> {
    return { ok: true, accounts: DEMO_ACCOUNTS, permissions: ["read"] };
  }

  async fetchAccounts() {
    return this.result("accounts", DEMO_ACCOUNTS);
  }

  async fetchBalances() {
    return this.result("balances", demoBalances(this.seed, this.config.now().getTime()));
  }

  async fetchPositions() {
    return this.result("positions", demoPositions(this.seed, this.config.now().getTime()));
  }

  async fetchOrders(params: IncrementalParams) {
    const now = this.config.now().getTime();
    return this.result("orders", demoOrders(this.seed, this.since(params, now), now));
  }

  async fetchFills(params: IncrementalParams) {
    const now = this.config.now().getTime();
    return this.result("fills", demoFills(this.seed, this.since(params, now), now));
  }

  /** Deposits and withdrawals in the window, with their status at the demo's clock. */
  async fetchCashFlows(params: CashFlowParams) {
    const now = this.config.now();
    const window = cashFlowWindow(params, { now, lagMs: 0 });
    const flows = demoFlowsUntil(this.seed, now.getTime()).map((f) => toCashFlow(f, now.getTime()));
    return this.result("cash-flows", flowsWithin(flows, window));
  }

  async fetchQuotes(assets: string[]) {
    const at = this.config.now();
    const quotes: Quote[] = [...new Set(assets)]
      .filter(isDemoAsset)
      .sort()
      .map((asset) => ({ base: asset, quote: "USD", price: demoPrice(this.seed, asset, at.getTime()), at }));
    return this.result("quotes", quotes);
  }
}

export function createDemoConnector(config: DemoConfig): DemoConnector {
  return new DemoConnector(config);
}

/**
 * When to sync the demo venue so one recent order is seen at each stage of its life
 * (see demoAmendedOrderLife): a second after each change, all before `beforeMs`.
 */
export function demoReplayInstants(seed: string, beforeMs: number): Date[] {
  return (demoAmendedOrderLife(hashString(seed), beforeMs) ?? []).map((t) => new Date(t + 1_000)).filter((t) => t.getTime() < beforeMs);
}
