"use client";

import { useState } from "react";
import { formatMoney, formatPct, formatQuantity } from "@/components/format";
import { secondaryButton } from "@/components/ui/buttons";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { D } from "@/lib/money/decimal";
import { rebalancePreviewSchema, type PreviewLeg, type RebalancePreview } from "@/lib/rebalance/preview-schema";
import { rebalanceMethod } from "./methods";

const num = "py-2 pr-4 text-right tabular-nums";

/** "0.175006" percent → "0.18%" (the aggregator speaks in percent, formatPct in fractions). */
const percent = (p: string) => formatPct(new D(p).div(100).toFixed());

function QuoteCell({ leg }: { leg: PreviewLeg }) {
  const q = leg.quote;
  if (leg.provider !== "okx_web3") return <span className="text-fg-subtle">not a DEX leg</span>;
  if (q === null) return <span className="text-fg-subtle">not quoted yet</span>;
  if (q.status === "failed")
    return (
      <span className="whitespace-normal text-rose-700 dark:text-rose-400" role="note">
        Quote failed: {q.message}
      </span>
    );
  return (
    <span className="block whitespace-normal text-xs leading-5">
      {formatQuantity(q.fromAmount)} {q.fromSymbol} → {formatQuantity(q.toAmount)} {q.toSymbol}
      <br />
      <span title={rebalanceMethod("minimumReceived")}>min. received {formatQuantity(q.minimumReceived)} {q.toSymbol}</span>
      {" · "}
      <span title={rebalanceMethod("priceImpact")}>impact {q.priceImpactPercent === null ? "not reported" : percent(q.priceImpactPercent)}</span>
      {" · "}
      gas {q.estimatedGas ?? "—"} ({q.networkFeeUsd === null ? "fee not reported" : formatMoney(q.networkFeeUsd, "USD")})
    </span>
  );
}

/**
 * The suggested legs per asset and venue, with estimated fees. Wallet legs on OKX Web3 can
 * be priced by a dry-run DEX quote on request (GET /api/rebalance?quotes=1): each leg shows
 * its own quote or why it failed, and the aggregate slippage sums them. Nothing is executed.
 */
export function LegsTable({ data }: { data: RebalancePreview }) {
  const [quoted, setQuoted] = useState<RebalancePreview | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = quoted ?? data;
  const ccy = data.baseCurrency;
  const hasDexLegs = data.legs.some((l) => l.provider === "okx_web3");

  const fetchQuotes = async () => {
    setPending(true);
    setError(null);
    try {
      const res = await fetch(`/api/rebalance?portfolio=${encodeURIComponent(data.portfolio)}&quotes=1`, { cache: "no-store" });
      const body: unknown = await res.json();
      if (!res.ok) throw new Error(typeof body === "object" && body && "error" in body ? String(body.error) : `HTTP ${res.status}`);
      setQuoted(rebalancePreviewSchema.parse(body));
    } catch (e) {
      setError(`The quotes could not be read: ${e instanceof Error ? e.message : "unknown error"}`);
    } finally {
      setPending(false);
    }
  };

  const agg = shown.quotes;
  return (
    <div className="space-y-3">
      {hasDexLegs && (
        <div className="flex flex-wrap items-center gap-3">
          <button type="button" className={secondaryButton} onClick={fetchQuotes} disabled={pending}>
            {pending ? "Asking OKX for quotes…" : "Get dry-run DEX quotes"}
          </button>
          {agg && (
            <p className="text-sm tabular-nums" data-testid="aggregate-slippage" title={rebalanceMethod("aggregateSlippage")}>
              Aggregate slippage: {agg.aggregatePriceImpactPercent === null ? "not reported" : percent(agg.aggregatePriceImpactPercent)} ≈{" "}
              {formatMoney(agg.expectedSlippageUsd, "USD")}, network fees {formatMoney(agg.networkFeeUsd, "USD")} · {agg.quoted} quoted, {agg.failed} failed
            </p>
          )}
          {error && (
            <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
              {error}
            </p>
          )}
        </div>
      )}
      <ScrollRegion label="Suggested trades per venue, scrollable">
        <table className="w-full whitespace-nowrap text-sm" data-testid="legs-table">
          <caption className="sr-only">Suggested trades per asset and venue account, with estimated fees and dry-run quotes; nothing is executed</caption>
          <thead className="text-left text-xs uppercase tracking-wide text-fg-subtle">
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-4">Asset</th>
              <th scope="col" className="py-2 pr-4">Side</th>
              <th scope="col" className="py-2 pr-4">Venue · account</th>
              <th scope="col" className="py-2 pr-4 text-right">Quantity</th>
              <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("legValue")}>Value ({ccy})</th>
              <th scope="col" className="py-2 pr-4 text-right" title={rebalanceMethod("fee")}>Est. fee ({ccy})</th>
              <th scope="col" className="py-2">Dry-run quote</th>
            </tr>
          </thead>
          <tbody>
            {shown.legs.map((l) => (
              <tr key={l.id} className="border-b border-line-soft align-top" data-leg={l.id}>
                <th scope="row" className="py-2 pr-4 text-left font-medium">{l.asset}</th>
                <td className="py-2 pr-4">{l.side === "buy" ? "↑ Buy" : "↓ Sell"}</td>
                <td className="py-2 pr-4">
                  {l.connectionLabel} <span className="text-fg-subtle">· {l.accountName}</span>
                </td>
                <td className={num}>{formatQuantity(l.quantity)}</td>
                <td className={num}>{formatMoney(l.value, ccy)}</td>
                <td className={num} title={l.feeSource}>
                  {formatMoney(l.fee, ccy)} <span className="text-xs text-fg-subtle">({formatPct(l.feeRate)})</span>
                </td>
                <td className="py-2 min-w-56">
                  <QuoteCell leg={l} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="font-medium">
            <tr className="border-t border-line">
              <th scope="row" className="py-2 pr-4 text-left" colSpan={4}>
                Buy {formatMoney(shown.totals.buyValue, ccy)} · sell {formatMoney(shown.totals.sellValue, ccy)}
              </th>
              <td className={num} />
              <td className={num} data-testid="total-fees">{formatMoney(shown.totals.fees, ccy)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}
