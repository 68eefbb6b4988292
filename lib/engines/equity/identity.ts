import { D, sum } from "@/lib/money/decimal";
import { BREAKDOWN_DIMENSIONS, type EquityBreakdown } from "@/lib/engines/equity/components";

export class EquityIdentityError extends Error {
  override readonly name = "EquityIdentityError";
}

interface IdentityFields {
  total: string;
  spotValue: string;
  fundingValue: string;
  futuresWalletBalance: string;
  unrealizedPnl: string;
  marginDebt: string;
  breakdown: EquityBreakdown;
}

const PARTS = ["spotValue", "fundingValue", "futuresWalletBalance", "unrealizedPnl", "marginDebt"] as const;

/**
 * total = spot + funding + futures wallet + unrealized PnL + margin debt, exactly, and every
 * breakdown adds up to the same components. Asserted once, where the figures are made, so
 * that no later view can show a total its parts do not explain.
 */
export function assertEquityIdentity(result: IdentityFields): void {
  const parts = sum(PARTS.map((p) => result[p]));
  if (!parts.equals(new D(result.total))) {
    throw new EquityIdentityError(`equity ${result.total} ≠ Σ components ${parts.toFixed()}`);
  }
  for (const dimension of BREAKDOWN_DIMENSIONS) {
    const buckets = result.breakdown[dimension];
    for (const part of [...PARTS, "total"] as const) {
      const bucketSum = sum(buckets.map((b) => b[part]));
      if (!bucketSum.equals(new D(result[part]))) {
        throw new EquityIdentityError(`${dimension}: Σ ${part} ${bucketSum.toFixed()} ≠ ${result[part]}`);
      }
    }
  }
}
