"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime, formatMoney } from "@/components/format";
import { SLICE_COLORS } from "./allocation-chart";
import { chartTheme } from "./chart-theme";
import { timeAxisProps } from "./time-axis";

/** One instant: per strategy its plotted PnL (null: no point stored then) and the exact decimal for the tooltip. */
export interface StrategyPnlPoint {
  t: number;
  values: Record<string, number | null>;
  exact: Record<string, string>;
}

function PointTooltip({ active, payload, currency, timeZone }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; currency: string; timeZone: string }) {
  const point = payload?.[0]?.payload as StrategyPnlPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="rounded-lg border px-3 py-2 text-sm" style={chartTheme.tooltip.contentStyle}>
      <p style={chartTheme.tooltip.labelStyle}>{formatDateTime(new Date(point.t).toISOString(), timeZone)}</p>
      {Object.entries(point.exact).map(([strategy, pnl]) => (
        <p key={strategy} style={chartTheme.tooltip.itemStyle}>
          {strategy}: {formatMoney(pnl, currency, { signed: true })}
        </p>
      ))}
    </div>
  );
}

/**
 * Each strategy's stored PnL (realised + unrealised) on one connection, one point per
 * reconciled snapshot. A strategy keeps its colour by its place in the sorted list of
 * strategies; an instant without a point for a strategy is a gap, never bridged.
 */
export function StrategyPnlChart({ points, strategies, currency, timeZone }: { points: StrategyPnlPoint[]; strategies: string[]; currency: string; timeZone: string }) {
  return (
    <div className="h-64 w-full" data-testid="strategy-pnl-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid stroke={chartTheme.grid} vertical={false} />
          <XAxis {...timeAxisProps(points, timeZone)} />
          <YAxis
            tickFormatter={(v: number) => formatMoney(String(v), currency, { compact: true })}
            tick={chartTheme.axisTick}
            width={72}
            label={{ value: `PnL (${currency})`, angle: -90, position: "insideLeft", style: chartTheme.axisTick }}
          />
          <Tooltip content={({ active, payload }) => <PointTooltip active={active} payload={payload} currency={currency} timeZone={timeZone} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {strategies.map((s, i) => (
            <Line
              key={s}
              name={s}
              type="monotone"
              dataKey={(p: StrategyPnlPoint) => p.values[s] ?? null}
              stroke={SLICE_COLORS[i % SLICE_COLORS.length]}
              strokeWidth={2}
              dot={points.length < 3}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
