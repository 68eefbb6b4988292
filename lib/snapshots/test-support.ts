import type { CaptureParams } from "./capture";

/**
 * A snapshot whose equity is simply `amount` of cash in `currency`, valued in that currency
 * (cash in the base needs no price): the smallest input that gives a known equity.
 */
export function cashSnapshot(p: { ownerId: string; connectionId: string; at: string; amount: string; currency?: string }): CaptureParams {
  const currency = p.currency ?? "USD";
  return {
    ownerId: p.ownerId,
    connectionId: p.connectionId,
    capturedAt: new Date(p.at),
    batchId: null,
    baseCurrency: currency,
    balances: [{ accountUid: "x", asset: currency, wallet: "spot", free: p.amount, locked: "0", total: p.amount }],
    positions: [],
    prices: {},
  };
}
