import { describe, expect, it } from "vitest";
import type { ReconciledPositionRow } from "@/db/schema";
import { reconciliationLines } from "./strategy-data";

const row = (symbol: string, strategy: string | null, quantity: string, averageCost: string | null, extra: Partial<ReconciledPositionRow> = {}): ReconciledPositionRow => ({
  id: `${symbol}-${strategy}`,
  ownerId: "o",
  snapshotId: "s",
  symbol,
  strategy,
  kind: strategy === null ? "residual" : "strategy",
  quantity,
  averageCost,
  marketPrice: "60000",
  marketValue: null,
  quoteCurrency: "USD",
  fxRate: "1",
  valueBase: null,
  unrealizedPnl: null,
  navWeight: null,
  pnlPct: null,
  closedAtVenue: false,
  ...extra,
});

describe("reconciliationLines", () => {
  it("venue 10 BTC; trend 6 @ 40000, carry 3 @ 55000: strategies 9, residual 1 at (6×40000 + 3×55000)/9 = 45000, held at both", () => {
    const [line] = reconciliationLines([row("BTC", "carry", "3", "55000"), row("BTC", "trend", "6", "40000"), row("BTC", null, "1", "45000")]);
    expect(line).toEqual({
      symbol: "BTC",
      quoteCurrency: "USD",
      venueQuantity: "10",
      strategyQuantity: "9",
      residualQuantity: "1",
      residualAverageCost: "45000",
      residualValueBase: null,
      heldAt: "both",
      strategies: [
        { strategy: "carry", quantity: "3", averageCost: "55000" },
        { strategy: "trend", quantity: "6", averageCost: "40000" },
      ],
    });
  });

  it("a symbol only the venue holds (residual row alone) is venue-only; one only a strategy holds (the venue closed it: residual −2) is strategy-only", () => {
    const lines = reconciliationLines([row("SOL", "mm-sol", "2", "150", { closedAtVenue: true }), row("SOL", null, "-2", "150"), row("LINK", null, "40", null)]);
    expect(lines.map((l) => [l.symbol, l.heldAt, l.venueQuantity, l.strategyQuantity, l.residualQuantity])).toEqual([
      ["LINK", "venue-only", "40", "0", "40"],
      ["SOL", "strategy-only", "0", "2", "-2"],
    ]);
  });

  it("strategies that explain the venue exactly: no residual row, residual 0", () => {
    const [line] = reconciliationLines([row("ETH", "mm-eth", "1.5", "3000")]);
    expect(line).toMatchObject({ venueQuantity: "1.5", residualQuantity: "0", residualAverageCost: null, heldAt: "both" });
  });
});
