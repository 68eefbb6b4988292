import type { Db } from "@/db/client";
import { lastSnapshotBefore, snapshotPricesAround, type PricesAround, type SnapshotUnitPrice } from "@/db/queries/snapshot-prices";
import { D, toDecimalString } from "@/lib/money/decimal";

/** How a flow's base value was found; the column also knows "reference" and "manual", which the sync does not use. */
export type FlowPriceSource = "par" | "snapshot";

export interface FlowValue {
  /** The amount in the base currency at the flow's time; null when no price was known (the flow is unvalued). */
  valueBase: string | null;
  priceSource: FlowPriceSource | null;
}

export interface FlowPricing {
  baseCurrency: string;
  /** The asset's price in the connection's stored snapshots around the flow. */
  near: PricesAround;
  /**
   * This run's own prices in `baseCurrency` (they value the snapshot it writes), or null
   * when they are in another currency (the workspace's changed while the run read).
   */
  runPrices: Record<string, string> | null;
  /** The connection's last snapshot before this run's; a flow after it is within this run's read. */
  previousSnapshotAt: Date | null;
}

const UNVALUED: FlowValue = { valueBase: null, priceSource: null };

/**
 * A flow's value in the base currency at its time. Pure.
 * - the base currency itself: its amount ("par");
 * - else the asset's spot price in the nearest snapshot: the first at or after the flow,
 *   else the last before it ("snapshot"). A snapshot that does not hold the asset gives
 *   way to the other side (a withdrawal of a whole holding is priced by the snapshot before);
 * - else, for a flow within this run's read (after the previous snapshot, or with none
 *   yet), the prices that value this run's snapshot ("snapshot": the one being written);
 * - else unvalued: never a guess.
 */
export function valueFlow(flow: { asset: string; amount: string; at: Date }, pricing: FlowPricing): FlowValue {
  if (flow.asset === pricing.baseCurrency) return { valueBase: toDecimalString(flow.amount), priceSource: "par" };
  const held = pricing.near.after ?? pricing.near.before;
  if (held) return { valueBase: times(flow.amount, held), priceSource: "snapshot" };
  const withinRun = pricing.previousSnapshotAt === null || flow.at > pricing.previousSnapshotAt;
  const runPrice = withinRun ? pricing.runPrices?.[flow.asset] : undefined;
  if (runPrice !== undefined) return { valueBase: times(flow.amount, { price: runPrice, fxRate: "1" }), priceSource: "snapshot" };
  return UNVALUED;
}

function times(amount: string, unit: SnapshotUnitPrice): string {
  return toDecimalString(new D(amount).times(unit.price).times(unit.fxRate));
}

/**
 * Values a run's flows of one connection: the snapshot lookups in one statement, then
 * `valueFlow` for each. Called after the run's snapshot is written, so a flow since the
 * previous snapshot finds this run's as the first one after it.
 */
export async function valueCashFlows(
  tx: Db,
  p: {
    ownerId: string;
    connectionId: string;
    /** The run's capture instant: its own snapshot is not the "previous" one. */
    runAt: Date;
    baseCurrency: string;
    runPrices: Record<string, string> | null;
    flows: Array<{ asset: string; amount: string; at: Date }>;
  },
): Promise<FlowValue[]> {
  const priced = p.flows.filter((f) => f.asset !== p.baseCurrency);
  const [near, previousSnapshotAt] = priced.length === 0
    ? [[], null]
    : [
        await snapshotPricesAround(tx, { ownerId: p.ownerId, connectionId: p.connectionId, baseCurrency: p.baseCurrency, items: priced }),
        await lastSnapshotBefore(tx, { ownerId: p.ownerId, connectionId: p.connectionId, before: p.runAt }),
      ];
  const none: PricesAround = { after: null, before: null };
  let k = 0;
  return p.flows.map((f) =>
    valueFlow(f, {
      baseCurrency: p.baseCurrency,
      near: f.asset === p.baseCurrency ? none : (near[k++] ?? none),
      runPrices: p.runPrices,
      previousSnapshotAt,
    }),
  );
}
