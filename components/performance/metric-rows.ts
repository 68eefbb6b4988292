import { formatDate, formatMoney } from "@/components/format";
import type { RangeMetrics } from "@/lib/read-models/performance-summary-schemas";
import { fractionToPercent } from "@/lib/read-models/workspace-settings";
import { DASH, pctText, ratioText, toneOf } from "./performance-format";

export interface MetricRow {
  id: string;
  label: string;
  value: string;
  tone: "up" | "down" | "flat";
  /** Dates or the figure's inputs, under the value. */
  detail: string | null;
  method: string;
  /** Anchor in docs/metrics.md. */
  doc: string;
}

/** The metrics table's rows, in the issue's order, each with its method and its anchor. */
export function metricRows(m: RangeMetrics, p: { timeZone: string; baseCurrency: string }): MetricRow[] {
  const day = (iso: string | null) => (iso ? formatDate(iso, p.timeZone) : DASH);
  const method = (id: string) => m.methods[id] ?? { text: "", doc: "docs/metrics.md" };
  // "level": a size with no direction (volatility, a share of days): unsigned and uncoloured.
  const row = (id: string, label: string, value: number | null, kind: "pct" | "ratio" | "level", detail: string | null = null, methodId = id): MetricRow => ({
    id,
    label,
    value: kind === "pct" ? pctText(value, { signed: true }) : kind === "level" ? pctText(value) : ratioText(value),
    tone: kind === "level" ? "flat" : toneOf(value),
    detail,
    method: method(methodId).text,
    doc: method(methodId).doc,
  });
  const flows = m.pnl !== null && m.netFlows !== null ? `PnL ${formatMoney(m.pnl, p.baseCurrency, { signed: true })}; net flows ${formatMoney(m.netFlows, p.baseCurrency, { signed: true })} excluded` : null;
  const dd = m.maxDrawdown;
  const ddDetail = dd.peakAt ? `Peak ${day(dd.peakAt)}, trough ${day(dd.troughAt)}, ${dd.recoveryAt ? `recovered ${day(dd.recoveryAt)}` : "not yet recovered"}` : null;
  const rf = `Risk-free rate ${fractionToPercent(m.riskFreeRate)} % a year`;
  return [
    row("twr", "Time-weighted return (TWR)", m.twr, "pct", flows),
    row("mwr", "Money-weighted return (MWR, XIRR)", m.mwr, "pct", m.mwr === null && m.returns > 0 ? "Undefined over this range (an annual rate beyond ±10,000 %, or no flow to solve)" : "Annual rate"),
    row("annualReturn", "Annualised return", m.annualReturn, "pct", `${m.returns} daily returns`),
    row("annualVolatility", "Annualised volatility", m.annualVolatility, "level"),
    row("sharpeRatio", "Sharpe ratio", m.sharpeRatio, "ratio", rf),
    row("sortinoRatio", "Sortino ratio", m.sortinoRatio, "ratio", `Target: ${rf.toLowerCase()}`),
    row("maxDrawdown", "Max drawdown", dd.depth, "pct", ddDetail),
    row("calmarRatio", "Calmar ratio", m.calmarRatio, "ratio"),
    row("omegaRatio", "Omega ratio", m.omegaRatio, "ratio", `Threshold: ${rf.toLowerCase()}`),
    row("valueAtRisk95", "Value at risk (VaR 95 %, 1 day)", m.valueAtRisk95, "pct"),
    { ...row("tailRatio", "Tail ratio", m.tailRatio, "ratio"), tone: "flat" },
    row("bestDay", "Best day", m.bestDay?.value ?? null, "pct", m.bestDay ? day(m.bestDay.at) : null, "days"),
    row("worstDay", "Worst day", m.worstDay?.value ?? null, "pct", m.worstDay ? day(m.worstDay.at) : null, "days"),
    row("positiveDays", "Positive days", m.positiveDays, "level", m.returns > 0 ? `of ${m.returns} days` : null, "days"),
  ];
}
