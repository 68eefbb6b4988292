import { describe, expect, it } from "vitest";
import { formatHhi, times } from "./exposure-format";

describe("times", () => {
  it("gross 90000 ÷ equity 45000 = \"2\" → 2.00×; 0.123456 → 0.12×; 1234.5 → 1,234.50×", () => {
    expect(times("2")).toBe("2.00×");
    expect(times("0.123456")).toBe("0.12×");
    expect(times("1234.5")).toBe("1,234.50×");
  });

  it("undefined leverage (equity ≤ 0) → a dash", () => {
    expect(times(null)).toBe("—");
  });
});

describe("formatHhi", () => {
  it("BTC 0.6, ETH 0.3, SOL 0.1 → 0.36 + 0.09 + 0.01 = \"0.46\" → 0.4600; one asset \"1\" → 1.0000", () => {
    expect(formatHhi("0.46")).toBe("0.4600");
    expect(formatHhi("1")).toBe("1.0000");
  });
});
