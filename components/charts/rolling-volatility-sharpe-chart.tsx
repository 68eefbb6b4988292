"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime } from "@/components/format";
import type { RollingPoint } from "@/lib/read-models/performance-series-schemas";
import { chartTheme } from "./chart-theme";
import { timeAxisProps } from "./time-axis";
import { pctText, pctTick } from "./percent";

interface Plotted {
  t: number;
  volatility: number | null;
  sharpe: number | null;
  point: RollingPoint;
}

const VOL = "#4f46e5";
const SHARPE = "#0d9488";
const sharpeText = (x: number | null) => (x === null ? "undefined (no deviation)" : x.toFixed(2));

function PointTooltip({ active, payload, timeZone }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; timeZone: string }) {
  const p = (payload?.[0]?.payload as Plotted | undefined)?.point;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border px-3 py-2 text-sm" style={chartTheme.tooltip.contentStyle}>
      <p style={chartTheme.tooltip.labelStyle}>{formatDateTime(p.at, timeZone)}</p>
      <p style={chartTheme.tooltip.itemStyle}>Volatility (annualised): {pctText(p.volatility)}</p>
      <p style={chartTheme.tooltip.itemStyle}>Sharpe: {sharpeText(p.sharpe)}</p>
    </div>
  );
}

/**
 * Rolling annualised volatility (left axis, %) and Sharpe (right axis, a ratio) over a
 * trailing window of daily returns, one point per day once a full window exists. The
 * statistics are floats from the engine, plotted as sent; undefined values are gaps.
 */
export function RollingVolatilitySharpeChart({ points, window, timeZone, method }: { points: RollingPoint[]; window: number; timeZone: string; method: string }) {
  const data: Plotted[] = points.map((p) => ({ t: Date.parse(p.at), volatility: p.volatility, sharpe: p.sharpe, point: p }));
  const end = points.at(-1);
  const summary = end
    ? `Rolling ${window}-day figures on ${formatDateTime(end.at, timeZone)}: volatility ${pctText(end.volatility)} a year, Sharpe ${sharpeText(end.sharpe)}.`
    : `No rolling ${window}-day figures: fewer than ${window} daily returns.`;
  return (
    <figure className="m-0" data-testid="rolling-volatility-sharpe-chart">
      <div className="h-56 w-full" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={chartTheme.grid} vertical={false} />
            <XAxis {...timeAxisProps(data, timeZone)} />
            <YAxis yAxisId="vol" tickFormatter={pctTick} tick={chartTheme.axisTick} width={56} label={{ value: "Volatility, % a year", angle: -90, position: "insideLeft", style: chartTheme.axisTick }} />
            <YAxis yAxisId="sharpe" orientation="right" tickFormatter={(v: number) => v.toFixed(1)} tick={chartTheme.axisTick} width={44} label={{ value: "Sharpe", angle: 90, position: "insideRight", style: chartTheme.axisTick }} />
            <Tooltip content={({ active, payload }) => <PointTooltip active={active} payload={payload} timeZone={timeZone} />} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line yAxisId="vol" name="Volatility" type="linear" dataKey="volatility" stroke={VOL} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            <Line yAxisId="sharpe" name="Sharpe" type="linear" dataKey="sharpe" stroke={SHARPE} strokeWidth={1.5} strokeDasharray="4 3" dot={false} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="mt-2 text-xs text-fg-subtle">
        <span className="sr-only">{summary} </span>
        {method}
      </figcaption>
    </figure>
  );
}
