import { describe, expect, it } from "vitest";
import { findTransferMatches, TRANSFER_WINDOW } from "@/lib/engines/transfers";
import { flow } from "./test-support";

const pair = (depositMinutes: number, depositAmount = "0.5") =>
  findTransferMatches({
    candidates: [flow("w", "binance", "withdrawal", "0.5", 0), flow("d", "okx", "deposit", depositAmount, depositMinutes)],
    existing: [],
  }).matches;

describe("pass 2, same asset and amount within 10 minutes before to 6 hours after the withdrawal", () => {
  it("states the window: 600 000 ms before, 21 600 000 ms after", () => {
    expect([TRANSFER_WINDOW.beforeMs, TRANSFER_WINDOW.afterMs]).toEqual([600_000, 21_600_000]);
  });

  it("matches 0.5 BTC out at 10:00 and 0.5 BTC in at 11:30 (90 min after): 1 match, amount_time", () => {
    expect(pair(90)).toEqual([{ outId: "w", inId: "d", method: "amount_time" }]);
  });

  it("matches at both edges: 10 min before (09:50) and 6 h after (16:00)", () => {
    expect(pair(-10)).toHaveLength(1);
    expect(pair(6 * 60)).toHaveLength(1);
  });

  it("just outside the window: 6 h 1 min after (16:01) or 11 min before (09:49) → 0 matches", () => {
    expect(pair(6 * 60 + 1)).toEqual([]);
    expect(pair(-11)).toEqual([]);
  });

  it("needs exactly the amount: 0.5 out, 0.4995 in (no common tx id) → 0 matches; '0.50' in = '0.5' out → 1", () => {
    expect(pair(30, "0.4995")).toEqual([]);
    expect(pair(30, "0.50")).toHaveLength(1);
  });

  it("two different tx ids are two transfers: 0.5 BTC out tx 0xaaa, 0.5 BTC in tx 0xbbb 5 min later → 0 matches", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xaaa" }), flow("d", "okx", "deposit", "0.5", 5, { txId: "0xbbb" })],
      existing: [],
    });
    expect(r.matches).toEqual([]);
  });

  it("a tx id on one leg only does not stop it: 0.5 out tx 0xaaa, 0.5 in without tx 5 min later → 1 amount_time match", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xaaa" }), flow("d", "okx", "deposit", "0.5", 5)],
      existing: [],
    });
    expect(r.matches).toEqual([{ outId: "w", inId: "d", method: "amount_time" }]);
  });

  it("compares assets in any case: 100 usdt out (manual), 100 USDT in → 1 match", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "manual", "withdrawal", "100", 0, { asset: "usdt" }), flow("d", "okx", "deposit", "100", 20, { asset: "USDT" })],
      existing: [],
    });
    expect(r.matches).toHaveLength(1);
  });
});
