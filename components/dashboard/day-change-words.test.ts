import { describe, expect, it } from "vitest";
import { dayChangeWords } from "./day-change-words";

const base = { baseCurrency: "USD", dayChangeBasis: "flow_adjusted" as const };

describe("dayChangeWords", () => {
  it("PnL +2,679.71 and TWR +0.79 % with +5,000 deposited: '+$2,679.71 (+0.79%) in 24 h, excluding +$5,000.00 net deposits'", () => {
    expect(dayChangeWords({ ...base, dayChange: "2679.71", dayChangePct: "0.0079", dayChangeNetFlows: "5000" })).toBe(
      "+$2,679.71 (+0.79%) in 24 h, excluding +$5,000.00 net deposits",
    );
  });

  it("−1,000 net: the wording says withdrawals, the amount without a sign", () => {
    expect(dayChangeWords({ ...base, dayChange: "-12.5", dayChangePct: "-0.001", dayChangeNetFlows: "-1000" })).toBe(
      "-$12.50 (-0.10%) in 24 h, excluding $1,000.00 net withdrawals",
    );
  });

  it("no flows: no flows part", () => {
    expect(dayChangeWords({ ...base, dayChange: "10", dayChangePct: "0.01", dayChangeNetFlows: "0" })).toBe("+$10.00 (+1.00%) in 24 h");
  });

  it("flows not yet counted (legacy roll-ups): the raw change, saying so", () => {
    expect(dayChangeWords({ baseCurrency: "USD", dayChangeBasis: "raw", dayChange: "10", dayChangePct: "0.1", dayChangeNetFlows: null })).toBe(
      "+$10.00 (+10.00%) in 24 h, flows not yet counted",
    );
  });

  it("nothing from 24 h ago", () => {
    expect(dayChangeWords({ ...base, dayChange: null, dayChangePct: null, dayChangeNetFlows: null })).toBe("No value from 24 h ago yet");
  });
});
