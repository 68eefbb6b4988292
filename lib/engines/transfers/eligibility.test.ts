import { describe, expect, it } from "vitest";
import { findTransferMatches } from "@/lib/engines/transfers";
import { flow } from "./test-support";

const one = (over: { out?: Parameters<typeof flow>[5]; in?: Parameters<typeof flow>[5] } = {}, inConnection = "okx") =>
  findTransferMatches({
    candidates: [flow("w", "binance", "withdrawal", "0.5", 0, { txId: "0xabc", ...over.out }), flow("d", inConnection, "deposit", "0.5", 30, { txId: "0xabc", ...over.in })],
    existing: [],
  }).matches;

describe("only flows that would count, on two different connections", () => {
  it("the pair as given: 1 match", () => {
    expect(one()).toHaveLength(1);
  });

  it("same connection never matched, even with one tx id and the same 0.5 BTC: that is the connector's `internal` (0 matches)", () => {
    expect(one({}, "binance")).toEqual([]);
  });

  it("a pending deposit or a failed withdrawal is not matched (0 matches)", () => {
    expect(one({ in: { status: "pending" } })).toEqual([]);
    expect(one({ out: { status: "failed" } })).toEqual([]);
  });

  it("a flow internal to its connection or reversed by a person is not matched (0 matches)", () => {
    expect(one({ in: { internal: true } })).toEqual([]);
    expect(one({ out: { reversed: true } })).toEqual([]);
  });

  it("two withdrawals or two deposits never make a pair (0 matches)", () => {
    const r = findTransferMatches({
      candidates: [flow("a", "binance", "deposit", "0.5", 0, { txId: "0xabc" }), flow("b", "okx", "deposit", "0.5", 5, { txId: "0xabc" })],
      existing: [],
    });
    expect(r.matches).toEqual([]);
  });
});
