"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime } from "@/components/format";
import type { SeriesPoint } from "@/lib/read-models/performance-series-schemas";
import { chartTheme } from "./chart-theme";
import { timeAxisProps } from "./time-axis";
import { pctText, pctTick } from "./percent";

interface Plotted {
  t: number;
  value: number | null;
  point: SeriesPoint;
}

const LOSS = "#e11d48";

function PointTooltip({ active, payload, timeZone }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; timeZone: string }) {
  const p = (payload?.[0]?.payload as Plotted | undefined)?.point;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border px-3 py-2 text-sm" style={chartTheme.tooltip.contentStyle}>
      <p style={chartTheme.tooltip.labelStyle}>{formatDateTime(p.at, timeZone)}</p>
      <p style={chartTheme.tooltip.itemStyle}>
        Drawdown: {p.drawdown === null ? "no NAV per unit (gap)" : p.drawdown === 0 ? "0.00% (at a peak)" : pctText(p.drawdown, { signed: true })}
      </p>
      {p.navPerUnit !== null && <p style={chartTheme.tooltip.itemStyle}>NAV per unit: {p.navPerUnit}</p>}
    </div>
  );
}

/**
 * The underwater chart: how far NAV per unit is below its running peak, 0 at every new
 * high. The drawdown is a float statistic from the engine, plotted as sent; a day without
 * NAV per unit is a gap.
 */
export function UnderwaterChart({ points, maxDrawdown, timeZone, method }: { points: SeriesPoint[]; maxDrawdown: number | null; timeZone: string; method: string }) {
  const data: Plotted[] = points.map((p) => ({ t: Date.parse(p.at), value: p.drawdown, point: p }));
  const trough = maxDrawdown === null ? undefined : points.find((p) => p.drawdown === maxDrawdown);
  const current = points.findLast((p) => p.drawdown !== null)?.drawdown ?? null;
  const summary =
    maxDrawdown === null || maxDrawdown === 0
      ? "Drawdown: NAV per unit never fell below its running peak in this range."
      : `Drawdown: the deepest was ${pctText(maxDrawdown, { signed: true })}${trough ? ` on ${formatDateTime(trough.at, timeZone)}` : ""}; at the end of the range ${pctText(current, { signed: true })}.`;
  const low = Math.min(maxDrawdown ?? 0, -0.01);
  return (
    <figure className="m-0" data-testid="underwater-chart">
      <div className="h-56 w-full" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <defs>
              <linearGradient id="underwaterFill" x1="0" y1="0" x2="0" y2="1">
                <stop offset="0%" stopColor={LOSS} stopOpacity={0.05} />
                <stop offset="100%" stopColor={LOSS} stopOpacity={0.35} />
              </linearGradient>
            </defs>
            <CartesianGrid stroke={chartTheme.grid} vertical={false} />
            <XAxis {...timeAxisProps(data, timeZone)} />
            <YAxis domain={[low * 1.1, 0]} tickFormatter={pctTick} tick={chartTheme.axisTick} width={56} label={{ value: "Below peak, %", angle: -90, position: "insideLeft", style: chartTheme.axisTick }} />
            <Tooltip content={({ active, payload }) => <PointTooltip active={active} payload={payload} timeZone={timeZone} />} />
            <Area type="linear" dataKey="value" baseValue={0} stroke={LOSS} strokeWidth={1.5} fill="url(#underwaterFill)" connectNulls={false} isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-fg-subtle">
        <span className="sr-only">{summary} </span>
        {method}
      </figcaption>
    </figure>
  );
}
