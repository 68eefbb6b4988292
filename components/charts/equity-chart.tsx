"use client";

import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime, formatMoney, formatTimeTick, timeTicks } from "@/components/format";
import { chartTheme } from "./chart-theme";

export interface EquityPoint {
  t: number;
  /** null breaks the line: a gap in the history. */
  equity: number | null;
  /** The exact value, shown in the tooltip. */
  label: string | null;
}

/** Times on the axis and in the tooltip are the workspace's (`timeZone`), not the browser's. */
export function EquityChart({ points, currency, spanMs, timeZone }: { points: EquityPoint[]; currency: string; spanMs: number; timeZone: string }) {
  const values = points.map((p) => p.equity).filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.1 || max * 0.01;
  return (
    <div className="h-72 w-full" data-testid="equity-chart">
      <ResponsiveContainer width="100%" height="100%">
        <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <defs>
            <linearGradient id="equityFill" x1="0" y1="0" x2="0" y2="1">
              <stop offset="0%" stopColor="#4f46e5" stopOpacity={0.25} />
              <stop offset="100%" stopColor="#4f46e5" stopOpacity={0} />
            </linearGradient>
          </defs>
          <CartesianGrid stroke={chartTheme.grid} vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            ticks={timeTicks(points[0]?.t ?? 0, points.at(-1)?.t ?? 0, spanMs, timeZone)}
            tickFormatter={(v: number) => formatTimeTick(v, spanMs, timeZone)}
            tick={chartTheme.axisTick}
            minTickGap={40}
          />
          <YAxis
            domain={[min - pad, max + pad]}
            tickFormatter={(v: number) => formatMoney(v.toFixed(2), currency, { compact: true })}
            tick={chartTheme.axisTick}
            width={70}
          />
          <Tooltip
            {...chartTheme.tooltip}
            labelFormatter={(v) => formatDateTime(new Date(Number(v)).toISOString(), timeZone)}
            formatter={(_v, _n, item) => {
              const label = (item.payload as EquityPoint).label;
              return [label === null ? "no snapshot (gap)" : formatMoney(label, currency), "Equity"];
            }}
          />
          <Area
            type="monotone"
            dataKey="equity"
            stroke="#4f46e5"
            strokeWidth={2}
            fill="url(#equityFill)"
            connectNulls={false}
            isAnimationActive={false}
          />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
