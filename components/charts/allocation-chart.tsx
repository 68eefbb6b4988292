"use client";

import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatMoney, formatPct } from "@/components/format";
import { chartTheme } from "./chart-theme";

export interface AllocationSlice {
  asset: string;
  value: number;
  valueLabel: string;
  weightLabel: string | null;
}

export const SLICE_COLORS = ["#4f46e5", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#64748b"];

export function AllocationChart({ slices, currency }: { slices: AllocationSlice[]; currency: string }) {
  return (
    <div className="h-56 w-full" data-testid="allocation-chart">
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie data={slices} dataKey="value" nameKey="asset" innerRadius="55%" outerRadius="90%" paddingAngle={1} isAnimationActive={false}>
            {slices.map((s, i) => (
              <Cell key={s.asset} fill={SLICE_COLORS[i % SLICE_COLORS.length]} stroke={chartTheme.surface} />
            ))}
          </Pie>
          <Tooltip
            {...chartTheme.tooltip}
            formatter={(_v, _n, item) => {
              const s = item.payload as AllocationSlice;
              return [`${formatMoney(s.valueLabel, currency)}${s.weightLabel ? ` · ${formatPct(s.weightLabel)}` : ""}`, s.asset];
            }}
          />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}
