import { D, toDecimalString } from "@/lib/money/decimal";
import type { Order, Position, Quote, StreamResult } from "../types";
import { DemoConnector, type DemoConfig } from ".";
import { demoMid } from "./market";
import { DEMO_FUTURES_ACCOUNT } from "./portfolio";
import { hashString, uniform } from "./random";
import { DEMO_SPOT_ACCOUNT } from "./trading";

/**
 * The demo venue at fund scale, for benchmarks and load tests: `positions` perpetuals
 * (synthetic underlyings SYN0001… priced as fractions of BTC) and `orders` resting limit
 * orders, of which about 1 % gain a fill every minute and 0.2 % are cancelled and
 * replaced. Everything stays a pure function of (seed, time).
 */
export interface ScaledDemoConfig extends DemoConfig {
  positions: number;
  orders: number;
}

const MINUTE = 60_000;
const EPOCH = Date.UTC(2026, 0, 1);

export class ScaledDemoConnector extends DemoConnector {
  private readonly n: { positions: number; orders: number };
  private readonly seedHash: number;

  constructor(private readonly scaled: ScaledDemoConfig) {
    super(scaled);
    this.n = { positions: scaled.positions, orders: scaled.orders };
    this.seedHash = hashString(`${scaled.seed}:scaled`);
  }

  private synthetic(i: number): string {
    return `SYN${String(i).padStart(4, "0")}`;
  }

  private syntheticPrice(i: number, at: number): string {
    return (demoMid(this.seedHash, "BTC", at) * (0.0005 + i / 20_000)).toFixed(4);
  }

  override async fetchPositions(): Promise<StreamResult<Position>> {
    const base = await super.fetchPositions();
    const at = this.scaled.now().getTime();
    const extra: Position[] = [];
    for (let i = base.items.length; i < this.n.positions; i++) {
      const underlying = this.synthetic(i);
      const qty = new D(uniform(this.seedHash, i, 1) < 0.5 ? -1 : 1).times(1 + Math.floor(uniform(this.seedHash, i, 2) * 100));
      const entry = new D(this.syntheticPrice(i, EPOCH));
      const mark = new D(this.syntheticPrice(i, at));
      extra.push({
        accountUid: DEMO_FUTURES_ACCOUNT,
        symbol: `${underlying}/USDT:USDT`,
        underlying,
        quoteCurrency: "USDT",
        settleCurrency: "USDT",
        instrumentType: "perpetual",
        side: qty.isNegative() ? "short" : "long",
        quantity: toDecimalString(qty),
        entryPrice: toDecimalString(entry),
        markPrice: toDecimalString(mark),
        notional: toDecimalString(qty.times(mark)),
        unrealizedPnl: toDecimalString(mark.minus(entry).times(qty)),
        leverage: "3",
        marginMode: "cross",
      });
    }
    return { items: [...base.items, ...extra], raw: base.raw };
  }

  override async fetchQuotes(assets: string[]): Promise<StreamResult<Quote>> {
    const base = await super.fetchQuotes(assets);
    const at = this.scaled.now();
    const extra: Quote[] = assets
      .filter((a) => a.startsWith("SYN"))
      .map((a) => ({ base: a, quote: "USD", price: this.syntheticPrice(Number.parseInt(a.slice(3), 10), at.getTime()), at }));
    return { items: [...base.items, ...extra], raw: base.raw };
  }

  /**
   * Slot k holds one resting order per 500-minute generation (staggered by slot). Its
   * filled quantity steps up once every 100 minutes from a per-order phase, so about
   * 1 % of all orders change in any minute; a fifth of them are cancelled halfway.
   */
  override async fetchOrders(): Promise<StreamResult<Order>> {
    const now = this.scaled.now().getTime();
    const minute = Math.floor((now - EPOCH) / MINUTE);
    const orders: Order[] = [];
    for (let k = 0; k < this.n.orders; k++) {
      const offset = k % 500;
      const generation = Math.floor((minute + offset) / 500);
      const born = generation * 500 - offset;
      const age = minute - born;
      const cancelled = age > 250 && uniform(this.seedHash, k, generation, 2) < 0.2;
      // A cancelled order's fills stop where it was cancelled.
      const filled = Math.floor((cancelled ? 250 : age) / 100 + uniform(this.seedHash, k, generation, 1));
      const lastChange = cancelled ? born + 250 : born + Math.max(0, Math.ceil((filled - uniform(this.seedHash, k, generation, 1)) * 100));
      orders.push({
        accountUid: DEMO_SPOT_ACCOUNT,
        venueOrderId: `scaled-${k}-${generation}`,
        clientOrderId: `grid:${k}-${generation}`,
        symbol: "BTC/USDT",
        side: k % 2 === 0 ? "buy" : "sell",
        type: "limit",
        status: cancelled ? "cancelled" : filled === 0 ? "open" : "partially_filled",
        price: (50_000 + (k % 1000) * 10).toFixed(2),
        quantity: "10",
        filledQuantity: String(Math.min(filled, 9)),
        createdAt: new Date(EPOCH + born * MINUTE),
        updatedAt: new Date(EPOCH + Math.min(minute, lastChange) * MINUTE),
        raw: { k, generation },
      });
    }
    return { items: orders, raw: [] };
  }
}
