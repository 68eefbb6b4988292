import { formatPct } from "@/components/format";

/**
 * How /performance shows floats from the engines: returns as percentages (2 decimals, the
 * convention), ratios as plain numbers with 2 decimals, and "—" for an undefined figure.
 * The engines' floats become strings only here, at the display edge.
 */
const ratioFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const DASH = "—";

export function pctText(value: number | null, opts: { signed?: boolean } = {}): string {
  return value === null ? DASH : formatPct(String(value), opts);
}

export function ratioText(value: number | null, opts: { infinite?: boolean } = {}): string {
  if (opts.infinite) return "∞";
  return value === null ? DASH : ratioFormat.format(value);
}

export function toneOf(value: number | null): "up" | "down" | "flat" {
  if (value === null || value === 0) return "flat";
  return value > 0 ? "up" : "down";
}
