import { describe, expect, it } from "vitest";
import { MarketIndex, type MarketInfo } from "@/lib/connectors/ccxt/markets";
import type { Balance, Fill } from "@/lib/connectors/types";
import { dueSweepMarkets, marketsPairing, SWEEP_PERIOD_MS, unexplainedAssets } from "./trade-discovery";

const spot = (base: string, quote: string): MarketInfo => ({
  id: `${base}${quote}`, symbol: `${base}/${quote}`, base, quote, type: "spot", spot: true, swap: false, future: false, info: {},
});
const index = new MarketIndex([spot("BTC", "USDT"), spot("ETH", "USDT"), spot("ETH", "BTC"), spot("DOGE", "USDT"), spot("XRP", "BTC"), spot("SOL", "FDUSD")]);
const bal = (asset: string, total: string): Balance => ({ accountUid: "spot", asset, wallet: "spot", free: total, locked: "0", total });
const fill = (symbol: string, side: "buy" | "sell", price: string, quantity: string, fee: string, feeCurrency: string, at: Date): Fill => ({
  accountUid: "spot", venueFillId: `${symbol}:${at.getTime()}`, venueOrderId: "1", symbol, side, price, quantity, fee, feeCurrency, executedAt: at, raw: {},
});
const T0 = new Date("2026-11-20T10:00:00Z");
const later = new Date(T0.getTime() + 60_000);

describe("unexplainedAssets", () => {
  it("a change the run's fills account for exactly is explained; anything else is not", () => {
    const previous = { at: T0, balances: [bal("BTC", "1"), bal("USDT", "1000"), bal("XRP", "50")] };
    // Bought 0.01 BTC at 60 000 (600 USDT), fee 0.00001 BTC: BTC +0.00999, USDT −600. XRP gone with no fill.
    const current = [bal("BTC", "1.00999"), bal("USDT", "400")];
    const fills = [fill("BTC/USDT", "buy", "60000", "0.01", "0.00001", "BTC", later)];
    expect(unexplainedAssets({ previous, current, fills })).toEqual(["XRP"]);
  });

  it("fills executed before the previous read explain nothing (they were in its balances already)", () => {
    const previous = { at: later, balances: [bal("USDT", "1000")] };
    const current = [bal("USDT", "400"), bal("BTC", "0.01")];
    const fills = [fill("BTC/USDT", "buy", "60000", "0.01", "0", "BTC", T0)];
    expect(unexplainedAssets({ previous, current, fills })).toEqual(["BTC", "USDT"]);
  });

  it("a round trip that leaves the base at zero still moves the quote by the profit: unexplained without its fills", () => {
    const previous = { at: T0, balances: [bal("USDT", "1000")] };
    expect(unexplainedAssets({ previous, current: [bal("USDT", "1019.18")], fills: [] })).toEqual(["USDT"]);
  });
});

describe("marketsPairing", () => {
  it("pairs each asset with each quote asset, either way round, on listed spot markets only", () => {
    expect(marketsPairing(["XRP", "ETH"], ["USDT", "BTC"], index).map((m) => m.id)).toEqual(["ETHBTC", "ETHUSDT", "XRPBTC"]);
  });
});

describe("dueSweepMarkets", () => {
  const now = T0.getTime() + 10 * SWEEP_PERIOD_MS;
  it("every market containing a held asset, never-swept first, then the oldest, paced to `max`, leaving out what the run reads anyway", () => {
    const sweptThrough = { DOGEUSDT: new Date(now - 2 * SWEEP_PERIOD_MS), ETHUSDT: new Date(now - 3 * SWEEP_PERIOD_MS), ETHBTC: new Date(now - 1000) };
    const due = dueSweepMarkets({ heldAssets: ["USDT", "BTC"], sweptThrough, markets: index, exclude: new Set(["BTCUSDT"]), now, max: 10 });
    // ETHBTC swept a second ago: not due. SOL/FDUSD holds no held asset.
    expect(due.map((m) => m.id)).toEqual(["XRPBTC", "ETHUSDT", "DOGEUSDT"]);
    expect(dueSweepMarkets({ heldAssets: ["USDT", "BTC"], sweptThrough, markets: index, exclude: new Set(), now, max: 2 }).map((m) => m.id)).toEqual(["BTCUSDT", "XRPBTC"]);
  });
});
