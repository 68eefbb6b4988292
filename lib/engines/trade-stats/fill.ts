import type { OrderSide } from "@/lib/connectors/types";

/** One fill as trade statistics read it; its own file so the position split and the entry point share it without a cycle. */
export interface TradeFill {
  symbol: string;
  side: OrderSide;
  price: string;
  quantity: string;
  /** Positive paid, negative rebate. */
  fee: string;
  feeCurrency: string;
  executedAt: Date | string;
  venueFillId?: string;
  accountUid?: string;
  strategy?: string | null;
  /**
   * The currency the price is in. Defaults to the quote of "BASE/QUOTE[:SETTLE]", else to the
   * fee currency (a broker's ticker). A linear instrument's PnL is in it too; an inverse one's
   * is in its settlement coin.
   */
  quoteCurrency?: string;
}
