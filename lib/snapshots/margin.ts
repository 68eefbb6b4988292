import type { SnapshotMarginDetail } from "@/db/schema";
import type { AccountMargin } from "@/lib/connectors/types";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

export interface SnapshotMargin {
  /** Σ used in the base currency over the priced currencies; null when the venue published none. */
  used: string | null;
  available: string | null;
  detail: SnapshotMarginDetail[] | null;
}

/**
 * A connection's published margin valued in the base currency at the snapshot's prices
 * (asset → price in the base). A currency without a price keeps its figures in the detail
 * with null base values and is left out of the sums, as the equity leaves out unpriced
 * assets. No margin published: every field null ("not published", never 0).
 */
export function valueMargins(margins: readonly AccountMargin[] | undefined, baseCurrency: string, prices: Record<string, string>): SnapshotMargin {
  if (!margins || margins.length === 0) return { used: null, available: null, detail: null };
  let used: Dec = new D(0);
  let available: Dec = new D(0);
  const detail = margins.map((m): SnapshotMarginDetail => {
    const quoted = m.currency === baseCurrency ? "1" : prices[m.currency];
    const fx = quoted === undefined ? null : new D(quoted);
    const usedBase = fx ? new D(m.used).times(fx) : null;
    const availableBase = fx ? new D(m.available).times(fx) : null;
    if (usedBase && availableBase) {
      used = used.plus(usedBase);
      available = available.plus(availableBase);
    }
    return {
      accountUid: m.accountUid,
      currency: m.currency,
      used: m.used,
      maintenance: m.maintenance ?? null,
      available: m.available,
      usedBase: usedBase ? toDecimalString(usedBase) : null,
      availableBase: availableBase ? toDecimalString(availableBase) : null,
    };
  });
  return { used: toDecimalString(used), available: toDecimalString(available), detail };
}
