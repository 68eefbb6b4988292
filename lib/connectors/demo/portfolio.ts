import { D, toDecimalString } from "@/lib/money/decimal";
import type { Balance, Position, VenueAccount } from "../types";
import { demoMid, demoPrice, MARKET_EPOCH } from "./market";
import { DEMO_FUNDING_ACCOUNT, flowBalanceDeltas, FUNDING_USDT_START } from "./flows";
import { uniform } from "./random";
import { DEMO_SPOT_ACCOUNT, inFlightBalanceDeltas } from "./trading";

/**
 * Demo holdings: a fixed spot book moved by the bots' in-flight trades, a funding
 * wallet, and a futures account whose perpetual positions are re-opened every week at
 * that week's price (the closed week's PnL is realized into the futures wallet). The
 * spot and funding wallets also move by the owner's deposits and withdrawals (flows.ts).
 */
const WEEK = 7 * 24 * 3_600_000;
export const DEMO_FUTURES_ACCOUNT = "demo-futures";
export { DEMO_FUNDING_ACCOUNT };

export const DEMO_ACCOUNTS: VenueAccount[] = [
  { accountUid: DEMO_SPOT_ACCOUNT, name: "Demo spot", venue: "demo", kind: "spot" },
  { accountUid: DEMO_FUTURES_ACCOUNT, name: "Demo USDT-M futures", venue: "demo", kind: "futures" },
  { accountUid: DEMO_FUNDING_ACCOUNT, name: "Demo funding", venue: "demo", kind: "funding" },
];

const SPOT_BOOK: Record<string, string> = {
  BTC: "1.25",
  ETH: "14.5",
  SOL: "220",
  BNB: "9.2",
  LINK: "640",
  USDT: "42000",
  USDC: "8000",
};
const FUTURES_WALLET_START = "30000";

interface PerpModel {
  underlying: string;
  /** Candidate weekly sizes in the underlying (negative = short). */
  sizes: string[];
  leverage: string;
  priceDecimals: number;
}

const PERPS: PerpModel[] = [
  { underlying: "BTC", sizes: ["0.6", "0.4", "-0.3", "0.8", "-0.5"], leverage: "5", priceDecimals: 2 },
  { underlying: "ETH", sizes: ["-6", "-4", "5", "-8", "3"], leverage: "3", priceDecimals: 2 },
];

function weekSize(seed: number, perp: PerpModel, week: number): string {
  return perp.sizes[Math.floor(uniform(seed, perp.underlying.length, week, 11) * perp.sizes.length)]!;
}

function weekEntry(seed: number, perp: PerpModel, week: number): string {
  return demoPrice(seed, perp.underlying, MARKET_EPOCH + week * WEEK);
}

/** Realized PnL of every week closed before `week`, summed exactly. */
const realizedCache = new Map<string, InstanceType<typeof D>[]>();
function realizedBefore(seed: number, week: number): InstanceType<typeof D> {
  const key = String(seed);
  const acc = realizedCache.get(key) ?? [new D(0)];
  for (let w = acc.length; w <= week; w++) {
    let pnl = new D(0);
    for (const perp of PERPS) {
      const exit = demoPrice(seed, perp.underlying, MARKET_EPOCH + w * WEEK);
      pnl = pnl.plus(new D(exit).minus(weekEntry(seed, perp, w - 1)).times(weekSize(seed, perp, w - 1)));
    }
    acc.push(acc[w - 1]!.plus(pnl));
  }
  realizedCache.set(key, acc);
  return acc[week]!;
}

export function demoBalances(seed: number, now: number): Balance[] {
  const deltas = inFlightBalanceDeltas(seed, now);
  const flows = flowBalanceDeltas(seed, now);
  const spot = Object.entries(SPOT_BOOK).map(([asset, base]): Balance => {
    const total = new D(base).plus(deltas.get(asset) ?? 0).plus(flows.get(`${DEMO_SPOT_ACCOUNT}:${asset}`) ?? 0);
    return { accountUid: DEMO_SPOT_ACCOUNT, asset, wallet: "spot", free: toDecimalString(total), locked: "0", total: toDecimalString(total) };
  });
  const week = Math.max(0, Math.floor((now - MARKET_EPOCH) / WEEK));
  const wallet = toDecimalString(new D(FUTURES_WALLET_START).plus(realizedBefore(seed, week)));
  const funding = toDecimalString(new D(FUNDING_USDT_START).plus(flows.get(`${DEMO_FUNDING_ACCOUNT}:USDT`) ?? 0));
  return [
    ...spot,
    { accountUid: DEMO_FUNDING_ACCOUNT, asset: "USDT", wallet: "funding", free: funding, locked: "0", total: funding },
    { accountUid: DEMO_FUTURES_ACCOUNT, asset: "USDT", wallet: "futures", free: wallet, locked: "0", total: wallet },
  ];
}

export function demoPositions(seed: number, now: number): Position[] {
  const week = Math.max(0, Math.floor((now - MARKET_EPOCH) / WEEK));
  return PERPS.map((perp): Position => {
    const quantity = new D(weekSize(seed, perp, week));
    const entry = new D(weekEntry(seed, perp, week));
    const mark = new D(demoMid(seed, perp.underlying, now).toFixed(perp.priceDecimals));
    const lev = new D(perp.leverage);
    const long = quantity.isPositive();
    // Isolated margin = entry notional / leverage; liquidation where the loss eats it.
    const liquidation = long ? entry.times(new D(1).minus(new D(1).div(lev))) : entry.times(new D(1).plus(new D(1).div(lev)));
    return {
      accountUid: DEMO_FUTURES_ACCOUNT,
      symbol: `${perp.underlying}/USDT:USDT`,
      underlying: perp.underlying,
      quoteCurrency: "USDT",
      settleCurrency: "USDT",
      instrumentType: "perpetual",
      side: long ? "long" : "short",
      quantity: toDecimalString(quantity),
      entryPrice: toDecimalString(entry),
      markPrice: toDecimalString(mark),
      notional: toDecimalString(quantity.times(mark)),
      unrealizedPnl: toDecimalString(mark.minus(entry).times(quantity)),
      liquidationPrice: toDecimalString(liquidation.toDecimalPlaces(perp.priceDecimals)),
      leverage: perp.leverage,
      marginMode: "isolated",
    };
  });
}
