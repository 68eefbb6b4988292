/**
 * What each rebalance figure means, with its anchor in docs/metrics.md: the headings'
 * tooltips and the page's footnotes read from here, so the page and the docs name one method.
 */
const DOC = "docs/metrics.md#rebalancing-preview-rebalance";
const PAGE_DOC = "docs/metrics.md#rebalance-page-targets-legs-and-dry-run-quotes";

export const REBALANCE_METHODS = {
  value: { text: "quantity × the latest snapshot's price in the base currency", anchor: DOC },
  currentWeight: { text: "value ÷ total value of the priced holdings", anchor: DOC },
  targetWeight: { text: "the saved target weight of the asset; the set sums to 100 %", anchor: PAGE_DOC },
  band: { text: "tolerance band: no trade while |current − target| ≤ band (absolute weight)", anchor: PAGE_DOC },
  drift: { text: "current weight − target weight", anchor: DOC },
  trade: { text: "target value − value (+ buy, − sell), from the rebalance engine", anchor: DOC },
  legValue: { text: "the engine's trade split by venue account: sells from the largest holding first, a buy where the asset (or else the cash) is held", anchor: PAGE_DOC },
  fee: { text: "leg value × the venue's assumed taker rate (named below)", anchor: PAGE_DOC },
  priceImpact: { text: "OKX DEX aggregator's price impact of the quoted route, in %", anchor: PAGE_DOC },
  minimumReceived: { text: "quoted amount × (1 − 0.5 % assumed swap slippage)", anchor: PAGE_DOC },
  aggregateSlippage: { text: "Σ |price impact| × leg value ÷ Σ leg value over the quoted legs", anchor: PAGE_DOC },
} as const;
export type RebalanceMethod = keyof typeof REBALANCE_METHODS;

export function rebalanceMethod(key: RebalanceMethod): string {
  const m = REBALANCE_METHODS[key];
  return `${m.text} (${m.anchor})`;
}
