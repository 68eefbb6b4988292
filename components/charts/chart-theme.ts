import type { CSSProperties } from "react";

/**
 * Chart chrome (grid, axis labels, tooltip) in the current colour scheme. The values are
 * CSS variables from app/globals.css, which switch with prefers-color-scheme, so a chart
 * needs no JavaScript to follow dark mode.
 */
export const chartTheme = {
  grid: "var(--chart-grid)",
  axisTick: { fontSize: 12, fill: "var(--chart-axis)" },
  /** Slice separators take the card's colour, so they read as gaps in either scheme. */
  surface: "var(--surface)",
  tooltip: {
    contentStyle: {
      background: "var(--chart-tooltip-bg)",
      borderColor: "var(--chart-tooltip-border)",
      borderRadius: 8,
      color: "var(--fg)",
    } satisfies CSSProperties,
    labelStyle: { color: "var(--fg-muted)" } satisfies CSSProperties,
    itemStyle: { color: "var(--fg)" } satisfies CSSProperties,
  },
} as const;
