import { bold, escapeMarkdownV2 as esc } from "./markdown";
import { formatAmount, formatPercent } from "./numbers";
import type { RebalancePlan, RebalancePreview } from "./rebalance-port";

/** The preview from saved targets (MarkdownV2). Nothing here ever places an order. */
export function formatPreview(p: RebalancePreview, currency: string): string {
  if (!p.ok) return `${bold("Rebalance preview")}\n${esc(p.reason)}`;
  if (p.lines.length === 0) return `${bold("Rebalance preview")}\n${esc("Already at the saved targets: nothing to change.")}`;
  const lines = [bold("Rebalance preview"), esc("From the saved targets. Confirm for a dry-run plan with quotes; nothing is executed.")];
  for (const l of p.lines) {
    lines.push(esc(`${l.asset}: ${formatPercent(l.currentWeight, 1)} → ${formatPercent(l.targetWeight, 1)} (${formatAmount(l.deltaValue, 2, { signed: true })} ${currency})`));
  }
  if (p.note) lines.push(esc(p.note));
  return lines.join("\n");
}

/** The dry-run plan: orders that would be placed, with the quotes used. Never sent anywhere. */
export function formatPlan(p: RebalancePlan, currency: string): string {
  if (!p.ok) return `${bold("Dry-run plan")}\n${esc(p.reason)}`;
  const lines = [bold("Dry-run plan (nothing is executed)"), esc(`Quotes as of ${p.quotedAt.toISOString().replace("T", " ").slice(0, 16)} UTC`)];
  if (p.orders.length === 0) lines.push(esc("No order needed."));
  for (const o of p.orders) {
    lines.push(esc(`${o.side.toUpperCase()} ${o.quantity} ${o.symbol} @ ${o.quotePrice} on ${o.venue} ≈ ${formatAmount(o.valueBase)} ${currency}`));
  }
  if (p.note) lines.push(esc(p.note));
  return lines.join("\n");
}
