import type { RebalancePreview } from "@/lib/rebalance/preview-schema";
import { csvRecord } from "./csv";

/**
 * The rebalance plan as CSV: one record per leg, exact decimals as the preview holds them
 * (never rounded for display), the fee assumption named on each leg, and the dry-run quote
 * where one was asked for. A plan to read, never an order file: nothing here is executable.
 */
export const PLAN_CSV_COLUMNS = [
  "portfolio",
  "asset",
  "side",
  "venue",
  "account",
  "quantity",
  "price",
  "value",
  "base_currency",
  "fee_rate",
  "estimated_fee",
  "fee_assumption",
  "quote_status",
  "quote_from",
  "quote_to",
  "quote_to_amount",
  "quote_minimum_received",
  "quote_price_impact_percent",
  "quote_network_fee_usd",
  "quote_estimated_gas",
  "quote_error",
] as const;

export function planCsv(preview: RebalancePreview): string {
  let out = csvRecord(PLAN_CSV_COLUMNS);
  for (const l of preview.legs) {
    const q = l.quote;
    const quoted = q?.status === "quoted" ? q : null;
    out += csvRecord([
      preview.portfolio,
      l.asset,
      l.side,
      l.connectionLabel,
      l.accountName,
      l.quantity,
      l.price,
      l.value,
      preview.baseCurrency,
      l.feeRate,
      l.fee,
      l.feeSource,
      q?.status ?? "not_requested",
      quoted?.fromSymbol ?? null,
      quoted?.toSymbol ?? null,
      quoted?.toAmount ?? null,
      quoted?.minimumReceived ?? null,
      quoted?.priceImpactPercent ?? null,
      quoted?.networkFeeUsd ?? null,
      quoted?.estimatedGas ?? null,
      q?.status === "failed" ? q.message : null,
    ]);
  }
  return out;
}

/** A file name that names the selection and the day, with only safe characters. */
export function planFileName(portfolio: string, at: Date): string {
  return `rebalance-plan-${portfolio.replace(/[^a-zA-Z0-9-]+/g, "-")}-${at.toISOString().slice(0, 10)}.csv`;
}
