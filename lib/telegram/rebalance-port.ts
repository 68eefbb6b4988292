import type { Db } from "@/db/client";

/**
 * What the bot needs from rebalancing (lib/rebalance, built beside this and wired by the
 * app): a preview from the workspace's saved targets, and a dry-run plan with quotes.
 * Plain, text-ready data: the bot formats it and never executes anything.
 */
export interface RebalanceScope {
  db: Db;
  ownerId: string;
  baseCurrency: string;
  now: Date;
}

export interface RebalanceLine {
  asset: string;
  /** Current and target weights as fractions in decimal strings ("0.25"). */
  currentWeight: string;
  targetWeight: string;
  /** Signed amount in the base currency to buy (+) or sell (−), decimal string. */
  deltaValue: string;
}

export type RebalancePreview =
  | { ok: true; lines: RebalanceLine[]; note?: string }
  | { ok: false; reason: string };

export interface RebalancePlanOrder {
  side: "buy" | "sell";
  symbol: string;
  /** Decimal strings. */
  quantity: string;
  quotePrice: string;
  valueBase: string;
  venue: string;
}

export type RebalancePlan =
  | { ok: true; orders: RebalancePlanOrder[]; quotedAt: Date; note?: string }
  | { ok: false; reason: string };

export interface RebalancePreviewer {
  preview(scope: RebalanceScope): Promise<RebalancePreview>;
  plan(scope: RebalanceScope): Promise<RebalancePlan>;
}
