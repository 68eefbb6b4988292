import { formatPct } from "@/components/format";

/**
 * Percent text for the performance charts: a float statistic (drawdown, volatility) or an
 * exact decimal string, both as fractions, with the app's one precision rule (2 decimals).
 */
export function pctText(fraction: number | string | null, opts: { signed?: boolean } = {}): string {
  if (fraction === null) return "—";
  return formatPct(typeof fraction === "number" ? fraction.toString() : fraction, opts);
}

/** An axis tick in percent: a fraction to "12%" (whole percent: a tick is a guide, the tooltip is exact). */
export const pctTick = (v: number) => `${(v * 100).toFixed(Math.abs(v) < 0.1 && v !== 0 ? 1 : 0)}%`;
