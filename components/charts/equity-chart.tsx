"use client";

import { Area, AreaChart, CartesianGrid, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime, formatMoney, formatTimeTick, timeTicks } from "@/components/format";
import { D } from "@/lib/money/decimal";
import { chartTheme } from "./chart-theme";

/** What the line shows: the workspace's equity, or its NAV per unit (flows never move it). */
export type EquityMetric = "equity" | "nav";

export interface EquityPoint {
  t: number;
  /** The plotted value of the chosen metric; null breaks the line (a gap, or nothing held). */
  value: number | null;
  /** The exact value, shown in the tooltip. */
  label: string | null;
  /** Net external flows in the bucket (exact, signed); null or "0" when none. */
  netFlows: string | null;
}

const hasFlows = (p: EquityPoint) => p.netFlows !== null && p.netFlows !== "0";
const NAV_DECIMALS = 4;

function valueText(metric: EquityMetric, label: string | null, currency: string): string {
  if (label === null) return metric === "nav" ? "nothing held, or flows not counted" : "no snapshot (gap)";
  return metric === "nav" ? new D(label).toFixed(NAV_DECIMALS) : formatMoney(label, currency);
}

/** The exact value at the crosshair, and the bucket's net deposits or withdrawals when it had any. */
function PointTooltip({
  active,
  payload,
  metric,
  currency,
  timeZone,
}: {
  active?: boolean;
  payload?: ReadonlyArray<{ payload?: unknown }>;
  metric: EquityMetric;
  currency: string;
  timeZone: string;
}) {
  const point = payload?.[0]?.payload as EquityPoint | undefined;
  if (!active || !point) return null;
  const flows = hasFlows(point) ? point.netFlows! : null;
  return (
    <div className="rounded-lg border px-3 py-2 text-sm" style={chartTheme.tooltip.contentStyle}>
      <p style={chartTheme.tooltip.labelStyle}>{formatDateTime(new Date(point.t).toISOString(), timeZone)}</p>
      <p style={chartTheme.tooltip.itemStyle}>
        {metric === "nav" ? "NAV per unit" : "Equity"}: {valueText(metric, point.label, currency)}
      </p>
      {flows && (
        <p style={chartTheme.tooltip.itemStyle}>
          {flows.startsWith("-") ? "Net withdrawals" : "Net deposits"}: {formatMoney(flows, currency, { signed: true })}
        </p>
      )}
    </div>
  );
}

/**
 * Equity or NAV per unit over time. Times on the axis and in the tooltip are the workspace's
 * (`timeZone`). A dot marks each bucket that holds deposits or withdrawals. Switching the
 * metric changes the data key only: the chart keeps its size and does not re-mount.
 * A dashed line marks where reconstructed history (rebuilt from fills, flows and daily
 * closes) ends and measured snapshots begin, when that instant falls inside the range.
 */
export function EquityChart({
  points,
  metric,
  currency,
  spanMs,
  timeZone,
  reconstructedUntil = null,
}: {
  points: EquityPoint[];
  metric: EquityMetric;
  currency: string;
  spanMs: number;
  timeZone: string;
  /** Epoch ms of the last reconstructed instant; null when nothing was reconstructed. */
  reconstructedUntil?: number | null;
}) {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = (max - min) * 0.1 || max * 0.01;
  const first = points[0]?.t ?? 0;
  const last = points.at(-1)?.t ?? 0;
  const boundary = reconstructedUntil !== null && reconstructedUntil >= first && reconstructedUntil <= last ? reconstructedUntil : null;
  return (
    <div className="h-72 w-full" data-testid="equity-chart" data-metric={metric} data-reconstructed-until={boundary === null ? undefined : new Date(boundary).toISOString()}>
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
            ticks={timeTicks(first, last, spanMs, timeZone)}
            tickFormatter={(v: number) => formatTimeTick(v, spanMs, timeZone)}
            tick={chartTheme.axisTick}
            minTickGap={40}
          />
          <YAxis
            domain={[min - pad, max + pad]}
            tickFormatter={(v: number) => (metric === "nav" ? v.toFixed(NAV_DECIMALS) : formatMoney(v.toFixed(2), currency, { compact: true }))}
            tick={chartTheme.axisTick}
            width={70}
          />
          <Tooltip content={({ active, payload }) => <PointTooltip active={active} payload={payload} metric={metric} currency={currency} timeZone={timeZone} />} />
          {boundary !== null && (
            <ReferenceLine
              x={boundary}
              stroke="var(--fg-subtle)"
              strokeDasharray="4 4"
              ifOverflow="discard"
              label={{ value: "reconstructed", position: "insideTopRight", fontSize: 11, fill: "var(--fg-subtle)" }}
            />
          )}
          <Area type="monotone" dataKey="value" stroke="#4f46e5" strokeWidth={2} fill="url(#equityFill)" connectNulls={false} isAnimationActive={false} />
          {points.filter((p) => hasFlows(p) && p.value !== null).map((p) => (
            <ReferenceDot key={p.t} x={p.t} y={p.value!} r={4} fill="#f59e0b" stroke="var(--surface)" strokeWidth={1.5} ifOverflow="discard" />
          ))}
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
