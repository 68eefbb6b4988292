import type { PortfolioSnapshotRow } from "@/db/schema";
import { D, toDecimalString } from "@/lib/money/decimal";

/** Nothing connected publishes margin (the demo venue, 1Token, IBKR statements, wallets, spot-only OKX accounts). */
export const MARGIN_NOT_PUBLISHED = "not published by any connected venue";

export interface BarMargin {
  used: string | null;
  available: string | null;
  /** What is left out of the two figures, in words; null when nothing is. */
  unreported: string | null;
}

/**
 * Margin used and available of the metrics bar: Σ of what each connection's latest snapshot
 * stored (the venue's published figures, valued in the base currency at capture). A
 * connection whose venue published none is named as "not published"; a currency that had no
 * price is named as left out. Null figures only when no connection published any.
 */
export function barMargin(
  latest: ReadonlyArray<Pick<PortfolioSnapshotRow, "connectionId" | "marginUsed" | "marginAvailable" | "marginDetail">>,
  labels: ReadonlyMap<string, string>,
): BarMargin {
  const published = latest.filter((s) => s.marginUsed !== null && s.marginAvailable !== null);
  if (published.length === 0) return { used: null, available: null, unreported: MARGIN_NOT_PUBLISHED };
  const used = published.reduce((a, s) => a.plus(s.marginUsed!), new D(0));
  const available = published.reduce((a, s) => a.plus(s.marginAvailable!), new D(0));
  const silent = latest.filter((s) => s.marginUsed === null || s.marginAvailable === null).map((s) => labels.get(s.connectionId) ?? "a connection");
  const unvalued = [...new Set(published.flatMap((s) => (s.marginDetail ?? []).filter((d) => d.usedBase === null).map((d) => d.currency)))].sort();
  const notes = [
    silent.length > 0 ? `not published by ${[...new Set(silent)].sort().join(", ")}` : null,
    unvalued.length > 0 ? `margin in ${unvalued.join(", ")} has no price and is left out` : null,
  ].filter((x): x is string => x !== null);
  return { used: toDecimalString(used), available: toDecimalString(available), unreported: notes.length > 0 ? notes.join("; ") : null };
}
