import type { Holdings } from "@/lib/read-models/dashboard-schemas";
import type { MetricsBar } from "@/lib/read-models/metrics-bar-schemas";
import { bold, escapeMarkdownV2 as esc } from "./markdown";
import { formatAge, formatAmount, formatPercent } from "./numbers";

export interface PortfolioView {
  workspaceName: string;
  metrics: MetricsBar;
  holdings: Holdings;
}

export const TOP_HOLDINGS = 5;

/**
 * /portfolio as MarkdownV2: every figure comes from the overview's read models (the metrics
 * bar's equity, flow-adjusted day, exposure, leverage and concentration flag; the holdings'
 * allocation), so the chat never disagrees with the dashboard.
 */
export function formatPortfolio(v: PortfolioView, now: Date): string {
  const m = v.metrics;
  const ccy = m.baseCurrency;
  const head = bold(`${v.workspaceName} · portfolio`);
  if (m.state === "empty" || m.equity === null) return `${head}\n${esc("No snapshot yet: add a connection and let it sync.")}`;
  const lines = [head, `${esc("Equity:")} ${bold(`${formatAmount(m.equity)} ${ccy}`)}`];

  const day = m.periods.find((p) => p.id === "day");
  if (day?.pnl != null) {
    const pct = day.pct != null ? ` (${formatPercent(day.pct, 2, { signed: true })})` : "";
    lines.push(esc(`Today: ${formatAmount(day.pnl, 2, { signed: true })} ${ccy}${pct}, flow-adjusted`));
  } else {
    lines.push(esc(`Today: no figure (${day?.reason ?? "no history for today"})`));
  }

  const top = v.holdings.allocation.slice(0, TOP_HOLDINGS);
  if (top.length > 0) {
    lines.push("", bold(`Top ${top.length} holdings`));
    top.forEach((h, i) => {
      const weight = h.weight === null ? "n/a" : formatPercent(h.weight, 1);
      lines.push(esc(`${i + 1}. ${h.asset} ${weight} · ${formatAmount(h.value)} ${ccy}`));
    });
  }

  const x = m.exposure;
  lines.push("");
  lines.push(esc(`Exposure: gross ${x.gross === null ? "n/a" : formatAmount(x.gross)} · net ${x.net === null ? "n/a" : formatAmount(x.net)} ${ccy}`));
  lines.push(esc(`Leverage: ${x.leverage === null ? "n/a (equity not positive)" : `${formatAmount(x.leverage)}x`}`));

  if (m.topAsset?.flagged) {
    lines.push(esc(`⚠️ ${m.topAsset.asset} is ${formatPercent(m.topAsset.weight, 1)} of the portfolio, above the ${formatPercent(m.topAsset.threshold, 0)} limit`));
  }
  if (m.asOf) lines.push("", esc(`Last sync: ${formatAge(new Date(m.asOf), now)}`));
  return lines.join("\n");
}
