/**
 * What each exposure figure means, in one line, with its anchor in docs/metrics.md: the
 * column headings' tooltips and the footnotes read from here, so the page and the docs
 * name one method.
 */
export const EXPOSURE_DOC = "docs/metrics.md#exposure-exposure";

export const EXPOSURE_METHODS = {
  long: { label: "Long", text: "Σ of the positive legs (spot holdings and long derivatives), in the base currency", anchor: EXPOSURE_DOC },
  short: { label: "Short", text: "Σ of the negative legs (short derivatives, margin debt), ≤ 0", anchor: EXPOSURE_DOC },
  net: { label: "Net", text: "long + short: spot and derivatives of one underlying netted", anchor: EXPOSURE_DOC },
  gross: { label: "Gross", text: "long + |short| of the underlying, before its sides cancel", anchor: EXPOSURE_DOC },
  netWeight: { label: "% of NAV", text: "net ÷ equity (the latest snapshots' total)", anchor: EXPOSURE_DOC },
  leverage: { label: "Leverage", text: "gross ÷ equity", anchor: EXPOSURE_DOC },
  totalGross: { label: "Gross exposure", text: "Σ |net| over underlyings: a hedged pair adds nothing (the overview's figure)", anchor: EXPOSURE_DOC },
  totalLeverage: { label: "Leverage", text: "gross exposure (netted) ÷ equity, as every snapshot stores it", anchor: EXPOSURE_DOC },
  allocation: { label: "Share", text: "|net value| ÷ Σ |net value| over the dimension's buckets, cash included; they sum to 100 %", anchor: "docs/metrics.md#allocation" },
  sector: { label: "Sector", text: "the shipped token → sector map (lib/engines/data/sectors.json); a token it does not list is Unclassified, never guessed", anchor: "docs/metrics.md#sectors" },
  herfindahl: { label: "HHI", text: "Herfindahl index Σ wᵢ² of the asset shares: 1/N spread evenly over N assets, 1 all in one", anchor: "docs/metrics.md#concentration" },
  top5: { label: "Top 5", text: "Σ of the five largest asset shares", anchor: "docs/metrics.md#concentration" },
  liquidation: {
    label: "To liquidation",
    text: "long: (mark − liquidation) ÷ mark; short: (liquidation − mark) ÷ mark. How far the price may move against the position",
    anchor: "docs/metrics.md#distance-to-liquidation",
  },
} as const;
export type ExposureMethod = keyof typeof EXPOSURE_METHODS;

/** The tooltip of a heading: the method, then where it is defined. */
export function methodTitle(key: ExposureMethod): string {
  const m = EXPOSURE_METHODS[key];
  return `${m.text} (${m.anchor})`;
}

/** Why a derivative has no distance to liquidation, in words. */
export const LIQUIDATION_MISSING = {
  not_reported: "venue did not report",
  none_at_venue: "venue reports none (0)",
  no_mark: "no mark price",
} as const;
