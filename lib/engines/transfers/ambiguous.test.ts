import { describe, expect, it } from "vitest";
import { findTransferMatches } from "@/lib/engines/transfers";
import { flow } from "./test-support";

describe("one-to-one, closest in time; ties are left alone", () => {
  it("two equal candidates: 0.5 BTC out at 10:00, 0.5 BTC in at 10:30 on OKX and at 10:30 on Kraken → 0 matches, all 3 ambiguous", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0), flow("d-okx", "okx", "deposit", "0.5", 30), flow("d-kraken", "kraken", "deposit", "0.5", 30)],
      existing: [],
    });
    expect(r.matches).toEqual([]);
    expect(r.ambiguous).toEqual(["d-kraken", "d-okx", "w"]);
  });

  it("equally close on either side is a tie too: deposits 5 min before and 5 min after → 0 matches", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0), flow("d-before", "okx", "deposit", "0.5", -5), flow("d-after", "kraken", "deposit", "0.5", 5)],
      existing: [],
    });
    expect(r.matches).toEqual([]);
  });

  it("the closest wins: deposits at 10:20 and at 13:00 for one withdrawal at 10:00 → the 10:20 one; the 13:00 one stays a flow", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0), flow("d-far", "kraken", "deposit", "0.5", 180), flow("d-near", "okx", "deposit", "0.5", 20)],
      existing: [],
    });
    expect(r.matches).toEqual([{ outId: "w", inId: "d-near", method: "amount_time" }]);
    expect(r.ambiguous).toEqual([]);
  });

  it("two withdrawals, two deposits of 1 ETH: the closest pairs first (gaps 5 and 15 min), 2 matches", () => {
    const r = findTransferMatches({
      candidates: [
        flow("w1", "binance", "withdrawal", "1", 0, { asset: "ETH" }),
        flow("w2", "bybit", "withdrawal", "1", 60, { asset: "ETH" }),
        flow("d1", "okx", "deposit", "1", 5, { asset: "ETH" }),
        flow("d2", "okx", "deposit", "1", 75, { asset: "ETH" }),
      ],
      existing: [],
    });
    expect(r.matches).toEqual([
      { outId: "w1", inId: "d1", method: "amount_time" },
      { outId: "w2", inId: "d2", method: "amount_time" },
    ]);
  });

  it("a deposit taken by a closer withdrawal: in at 10:20, outs at 10:15 (gap 5) and 10:00 (gap 20) → 10:15's; 10:00 stays a flow", () => {
    const r = findTransferMatches({
      candidates: [flow("w-early", "binance", "withdrawal", "0.5", 0), flow("w-late", "bybit", "withdrawal", "0.5", 15), flow("d", "okx", "deposit", "0.5", 20)],
      existing: [],
    });
    expect(r.matches).toEqual([{ outId: "w-late", inId: "d", method: "amount_time" }]);
  });
});
