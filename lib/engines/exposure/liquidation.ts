import { D, toDecimalString } from "@/lib/money/decimal";

/**
 * How far the mark price may move against a derivatives position before the venue
 * liquidates it, as a fraction of the mark (docs/metrics.md, "Distance to liquidation"):
 *
 *   long:  (mark − liquidation) / mark
 *   short: (liquidation − mark) / mark
 *
 * Positive means room is left; negative means the mark is already past the liquidation
 * price (the venue has not closed it yet). Exact: decimal strings in, a decimal string out.
 */
export type LiquidationDistance =
  | { distance: string; reason: null }
  /**
   * - `not_reported`: the venue sent no liquidation price;
   * - `none_at_venue`: the venue sent 0, its way of saying the position cannot be
   *   liquidated at any price (cross margin with ample collateral, fully collateralised);
   * - `no_mark`: there is no positive mark price to measure from.
   */
  | { distance: null; reason: "not_reported" | "none_at_venue" | "no_mark" };

export function distanceToLiquidation(p: { side: "long" | "short"; markPrice: string; liquidationPrice: string | null }): LiquidationDistance {
  if (p.liquidationPrice === null) return { distance: null, reason: "not_reported" };
  const liquidation = new D(p.liquidationPrice);
  if (liquidation.lessThanOrEqualTo(0)) return { distance: null, reason: "none_at_venue" };
  const mark = new D(p.markPrice);
  if (mark.lessThanOrEqualTo(0)) return { distance: null, reason: "no_mark" };
  const room = p.side === "long" ? mark.minus(liquidation) : liquidation.minus(mark);
  return { distance: toDecimalString(room.div(mark)), reason: null };
}
