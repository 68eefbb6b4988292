import { formatMoney, formatPct, formatQuantity, signTone } from "@/components/format";
import { signToneClass } from "@/components/ui/tone";

/**
 * How a fund's figures read, the same on the list and the detail: NAV per unit to 8 decimals
 * at most (the exact stored value on hover), net assets in the fund's currency, returns as a
 * signed percentage coloured by sign. A missing figure is a dash that says why on hover.
 */

function Missing({ why }: { why: string }) {
  return (
    <span className="text-fg-subtle" title={why}>
      —
    </span>
  );
}

export function NavText({ value }: { value: string | null }) {
  if (value === null) return <Missing why="1Token reported no NAV per unit for this point" />;
  return <span title={`${value} (exact, as 1Token reported it)`}>{formatQuantity(value)}</span>;
}

export function NetAssetsText({ value, currency }: { value: string; currency: string }) {
  return <span title={`${value} ${currency} (exact, as 1Token reported it)`}>{formatMoney(value, currency)}</span>;
}

export function ReturnText({ value }: { value: string | null }) {
  if (value === null) return <Missing why="No previous valuation to measure from, or 1Token left a figure out" />;
  return (
    <span className={signToneClass[signTone(value)]} title={`${value} as a fraction`}>
      {formatPct(value, { signed: true })}
    </span>
  );
}

/** The currency a point is in: the one 1Token named on it, else the fund's base currency. */
export function pointCurrency(point: { currency: string | null } | null, baseCurrency: string): string {
  return point?.currency ?? baseCurrency;
}
