import { bold, escapeMarkdownV2 as esc } from "./markdown";
import { formatAmount, formatPercent } from "./numbers";
import type { ReportView } from "./report-data";

const pct = (x: number | null) => (x === null ? "n/a" : formatPercent(x, 2, { signed: true }));
const ratio = (x: number | null) => (x === null ? "n/a" : formatAmount(String(x), 2));

/** The report's text (MarkdownV2): one line per range, then the 30D best and worst asset. */
export function formatReport(v: ReportView, workspaceName: string): string {
  const lines = [bold(`${workspaceName} · report`)];
  for (const { label, metrics: m } of v.ranges) {
    if (m.state !== "ok") {
      lines.push(esc(`${label}: no daily return in the range yet`));
      continue;
    }
    const dd = m.maxDrawdown.depth === null ? "n/a" : formatPercent(-Math.abs(m.maxDrawdown.depth), 2);
    lines.push(`${bold(label)} ${esc(`TWR ${pct(m.twr)} · max drawdown ${dd} · Sharpe ${ratio(m.sharpeRatio)}`)}`);
  }
  const best = v.moves[0];
  const worst = v.moves.length > 1 ? v.moves[v.moves.length - 1] : undefined;
  if (best) {
    lines.push("", esc(`30D best asset: ${best.asset} ${formatPercent(best.change, 2, { signed: true })}`));
    if (worst) lines.push(esc(`30D worst asset: ${worst.asset} ${formatPercent(worst.change, 2, { signed: true })}`));
  } else {
    lines.push("", esc("30D best/worst asset: no asset held both 30 days ago and now"));
  }
  lines.push(esc("TWR: change in NAV per unit (flows excluded); Sharpe: daily returns, annualised, with the workspace's risk-free rate."));
  return lines.join("\n");
}
