import { dec } from "@/lib/money/decimal";

/** Digits grouped by thousands with a comma, fixed decimals; exact (decimal.js), never through a float. */
export function formatAmount(value: string, decimals = 2, opts: { signed?: boolean } = {}): string {
  const d = dec(value).toDecimalPlaces(decimals);
  const [int, frac] = d.abs().toFixed(decimals).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = d.isNegative() && !d.isZero() ? "-" : opts.signed && !d.isZero() ? "+" : "";
  return `${sign}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A fraction (decimal string or number) as a percentage with `decimals` places: "0.0123" → "1.23%". */
export function formatPercent(fraction: string | number, decimals = 2, opts: { signed?: boolean } = {}): string {
  return `${formatAmount(dec(fraction).times(100).toString(), decimals, opts)}%`;
}

/** "12 min ago", "3 h ago", "2 days ago": how old the last sync is. */
export function formatAge(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
