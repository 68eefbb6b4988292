import { describe, expect, it } from "vitest";
import { findTransferMatches } from "@/lib/engines/transfers";
import { flow } from "./test-support";

describe("pass 1, transaction id", () => {
  it("matches a Binance withdrawal of 0.5 BTC and an OKX deposit of 0.5 BTC with tx 0xabc: 1 match, tx_id", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xabc" }), flow("d", "okx", "deposit", "0.5", 40, { txId: "0xabc" })],
      existing: [],
    });
    expect(r).toEqual({ matches: [{ outId: "w", inId: "d", method: "tx_id" }], released: [], ambiguous: [] });
  });

  it("compares ids trimmed, in any case, with or without 0x: ' 0xABC ' = '0xabc' = 'abc'", () => {
    const r = findTransferMatches({
      candidates: [
        flow("w1", "binance", "withdrawal", "1", 0, { txId: " 0xABC " }),
        flow("d1", "okx", "deposit", "1", 5, { txId: "0xabc" }),
        flow("w2", "binance", "withdrawal", "2", 0, { txId: "0xDEF" }),
        flow("d2", "okx", "deposit", "2", 9 * 60, { txId: "def" }),
      ],
      existing: [],
    });
    expect(r.matches).toEqual([
      { outId: "w1", inId: "d1", method: "tx_id" },
      { outId: "w2", inId: "d2", method: "tx_id" },
    ]);
  });

  it("matches 0.5 BTC sent and 0.4995 BTC credited (the receiving venue's 0.0005 fee) by tx id, 3 days apart", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xabc" }), flow("d", "okx", "deposit", "0.4995", 3 * 24 * 60, { txId: "0xabc" })],
      existing: [],
    });
    expect(r.matches).toEqual([{ outId: "w", inId: "d", method: "tx_id" }]);
  });

  it("tx id beats amount: withdrawal 0.5 BTC tx 0xabc at 10:00, deposit 0.5 BTC without tx at 10:05 and deposit 0.4995 BTC tx 0xabc at 12:00 → the 12:00 deposit", () => {
    const r = findTransferMatches({
      candidates: [
        flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xabc" }),
        flow("d-near", "okx", "deposit", "0.5", 5),
        flow("d-tx", "kraken", "deposit", "0.4995", 120, { txId: "0xabc" }),
      ],
      existing: [],
    });
    expect(r.matches).toEqual([{ outId: "w", inId: "d-tx", method: "tx_id" }]);
  });

  it("needs the same asset: 1 ETH out and 1 WETH in under one tx id are not matched (0 matches)", () => {
    const r = findTransferMatches({
      candidates: [flow("w", "binance", "withdrawal", "1", 0, { asset: "ETH", txId: "0x1" }), flow("d", "okx", "deposit", "1", 5, { asset: "WETH", txId: "0x1" })],
      existing: [],
    });
    expect(r.matches).toEqual([]);
  });

  it("one batched tx with 2 withdrawals (0.3 and 0.2 BTC) and 1 deposit of 0.2 BTC: the equal amount decides, 1 match", () => {
    const r = findTransferMatches({
      candidates: [
        flow("w-03", "binance", "withdrawal", "0.3", 0, { txId: "0xbatch" }),
        flow("w-02", "bybit", "withdrawal", "0.2", 0, { txId: "0xbatch" }),
        flow("d-02", "okx", "deposit", "0.2", 30, { txId: "0xbatch" }),
      ],
      existing: [],
    });
    expect(r.matches).toEqual([{ outId: "w-02", inId: "d-02", method: "tx_id" }]);
  });

  it("one tx id on 2 withdrawals of 0.2 BTC and 1 deposit of 0.2 BTC at the same gap: not guessed (0 matches, all 3 ambiguous)", () => {
    const r = findTransferMatches({
      candidates: [
        flow("w-a", "binance", "withdrawal", "0.2", 0, { txId: "0xbatch" }),
        flow("w-b", "bybit", "withdrawal", "0.2", 0, { txId: "0xbatch" }),
        flow("d", "okx", "deposit", "0.2", 30, { txId: "0xbatch" }),
      ],
      existing: [],
    });
    expect(r.matches).toEqual([]);
    expect(r.ambiguous).toEqual(["d", "w-a", "w-b"]);
  });
});
