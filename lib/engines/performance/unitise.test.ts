import { describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { initialUnitState, issueUnits, stateAfter, type UnitCause, type UnitEvent } from "./unitise";

const ev = (at: number, equity: string, netFlow: string, causes: UnitCause[] = ["flows"]): UnitEvent => ({
  at,
  equity: new D(equity),
  netFlow: new D(netFlow),
  flowCount: causes.includes("flows") ? 1 : 0,
  causes: new Set(causes),
});
const nav = (equity: string, units: InstanceType<typeof D>) => new D(equity).div(units);
const r = (d: InstanceType<typeof D>, dp = 12) => d.toDecimalPlaces(dp).toFixed();

describe("issueUnits", () => {
  it("10,000 opens at NAV 1.00 (10,000 units) → +10 % → deposit 5,000 at NAV 1.10 (4,545.45… units) → −5 %: NAV 1.045, TWR = 1.10 × 0.95 − 1 = +4.5 %", () => {
    const { issues, state } = issueUnits(initialUnitState(), [ev(0, "10000", "10000", ["opening"]), ev(2, "16000", "5000")]);
    expect(r(issues[0]!.unitsAfter)).toBe("10000");
    expect(r(issues[1]!.navPerUnit)).toBe("1.1");
    expect(r(issues[1]!.unitsDelta, 6)).toBe("4545.454545");
    // Equity after −5 %: 16,000 × 0.95 = 15,200; PnL = 15,200 − 10,000 − 5,000 = +200.
    const navEnd = nav("15200", state.units);
    expect(r(navEnd)).toBe("1.045");
    expect(r(navEnd.div(1).minus(1))).toBe("0.045");
    expect(state.cumNetFlows.toFixed()).toBe("15000");
  });

  it("a withdrawal of everything (11,000 at NAV 1.10) leaves 0 units; a re-deposit of 5,000 is issued at the last NAV 1.10 (4,545.45… units), so the series continues", () => {
    const { issues, state } = issueUnits(initialUnitState(), [
      ev(0, "10000", "10000", ["opening"]),
      ev(1, "0", "-11000"),
      ev(2, "5000", "5000"),
    ]);
    expect(issues[1]!.unitsAfter.toFixed()).toBe("0");
    expect(r(issues[1]!.navPerUnit)).toBe("1.1");
    expect(r(issues[2]!.navPerUnit)).toBe("1.1");
    expect(r(state.navPerUnit)).toBe("1.1");
    expect(state.cumNetFlows.toFixed()).toBe("4000");
  });

  it("a withdrawal of 4,000 from 12,000 worth at NAV 1.20 redeems 3,333.33… units; NAV per unit does not move", () => {
    const { issues, state } = issueUnits(initialUnitState(), [ev(0, "10000", "10000", ["opening"]), ev(1, "8000", "-4000")]);
    expect(r(issues[1]!.navPerUnit)).toBe("1.2");
    expect(r(issues[1]!.unitsDelta, 6)).toBe("-3333.333333");
    expect(r(state.navPerUnit)).toBe("1.2");
  });

  it("units outstanding worth nothing (equity before the flow −500) are written off at NAV 0 and the series restarts at 1 with the new 2,000", () => {
    const { issues, state } = issueUnits(initialUnitState(), [ev(0, "1000", "1000", ["opening"]), ev(1, "1500", "2000")]);
    expect(issues[1]!.navPerUnit.toFixed()).toBe("0");
    expect(issues[1]!.cause).toBe("flows+restart");
    expect(state.units.toFixed()).toBe("1500");
    expect(state.navPerUnit.toFixed()).toBe("1");
  });

  it("a 1Token fund opening at the platform's NAV per unit 1.2345 issues 10,000 / 1.2345 units", () => {
    const { state } = issueUnits(initialUnitState("1.2345"), [ev(0, "10000", "10000", ["opening"])]);
    expect(r(state.navPerUnit)).toBe("1.2345");
    expect(r(state.units, 6)).toBe("8100.445525");
  });

  it("seeding from a stored issue continues exactly where a full run would be", () => {
    const events = [ev(0, "10000", "10000", ["opening"]), ev(1, "16000", "5000"), ev(2, "14000", "-1200")];
    const full = issueUnits(initialUnitState(), events);
    const head = issueUnits(initialUnitState(), events.slice(0, 2));
    const tail = issueUnits(stateAfter(head.issues[1]!), events.slice(2));
    expect(tail.issues[0]!.unitsAfter.toFixed()).toBe(full.issues[2]!.unitsAfter.toFixed());
    expect(tail.state.navPerUnit.toFixed()).toBe(full.state.navPerUnit.toFixed());
  });
});
