import { describe, expect, it } from "vitest";
import { findTransferMatches } from "@/lib/engines/transfers";
import { flow } from "./test-support";

const w = flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xabc" });
const d = flow("d", "okx", "deposit", "0.5", 30, { txId: "0xabc" });

describe("what is already recorded", () => {
  it("a pair a person undid is never re-matched: 0.5 BTC out and in with one tx id, undone → 0 matches", () => {
    const r = findTransferMatches({ candidates: [w, d], existing: [{ matchId: "m", outId: "w", inId: "d", live: false }] });
    expect(r).toEqual({ matches: [], released: [], ambiguous: [] });
  });

  it("after an undo, each leg may still match another flow: the withdrawal with a second 0.5 BTC deposit 10 min later (1 match)", () => {
    const r = findTransferMatches({
      candidates: [w, d, flow("d2", "kraken", "deposit", "0.5", 10)],
      existing: [{ matchId: "m", outId: "w", inId: "d", live: false }],
    });
    expect(r.matches).toEqual([{ outId: "w", inId: "d2", method: "amount_time" }]);
  });

  it("a live match is kept and its legs are taken: 0 new matches, nothing released", () => {
    const r = findTransferMatches({
      candidates: [w, d, flow("d2", "kraken", "deposit", "0.5", 10)],
      existing: [{ matchId: "m", outId: "w", inId: "d", live: true }],
    });
    expect(r).toEqual({ matches: [], released: [], ambiguous: [] });
  });

  it("a live match whose deposit a person reversed is released; its withdrawal then matches the 0.5 BTC replacement 10 min later", () => {
    const r = findTransferMatches({
      candidates: [w, { ...d, reversed: true }, flow("d-fixed", "okx", "deposit", "0.5", 10)],
      existing: [{ matchId: "m", outId: "w", inId: "d", live: true }],
    });
    expect(r.released).toEqual(["m"]);
    expect(r.matches).toEqual([{ outId: "w", inId: "d-fixed", method: "amount_time" }]);
  });

  it("a live match whose leg has no current row is released", () => {
    const r = findTransferMatches({ candidates: [w], existing: [{ matchId: "m", outId: "w", inId: null, live: true }] });
    expect(r.released).toEqual(["m"]);
    expect(r.matches).toEqual([]);
  });
});
