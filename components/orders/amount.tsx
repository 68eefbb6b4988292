import { formatQuantity } from "@/components/format";

/** An amount with its unit for a table cell (right-aligned by its column); the exact decimal on hover. */
export function Amount({ value, unit }: { value: string | null; unit: string | null }) {
  if (value === null) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="tabular-nums" title={value}>
      {formatQuantity(value)}
      {unit && <span className="ml-1 text-xs text-fg-subtle">{unit}</span>}
    </span>
  );
}
