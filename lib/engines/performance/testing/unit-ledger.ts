import type { UnitIssue, UnitisedPoint } from "@/lib/engines/performance/unitised-periods";
import { D, type Dec, toDecimalString } from "@/lib/money/decimal";

/**
 * Test-only: builds a unitised series by the rule the snapshot writer follows, so tests can
 * state a story ("10,000, then +10 %, then a 5,000 deposit") and get consistent points and
 * ledger rows. A flow belongs to the snapshot it is given with and is inside its equity:
 * NAV before it = (equity − flow) / units before; units move at that NAV; the first NAV is 1.
 * After everything is withdrawn a re-deposit is issued at the last NAV (`reissueNav` overrides).
 */
export interface LedgerPoint extends UnitisedPoint {
  units: string | null;
}

export interface LedgerIssue extends UnitIssue {
  equityBefore: string;
  unitsDelta: string;
  cumNetFlows: string;
  flowCount: number;
  cause: string;
}

export class UnitLedger {
  readonly points: LedgerPoint[] = [];
  readonly issues: LedgerIssue[] = [];
  private units: Dec = new D(0);
  private cum: Dec = new D(0);
  private lastNav: Dec = new D(1);

  /** A snapshot at `at` worth `equity` after `netFlow` (signed) was attributed to it. */
  snapshot(at: string, equity: string, netFlow = "0", opts: { cause?: string; reissueNav?: string } = {}): this {
    const total = new D(equity);
    const flow = new D(netFlow);
    if (!flow.isZero()) {
      const before = total.minus(flow);
      const nav = this.units.greaterThan(0) ? before.div(this.units) : new D(opts.reissueNav ?? this.lastNav);
      const delta = flow.div(nav);
      this.units = this.units.plus(delta);
      this.cum = this.cum.plus(flow);
      this.issues.push({
        at: new Date(at),
        netFlow: toDecimalString(flow),
        navPerUnit: toDecimalString(nav),
        unitsAfter: toDecimalString(this.units),
        equityBefore: toDecimalString(before),
        unitsDelta: toDecimalString(delta),
        cumNetFlows: toDecimalString(this.cum),
        flowCount: opts.cause === "opening" ? 0 : 1,
        cause: opts.cause ?? "flows",
      });
    }
    const held = this.units.greaterThan(0);
    const nav = held ? total.div(this.units) : null;
    if (nav) this.lastNav = nav;
    this.points.push({
      at: new Date(at),
      equity: toDecimalString(total),
      navPerUnit: nav ? toDecimalString(nav) : null,
      cumNetFlows: toDecimalString(this.cum),
      units: held ? toDecimalString(this.units) : null,
    });
    return this;
  }

  /** The first snapshot: its equity joins as the opening flow. */
  open(at: string, equity: string): this {
    return this.snapshot(at, equity, equity, { cause: "opening" });
  }
}
