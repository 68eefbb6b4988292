import { formatMoney, formatPct } from "@/components/format";
import { D } from "@/lib/money/decimal";
import type { Summary } from "@/lib/read-models/dashboard-schemas";

type DayChangeFields = Pick<Summary, "baseCurrency" | "dayChange" | "dayChangePct" | "dayChangeNetFlows" | "dayChangeBasis">;

/**
 * The overview's 24 h change line. Flow-adjusted: "+$2,679.71 (+0.79%) in 24 h, excluding
 * +$5,000.00 net deposits" (the amount is Δequity − net flows, the percent the NAV-per-unit
 * change); the flows part only when they are not zero. Before flows are counted: the raw
 * change, saying so.
 */
export function dayChangeWords(s: DayChangeFields): string {
  if (s.dayChange === null) return "No value from 24 h ago yet";
  const ccy = s.baseCurrency;
  const pct = s.dayChangePct === null ? "" : ` (${formatPct(s.dayChangePct, { signed: true })})`;
  const head = `${formatMoney(s.dayChange, ccy, { signed: true })}${pct} in 24 h`;
  if (s.dayChangeBasis === "raw") return `${head}, flows not yet counted`;
  const flows = new D(s.dayChangeNetFlows ?? 0);
  if (flows.isZero()) return head;
  if (flows.greaterThan(0)) return `${head}, excluding ${formatMoney(flows.toFixed(), ccy, { signed: true })} net deposits`;
  return `${head}, excluding ${formatMoney(flows.negated().toFixed(), ccy)} net withdrawals`;
}

/** What the line measures, for its tooltip. */
export function dayChangeMethod(basis: Summary["dayChangeBasis"]): string {
  return basis === "flow_adjusted"
    ? "Flow-adjusted: Δequity − net deposits over the last 24 h; the percent is the change in NAV per unit (TWR)"
    : "Deposits and withdrawals are not yet counted for this history: the change in equity of the connections that existed 24 h ago, ÷ their equity then";
}
