import { rebalancePreviewForKey } from "@/lib/rebalance/preview";
import type { PreviewLeg, RebalancePreview as Preview } from "@/lib/rebalance/preview-schema";
import type { RebalancePlan, RebalancePreview, RebalancePreviewer, RebalanceScope } from "./rebalance-port";

/**
 * The bot's rebalance port over lib/rebalance: the same preview /rebalance shows, for the
 * whole workspace (a chat is linked to a workspace, not to a portfolio), turned into the
 * port's text-ready lines. "Confirm" asks for the dry-run plan with DEX quotes; nothing is
 * ever executed.
 */
const WHOLE_WORKSPACE = "all";

function refusal(p: Preview): string | null {
  if (p.state === "empty") return "Nothing is valued in this workspace yet: connect a venue and let it sync.";
  if (p.targets.length === 0) return "No target weights are saved for the whole workspace: set them on /rebalance.";
  return null;
}

const venueOf = (l: PreviewLeg) => `${l.connectionLabel} · ${l.accountName}`;

function planNote(p: Preview): string {
  const parts = [`Fees estimated: ${p.totals.fees} ${p.baseCurrency}.`];
  if (p.quotes) {
    parts.push(`DEX quotes: ${p.quotes.quoted} quoted, ${p.quotes.failed} failed.`);
    if (p.quotes.aggregatePriceImpactPercent !== null) parts.push(`Aggregate price impact ${p.quotes.aggregatePriceImpactPercent} %.`);
  }
  if (p.unplaced.length > 0) parts.push(`No venue for: ${p.unplaced.join(", ")}.`);
  return parts.join(" ");
}

export const libRebalance: RebalancePreviewer = {
  async preview(scope: RebalanceScope): Promise<RebalancePreview> {
    const p = await rebalancePreviewForKey(scope, WHOLE_WORKSPACE);
    const refused = refusal(p);
    if (refused) return { ok: false, reason: refused };
    const lines = p.rows
      .filter((r) => r.targetWeight !== null || r.action === "buy" || r.action === "sell")
      .map((r) => ({ asset: r.asset, currentWeight: r.currentWeight ?? "0", targetWeight: r.targetWeight ?? "0", deltaValue: r.valueDelta }));
    return { ok: true, lines, note: p.unpriced.length > 0 ? `Not priced, left out: ${p.unpriced.join(", ")}.` : undefined };
  },

  async plan(scope: RebalanceScope): Promise<RebalancePlan> {
    const p = await rebalancePreviewForKey(scope, WHOLE_WORKSPACE, { withQuotes: true });
    const refused = refusal(p);
    if (refused) return { ok: false, reason: refused };
    const orders = p.legs.map((l) => ({ side: l.side, symbol: `${l.asset}/${p.baseCurrency}`, quantity: l.quantity, quotePrice: l.price, valueBase: l.value, venue: venueOf(l) }));
    return { ok: true, orders, quotedAt: scope.now, note: planNote(p) };
  },
};
