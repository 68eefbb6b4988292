import type { OrderStatus } from "@/lib/read-models/order-schemas";

/**
 * A pair's base and quote ("BTC/USDT" → BTC, USDT): a price is in the quote, a quantity in
 * the base. A plain ticker ("AAPL") has no quote to name.
 */
export function symbolParts(symbol: string): { base: string; quote: string | null } {
  const [base, quote] = symbol.split("/");
  return { base: base ?? symbol, quote: quote?.split(":")[0] ?? null };
}

/** Badge tones: done orders quiet, live ones highlighted, refusals red. */
export const ORDER_STATUS_TONE: Record<OrderStatus, "good" | "neutral" | "warn" | "bad"> = {
  open: "warn",
  partially_filled: "warn",
  filled: "good",
  cancelled: "neutral",
  expired: "neutral",
  rejected: "bad",
};

/** A long hash shortened for a table cell: its first 10 and last 4 characters. */
export const shortHash = (hash: string) => (hash.length > 16 ? `${hash.slice(0, 10)}…${hash.slice(-4)}` : hash);
