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
  /** Defaults to the quote of "BASE/QUOTE[:SETTLE]", else to the fee currency (a broker's ticker). */
  quoteCurrency?: string;
}
