import { formatTimeTick, timeTicks } from "@/components/format";
import { chartTheme } from "./chart-theme";

/**
 * The props of a chart's time axis over points keyed by `t` (epoch ms): the range of the
 * points, ticks on local boundaries of the workspace's zone, labels that suit the span.
 * Props, not a component: recharts reads its axes from the chart's direct children.
 */
export function timeAxisProps(points: readonly { t: number }[], timeZone: string) {
  const first = points[0]?.t ?? 0;
  const last = points.at(-1)?.t ?? 0;
  const spanMs = Math.max(last - first, 1);
  return {
    dataKey: "t",
    type: "number" as const,
    scale: "time" as const,
    domain: ["dataMin", "dataMax"] as [string, string],
    ticks: timeTicks(first, last, spanMs, timeZone),
    tickFormatter: (v: number) => formatTimeTick(v, spanMs, timeZone),
    tick: chartTheme.axisTick,
    minTickGap: 40,
  };
}
