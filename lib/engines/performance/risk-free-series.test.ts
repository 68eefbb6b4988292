import { describe, expect, it } from "vitest";
import { perPeriodRate, sharpeRatio, sortinoRatio } from "@/lib/engines/performance";

// Quarterly returns (P = 4).
const returns = [0.03, 0.01, 0.05, -0.01];
const P = 4;

describe("Sharpe with a risk-free series: excess = r − rf period by period", () => {
  it("rf [2 %, 0, 3 %, 0]: excess [1, 1, 2, −1] %, mean 0.75 %, std √(0.000475 / 3) = 1.2583 %: Sharpe 2 × 0.0075 / 0.012583 = 1.192079", () => {
    const r = sharpeRatio(returns, { riskFree: { perPeriod: [0.02, 0, 0.03, 0] }, periodsPerYear: P });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(2 * 0.0075 / Math.sqrt(0.000475 / 3), 12);
    if (r.ok) expect(r.value).toBeCloseTo(1.192079, 6);
  });

  it("a flat series of 1 % a quarter equals the constant per-period 1 %: excess [2, 0, 4, −2] %, Sharpe 2 × 0.01 / √(0.002 / 3) = √0.6 = 0.774597", () => {
    const series = sharpeRatio(returns, { riskFree: { perPeriod: [0.01, 0.01, 0.01, 0.01] }, periodsPerYear: P });
    expect(series).toEqual({ ok: true, value: sharpeRatio(returns, { riskFree: 0.01, periodsPerYear: P }) });
    if (series.ok) expect(series.value).toBeCloseTo(Math.sqrt(0.6), 12);
  });

  it("a NaN in the series drops that period, as a NaN return does", () => {
    const r = sharpeRatio(returns, { riskFree: { perPeriod: [0.01, NaN, 0.01, 0.01] }, periodsPerYear: P });
    expect(r).toEqual({ ok: true, value: sharpeRatio([0.03, NaN, 0.05, -0.01], { riskFree: 0.01, periodsPerYear: P }) });
  });

  it("a series of 2 for 4 returns is an error the caller sees, not a number", () => {
    expect(sharpeRatio(returns, { riskFree: { perPeriod: [0.01, 0.01] }, periodsPerYear: P })).toEqual({
      ok: false,
      error: { code: "risk_free_length", expected: 4, actual: 2 },
    });
  });
});

describe("Sharpe with a constant annual rate: per period (1 + a)^(1/P) − 1", () => {
  it("annual 1.01⁴ − 1 = 4.060401 % is 1 % a quarter: the same √0.6 = 0.774597 as rf 0.01 per period", () => {
    expect(perPeriodRate(0.04060401, 4)).toBeCloseTo(0.01, 15);
    const r = sharpeRatio(returns, { riskFree: { annual: 0.04060401 }, periodsPerYear: P });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(Math.sqrt(0.6), 12);
  });

  it("annual 4 % on daily returns is 1.04^(1/252) − 1 = e^(ln 1.04 / 252) − 1 = 0.00015565 a day", () => {
    expect(perPeriodRate(0.04, 252)).toBeCloseTo(0.00015565, 8);
  });

  it("an annual rate of −100 % has no per-period rate: an error", () => {
    expect(sharpeRatio(returns, { riskFree: { annual: -1 }, periodsPerYear: P })).toEqual({ ok: false, error: { code: "risk_free_annual_rate", annual: -1 } });
  });

  it("a plain number keeps its meaning, a per-period rate, and its plain answer", () => {
    expect(typeof sharpeRatio(returns, { riskFree: 0.01, periodsPerYear: P })).toBe("number");
  });
});

describe("Sortino with the risk-free series as its target", () => {
  it("rf [2 %, 0, 3 %, 0]: excess [1, 1, 2, −1] %, 0.0075 × 4 / (√(0.0001 / 4) × 2) = 0.03 / 0.01 = 3", () => {
    const r = sortinoRatio(returns, { requiredReturn: { perPeriod: [0.02, 0, 0.03, 0] }, periodsPerYear: P });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(3, 12);
  });

  it("annual 4.060401 % equals the per-period target 1 %: excess [2, 0, 4, −2] %, 0.04 / (√(0.0004 / 4) × 2) = 0.04 / 0.02 = 2", () => {
    const r = sortinoRatio(returns, { requiredReturn: { annual: 0.04060401 }, periodsPerYear: P });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toBeCloseTo(2, 12);
    expect(sortinoRatio(returns, { requiredReturn: 0.01, periodsPerYear: P })).toBeCloseTo(2, 12);
  });

  it("a series of the wrong length is an error", () => {
    expect(sortinoRatio(returns, { requiredReturn: { perPeriod: [0, 0, 0, 0, 0] }, periodsPerYear: P })).toEqual({
      ok: false,
      error: { code: "risk_free_length", expected: 4, actual: 5 },
    });
  });
});
