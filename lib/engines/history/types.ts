import type { Amount } from "@/lib/money/amount";

/**
 * Inputs and outputs of the history reconstruction (./index.ts). Money is exact: decimal
 * strings in, lib/money/amount values out (the same results as decimal.js, bigint-backed so a
 * two-year series costs milliseconds); strings at the storage edge (./rows.ts).
 */

/** An instant: epoch ms, an ISO string or a Date. */
export type Instant = number | string | Date;

/** A spot fill: `base` bought or sold against `quote`. */
export interface HistoryFill {
  at: Instant;
  base: string;
  quote: string;
  side: "buy" | "sell";
  /** > 0, in the base asset. */
  quantity: string;
  /** > 0, in the quote asset per base unit. */
  price: string;
  /** ≥ 0, in `feeCurrency` (the quote when absent). */
  fee?: string;
  feeCurrency?: string;
}

/** An external flow: + money or coins in (deposit), − out (withdrawal). */
export interface HistoryFlow {
  at: Instant;
  asset: string;
  amount: string;
}

export type IncomeKind = "funding" | "interest" | "staking" | "dividend" | "other";

/** Income is performance, not flow: + received, − paid (a funding payment on a perpetual). */
export interface HistoryIncome {
  at: Instant;
  asset: string;
  amount: string;
  kind: IncomeKind;
  /** The asset the income belongs to in the per-symbol series (BTC for BTC/USDT:USDT funding); `asset` when absent. */
  symbolAsset?: string;
}

/** A daily close in the base currency; the close of `date` values the end of the local day `date`. */
export interface DailyClose {
  date: string;
  close: string;
}

/** Balances observed at the end of a local day (a stored snapshot): the walk must pass through them. */
export interface ObservedBalances {
  date: string;
  balances: Readonly<Record<string, string>>;
}

export interface HistoryInput {
  baseCurrency: string;
  /** IANA zone of the workspace: days and calendar ranges are cut there. */
  timeZone: string;
  /** First local day of the series; the first event's day when absent. */
  from?: string;
  /** Local day of `balances` (today). */
  to: string;
  /** The venue's balances at the end of `to`: the truth the walk starts from. */
  balances: Readonly<Record<string, string>>;
  fills?: readonly HistoryFill[];
  flows?: readonly HistoryFlow[];
  income?: readonly HistoryIncome[];
  /** Per asset, in any order; the base currency needs none (it is 1). */
  prices: Readonly<Record<string, readonly DailyClose[]>>;
  observed?: readonly ObservedBalances[];
}

export type ResidualKind =
  /** Holdings before the first known event: history older than what was read. */
  | "opening"
  /** Undoing the events would make a balance negative: something took the asset out unseen. */
  | "negative-balance"
  /** The walk disagrees with an observed snapshot: an airdrop, a venue-internal conversion, a missed event. */
  | "unexplained-change";

/** A change of holdings nothing in the history explains. Counted as a flow, never as performance. */
export interface ResidualEvent {
  kind: ResidualKind;
  date: string;
  asset: string;
  /** Signed quantity: + appeared, − vanished. */
  quantity: string;
  /** In the base currency at the day's close; null when the asset has no price yet. */
  value: string | null;
  /** Applied at the start of the day (opening, unexplained-change) or at its end (negative-balance). */
  at: "start" | "end";
}

/** Per cost method: FIFO lots, or one lot at the quantity-weighted mean cost. */
export interface ByMethod<T> {
  fifo: T;
  average: T;
}

/** One asset's series: index i is the end of local day i. Cumulative figures run from the first day. */
export interface AssetSeries {
  asset: string;
  /** The base currency: cash, no cost basis, no PnL. */
  isBase: boolean;
  quantity: Amount[];
  /** The close used; null when none exists yet (the asset is then left out of value). */
  close: (Amount | null)[];
  /** 1 where the close was carried forward from an earlier day (never interpolated). */
  carried: Uint8Array;
  value: Amount[];
  costBasis: ByMethod<Amount[]>;
  /** Cumulative, gross of fees. Unrealised is value − cost basis: assetUnrealised (./ranges.ts), not stored per day. */
  realised: ByMethod<Amount[]>;
  /** Cumulative fees of fills in this asset, in the base currency. */
  fees: Amount[];
  /** Cumulative funding attributed to this asset. */
  funding: Amount[];
  /** Cumulative interest, staking, dividends and other income attributed to this asset. */
  income: Amount[];
  /** Cumulative net flows of this asset in the base currency (residuals excluded). */
  netFlows: Amount[];
}

export interface PortfolioSeries {
  value: Amount[];
  costBasis: ByMethod<Amount[]>;
  realised: ByMethod<Amount[]>;
  unrealised: ByMethod<Amount[]>;
  fees: Amount[];
  funding: Amount[];
  income: Amount[];
  /** Net external flows booked on the day (deposits +, withdrawals −). */
  netFlows: Amount[];
  /** Residual events valued on the day: flows nothing explains. */
  residualFlows: Amount[];
  /** Σ (netFlows + residualFlows) up to the day: the unit ledger's flows. */
  cumNetFlows: Amount[];
  /** Cumulative PnL since the first day: value − cumNetFlows (= realised + unrealised − fees + funding + income). */
  pnl: Amount[];
  /** NAV per unit; null while nothing is held. */
  navPerUnit: (string | null)[];
  units: string[];
  /** Assets valued at a carried close on the day; empty when none. */
  carriedAssets: string[][];
  /** Assets held without any close yet (left out of value). */
  unpricedAssets: string[][];
}

export interface HistoryDay {
  date: string;
  startMs: number;
  endMs: number;
}
