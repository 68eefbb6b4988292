import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { findTransferMatches, inTransferWindow, normalizeTxId, type TransferCandidate } from "@/lib/engines/transfers";
import { flow } from "./test-support";

const candidate = fc.record({
  connectionId: fc.constantFrom("binance", "okx", "kraken"),
  kind: fc.constantFrom("withdrawal" as const, "deposit" as const),
  asset: fc.constantFrom("BTC", "ETH"),
  amount: fc.constantFrom("0.5", "0.50", "1", "0.4995"),
  minutes: fc.integer({ min: -30, max: 8 * 60 }),
  txId: fc.constantFrom(undefined, "0xabc", "0xABC", "0xdef"),
  status: fc.constantFrom("confirmed" as const, "confirmed" as const, "pending" as const),
});
const flows = fc
  .array(candidate, { maxLength: 14 })
  .map((list) => list.map((c, i) => flow(`f${String(i).padStart(2, "0")}`, c.connectionId, c.kind, c.amount, c.minutes, { asset: c.asset, txId: c.txId, status: c.status })));

describe("whatever the flows, a match is one withdrawal and one deposit that may be one transfer", () => {
  it("is one-to-one, across two connections, of one asset, by a common tx id or the exact amount in the window", () => {
    fc.assert(
      fc.property(flows, (candidates) => {
        const byId = new Map(candidates.map((c) => [c.id, c]));
        const r = findTransferMatches({ candidates, existing: [] });
        const legs = r.matches.flatMap((m) => [m.outId, m.inId]);
        expect(new Set(legs).size).toBe(legs.length);
        for (const m of r.matches) {
          const out = byId.get(m.outId)!;
          const deposit = byId.get(m.inId)!;
          expect([out.kind, deposit.kind, out.status, deposit.status]).toEqual(["withdrawal", "deposit", "confirmed", "confirmed"]);
          expect(out.connectionId).not.toBe(deposit.connectionId);
          expect(out.asset).toBe(deposit.asset);
          if (m.method === "tx_id") expect(normalizeTxId(out.txId)).toBe(normalizeTxId(deposit.txId));
          else {
            expect(new D(out.amount).eq(deposit.amount)).toBe(true);
            expect(inTransferWindow(out.occurredAt, deposit.occurredAt)).toBe(true);
          }
        }
        for (const id of r.ambiguous) expect(legs).not.toContain(id);
      }),
    );
  });

  it("gives the same matches whatever order the flows come in", () => {
    fc.assert(
      fc.property(flows, fc.integer(), (candidates, seed) => {
        const shuffled: TransferCandidate[] = [...candidates];
        let s = seed;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1_103_515_245 + 12_345) | 0;
          const j = Math.abs(s) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(findTransferMatches({ candidates: shuffled, existing: [] })).toEqual(findTransferMatches({ candidates, existing: [] }));
      }),
    );
  });
});
