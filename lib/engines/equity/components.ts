import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

/** The five parts equity is made of, accumulated exactly. */
export interface Components {
  spot: Dec;
  funding: Dec;
  futuresWallet: Dec;
  unrealizedPnl: Dec;
  marginDebt: Dec;
}

export type ComponentName = keyof Components;

export function emptyComponents(): Components {
  const zero = new D(0);
  return { spot: zero, funding: zero, futuresWallet: zero, unrealizedPnl: zero, marginDebt: zero };
}

export function addTo(c: Components, name: ComponentName, value: Dec): void {
  c[name] = c[name].plus(value);
}

export function componentsTotal(c: Components): Dec {
  return c.spot.plus(c.funding).plus(c.futuresWallet).plus(c.unrealizedPnl).plus(c.marginDebt);
}

export interface EquityBucket {
  key: string;
  spotValue: string;
  fundingValue: string;
  futuresWalletBalance: string;
  unrealizedPnl: string;
  marginDebt: string;
  total: string;
  /** total / overall total, a fraction (0.25 = 25 %); null when the overall total is not positive. */
  weight: string | null;
}

export interface EquityBreakdown {
  byVenue: EquityBucket[];
  byAccount: EquityBucket[];
  byAssetClass: EquityBucket[];
  byCurrency: EquityBucket[];
}

export const BREAKDOWN_DIMENSIONS = ["byVenue", "byAccount", "byAssetClass", "byCurrency"] as const;

export function toBuckets(groups: Map<string, Components>, overall: Dec): EquityBucket[] {
  return [...groups.entries()]
    .map(([key, c]) => ({ key, c, total: componentsTotal(c) }))
    .sort((a, b) => b.total.comparedTo(a.total) || a.key.localeCompare(b.key))
    .map(({ key, c, total }) => ({
      key,
      spotValue: toDecimalString(c.spot),
      fundingValue: toDecimalString(c.funding),
      futuresWalletBalance: toDecimalString(c.futuresWallet),
      unrealizedPnl: toDecimalString(c.unrealizedPnl),
      marginDebt: toDecimalString(c.marginDebt),
      total: toDecimalString(total),
      weight: overall.greaterThan(0) ? toDecimalString(total.div(overall)) : null,
    }));
}
