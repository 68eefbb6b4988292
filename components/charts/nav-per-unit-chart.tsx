"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime, formatMoney, formatQuantity } from "@/components/format";
import { chartTheme } from "./chart-theme";
import { timeAxisProps } from "./time-axis";

export interface NavPerUnitPoint {
  t: number;
  /** The plotted NAV per unit; null breaks the line (1Token published none for that day). */
  value: number | null;
  /** The exact NAV per unit and net assets, shown in the tooltip. */
  nav: string | null;
  netAssets: string;
}

function PointTooltip({ active, payload, currency, timeZone }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; currency: string; timeZone: string }) {
  const point = payload?.[0]?.payload as NavPerUnitPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-lg border px-3 py-2 text-sm" style={chartTheme.tooltip.contentStyle}>
      <p style={chartTheme.tooltip.labelStyle}>{formatDateTime(new Date(point.t).toISOString(), timeZone)}</p>
      <p style={chartTheme.tooltip.itemStyle}>NAV per unit: {point.nav === null ? "not reported" : point.nav}</p>
      <p style={chartTheme.tooltip.itemStyle}>Net assets: {formatMoney(point.netAssets, currency)}</p>
    </div>
  );
}

/**
 * A 1Token fund's NAV per unit over time, one point per local day (the read model keeps each
 * day's last valuation). Times on the axis and in the tooltip are the workspace's; the
 * tooltip shows the exact decimals as stored. A day without a NAV is a gap, never bridged.
 */
export function NavPerUnitChart({ points, currency, timeZone }: { points: NavPerUnitPoint[]; currency: string; timeZone: string }) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.1 || max * 0.01;
  return (
    <div className="h-72 w-full" data-testid="nav-per-unit-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={chartTheme.grid} vertical={false} />
          <XAxis {...timeAxisProps(points, timeZone)} />
          <YAxis
            domain={[min - pad, max + pad]}
            tickFormatter={(v: number) => formatQuantity(v.toFixed(4))}
            tick={chartTheme.axisTick}
            width={70}
            label={{ value: "NAV per unit", angle: -90, position: "insideLeft", style: chartTheme.axisTick }}
          />
          <Tooltip content={({ active, payload }) => <PointTooltip active={active} payload={payload} currency={currency} timeZone={timeZone} />} />
          <Line type="monotone" dataKey="value" stroke="#4f46e5" strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
