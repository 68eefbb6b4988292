import { gaussian, hashString } from "./random";

/**
 * Demo prices: a mean-reverting random walk in log space on hourly steps from a fixed
 * epoch, linearly interpolated inside the hour so every minute has its own price.
 * Mean reversion keeps the walk within roughly ±25 % of the anchor forever.
 */
export const MARKET_EPOCH = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;

interface AssetModel {
  anchor: number;
  /** Hourly log volatility. */
  vol: number;
  /** Decimals of the quoted price. */
  decimals: number;
}

export const ASSET_MODELS: Record<string, AssetModel> = {
  BTC: { anchor: 64000, vol: 0.007, decimals: 2 },
  ETH: { anchor: 3100, vol: 0.009, decimals: 2 },
  SOL: { anchor: 150, vol: 0.012, decimals: 3 },
  BNB: { anchor: 580, vol: 0.008, decimals: 2 },
  LINK: { anchor: 16, vol: 0.011, decimals: 4 },
  USDT: { anchor: 1, vol: 0.00004, decimals: 5 },
  USDC: { anchor: 1, vol: 0.00003, decimals: 5 },
};

const REVERSION_PER_HOUR = 1 / 1500;
const walks = new Map<string, Float64Array>();
const walkLengths = new Map<string, number>();

/** Log deviation from the anchor at whole hour `h` (0 = epoch). */
function logDeviation(seed: number, asset: string, h: number): number {
  const key = `${seed}:${asset}`;
  let walk = walks.get(key);
  let filled = walkLengths.get(key) ?? 0;
  if (!walk || h >= walk.length) {
    const grown = new Float64Array(Math.max(h + 1, (walk?.length ?? 0) * 2, 4096));
    if (walk) grown.set(walk.subarray(0, filled));
    walk = grown;
    walks.set(key, walk);
  }
  if (filled === 0) {
    walk[0] = 0;
    filled = 1;
  }
  const model = ASSET_MODELS[asset]!;
  const stream = hashString(asset);
  for (let i = filled; i <= h; i++) {
    walk[i] = walk[i - 1]! * (1 - REVERSION_PER_HOUR) + model.vol * gaussian(seed, stream, i);
  }
  walkLengths.set(key, Math.max(filled, h + 1));
  return walk[h]!;
}

export function isDemoAsset(asset: string): boolean {
  return asset in ASSET_MODELS;
}

function modelOf(asset: string): AssetModel {
  const model = ASSET_MODELS[asset];
  if (!model) throw new Error(`Demo venue has no market for ${asset}`);
  return model;
}

/** The simulated mid as a float: input to order placement, never to accounting. */
export function demoMid(seed: number, asset: string, atMs: number): number {
  const model = modelOf(asset);
  const hours = Math.max(0, (atMs - MARKET_EPOCH) / HOUR);
  const h = Math.floor(hours);
  const frac = hours - h;
  const x = logDeviation(seed, asset, h) * (1 - frac) + logDeviation(seed, asset, h + 1) * frac;
  return model.anchor * Math.exp(x);
}

/** The quoted price of one unit of `asset` in USD at `atMs`: the mid at tick precision. */
export function demoPrice(seed: number, asset: string, atMs: number): string {
  return demoMid(seed, asset, atMs).toFixed(modelOf(asset).decimals);
}
