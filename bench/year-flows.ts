// Deposits and withdrawals spread evenly over a span, at odd seconds (between 1-minute
// snapshots), every third a withdrawal, amounts cycling 1,000–2,500 USD at par: the flows
// bench:unitise and bench:load put beside a year of snapshots.
import type { cashFlows } from "@/db/schema";

export function yearFlows(p: { ownerId: string; connectionId: string; accountId: string; begin: number; end: number; count: number; idPrefix: string }): Array<typeof cashFlows.$inferInsert> {
  const step = Math.floor((p.end - p.begin) / (p.count + 1));
  return Array.from({ length: p.count }, (_, i) => {
    const amount = String(1000 + (i % 7) * 250);
    return {
      ownerId: p.ownerId,
      connectionId: p.connectionId,
      accountId: p.accountId,
      venueFlowId: `${p.idPrefix}-${i}`,
      kind: i % 3 === 2 ? ("withdrawal" as const) : ("deposit" as const),
      asset: "USD",
      amount,
      valueBase: amount,
      baseCurrency: "USD",
      priceSource: "par",
      occurredAt: new Date(p.begin + (i + 1) * step + 17_000),
      status: "confirmed" as const,
      source: "venue" as const,
    };
  });
}
