import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, sum } from "@/lib/money/decimal";
import { assertEquityIdentity, calculateEquity, EquityIdentityError, type EquityBalance } from "@/lib/engines/equity";

const decimal = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => new D(units).div(new D(10).pow(scale)).toFixed());
const positiveDecimal = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 0, max: 8 }))
  .map(([units, scale]) => new D(units).div(new D(10).pow(scale)).toFixed());

const balance = fc.record({
  asset: fc.constantFrom("BTC", "ETH", "USDT", "SOL", "USD"),
  wallet: fc.constantFrom<EquityBalance["wallet"][]>("spot", "funding", "futures", "margin"),
  quantity: decimal,
  venue: fc.constantFrom("binance", "okx", "ibkr"),
  accountUid: fc.constantFrom("a1", "a2", "a3"),
});

describe("equity = spot + funding + futures wallet + uPnL + margin debt, for any portfolio", () => {
  it("holds exactly, in the totals and in every breakdown", () => {
    fc.assert(
      fc.property(
        fc.array(balance, { maxLength: 12 }),
        fc.array(fc.record({ symbol: fc.constant("X/USDT:USDT"), settleCurrency: fc.constantFrom("USDT", "USD"), unrealizedPnl: decimal }), {
          maxLength: 4,
        }),
        fc.record({ BTC: positiveDecimal, ETH: positiveDecimal, USDT: positiveDecimal }),
        (balances, positions, prices) => {
          const r = calculateEquity({ balances, positions, prices });
          const parts = sum([r.spotValue, r.fundingValue, r.futuresWalletBalance, r.unrealizedPnl, r.marginDebt]);
          expect(parts.equals(r.total)).toBe(true);
          for (const buckets of [r.breakdown.byVenue, r.breakdown.byAccount, r.breakdown.byAssetClass, r.breakdown.byCurrency]) {
            expect(sum(buckets.map((b) => b.total)).equals(r.total)).toBe(true);
          }
          expect(new D(r.marginDebt).lessThanOrEqualTo(0)).toBe(true);
        },
      ),
    );
  });

  it("is exact: 0.1 BTC + 0.2 BTC at 1 = 0.3, not 0.30000000000000004", () => {
    const r = calculateEquity({
      balances: [
        { asset: "BTC", wallet: "spot", quantity: "0.1" },
        { asset: "BTC", wallet: "funding", quantity: "0.2" },
      ],
      positions: [],
      prices: { BTC: "1" },
    });
    expect(r.total).toBe("0.3");
  });

  it("refuses a result whose parts do not add up: 10 + 0 + 0 + 0 + 0 ≠ 11", () => {
    const empty: never[] = [];
    expect(() =>
      assertEquityIdentity({
        total: "11",
        spotValue: "10",
        fundingValue: "0",
        futuresWalletBalance: "0",
        unrealizedPnl: "0",
        marginDebt: "0",
        breakdown: { byVenue: empty, byAccount: empty, byAssetClass: empty, byCurrency: empty },
      }),
    ).toThrow(EquityIdentityError);
  });
});
