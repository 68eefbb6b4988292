"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDateTime, toChartNumber } from "@/components/format";
import type { Benchmark, SeriesPoint } from "@/lib/read-models/performance-series-schemas";
import { chartTheme } from "./chart-theme";
import { timeAxisProps } from "./time-axis";
import { pctText, pctTick } from "./percent";

interface Plotted {
  t: number;
  value: number | null;
  bench: number | null;
  point: SeriesPoint;
}

const PORTFOLIO = "#4f46e5";
const BENCH = "#f59e0b";

function PointTooltip({ active, payload, benchmark, timeZone }: { active?: boolean; payload?: ReadonlyArray<{ payload?: unknown }>; benchmark: Benchmark; timeZone: string }) {
  const p = (payload?.[0]?.payload as Plotted | undefined)?.point;
  if (!active || !p) return null;
  return (
    <div className="rounded-lg border px-3 py-2 text-sm" style={chartTheme.tooltip.contentStyle}>
      <p style={chartTheme.tooltip.labelStyle}>{formatDateTime(p.at, timeZone)}</p>
      <p style={chartTheme.tooltip.itemStyle}>
        Portfolio: {p.cumulativeReturn === null ? "no NAV per unit (gap)" : pctText(p.cumulativeReturn, { signed: true })}
        {p.navPerUnit !== null && ` (NAV per unit ${p.navPerUnit})`}
      </p>
      {benchmark !== "none" && (
        <p style={chartTheme.tooltip.itemStyle}>
          {benchmark}: {p.benchmarkReturn === null ? "no price that day" : pctText(p.benchmarkReturn, { signed: true })}
        </p>
      )}
    </div>
  );
}

/** The last value of a series, for the text summary. */
const lastOf = (points: SeriesPoint[], key: "cumulativeReturn" | "benchmarkReturn") => points.findLast((p) => p[key] !== null)?.[key] ?? null;

/**
 * Cumulative flow-adjusted return (NAV per unit rebased to 0 % at the range's base) against a
 * benchmark rebased to 0 % at its first price. Decimal strings become numbers here only.
 * A day without NAV or price is a gap. Switching the benchmark changes the data, not the
 * chart: it keeps its size and does not re-mount.
 */
export function CumulativeReturnChart({ points, benchmark, timeZone, method }: { points: SeriesPoint[]; benchmark: Benchmark; timeZone: string; method: string }) {
  const data: Plotted[] = points.map((p) => ({
    t: Date.parse(p.at),
    value: p.cumulativeReturn === null ? null : toChartNumber(p.cumulativeReturn),
    bench: p.benchmarkReturn === null ? null : toChartNumber(p.benchmarkReturn),
    point: p,
  }));
  const showBench = benchmark !== "none" && data.some((d) => d.bench !== null);
  const summary =
    `Cumulative return from ${points[0] ? formatDateTime(points[0].at, timeZone) : "—"} to ${points.at(-1) ? formatDateTime(points.at(-1)!.at, timeZone) : "—"}: ` +
    `portfolio ${pctText(lastOf(points, "cumulativeReturn"), { signed: true })}` +
    (benchmark === "none" ? "." : `, ${benchmark} ${showBench ? pctText(lastOf(points, "benchmarkReturn"), { signed: true }) : "no price in this range"}.`);
  return (
    <figure className="m-0" data-testid="cumulative-return-chart" data-benchmark={benchmark}>
      <div className="h-72 w-full" role="img" aria-label={summary}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={chartTheme.grid} vertical={false} />
            <XAxis {...timeAxisProps(data, timeZone)} />
            <YAxis tickFormatter={pctTick} tick={chartTheme.axisTick} width={56} label={{ value: "Return, %", angle: -90, position: "insideLeft", style: chartTheme.axisTick }} />
            <ReferenceLine y={0} stroke={chartTheme.grid} />
            <Tooltip content={({ active, payload }) => <PointTooltip active={active} payload={payload} benchmark={benchmark} timeZone={timeZone} />} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Line name="Portfolio (NAV per unit)" type="linear" dataKey="value" stroke={PORTFOLIO} strokeWidth={2} dot={false} connectNulls={false} isAnimationActive={false} />
            {showBench && <Line name={benchmark} type="linear" dataKey="bench" stroke={BENCH} strokeWidth={1.5} strokeDasharray="4 3" dot={false} connectNulls={false} isAnimationActive={false} />}
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
