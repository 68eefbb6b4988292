import { describe, expect, it } from "vitest";
import { D } from "@/lib/money/decimal";
import { cashFlowSchema } from "../domain-schemas";
import type { Balance, CashFlow } from "../types";
import { createDemoConnector } from ".";
import { DEMO_FLOWS_EPOCH } from "./flows";
import { inFlightBalanceDeltas } from "./trading";
import { hashString } from "./random";

const at = (t: number | string, seed = "unit") => createDemoConnector({ seed, now: () => new Date(t) });
const MIN = 60_000;
const END = "2027-01-15T00:00:00Z";

async function flowsUntil(end: string | number, seed = "unit"): Promise<CashFlow[]> {
  return (await at(end, seed).fetchCashFlows({ since: new Date(DEMO_FLOWS_EPOCH) })).items;
}

async function balance(t: number, accountUid: string, asset: string): Promise<InstanceType<typeof D>> {
  const all: Balance[] = (await at(t).fetchBalances()).items;
  return new D(all.find((b) => b.accountUid === accountUid && b.asset === asset)?.total ?? 0);
}

describe("demo deposits and withdrawals", () => {
  it("are seeded: the same seed gives the same flows, another seed others; every flow passes the schema", async () => {
    const a = await flowsUntil(END);
    expect(await flowsUntil(END)).toEqual(a);
    expect((await flowsUntil(END, "other")).map((f) => f.venueFlowId)).not.toEqual(a.map((f) => f.venueFlowId));
    for (const f of a) expect(cashFlowSchema.safeParse(f).success).toBe(true);
    // Seven weeks hold deposits and withdrawals, a BTC deposit and a rejected withdrawal.
    expect(a.length).toBeGreaterThan(15);
    expect(new Set(a.map((f) => `${f.kind}/${f.asset}`))).toEqual(new Set(["deposit/USDT", "withdrawal/USDT", "deposit/BTC"]));
    expect(a.some((f) => f.status === "failed")).toBe(true);
  });

  it("begin at the flows' epoch: before it the demo has none", async () => {
    expect(await flowsUntil(DEMO_FLOWS_EPOCH - 1)).toEqual([]);
    expect((await at("2026-11-20T10:30:00Z").fetchCashFlows({})).items).toEqual([]);
  });

  it("a deposit raises its wallet by exactly its amount at its time; a withdrawal lowers it by amount and fee", async () => {
    const flows = (await flowsUntil(END)).filter((f) => f.status !== "failed");
    for (const f of flows) {
      const t = f.at.getTime();
      const before = await balance(t - 1, f.accountUid!, f.asset);
      const after = await balance(t, f.accountUid!, f.asset);
      // Spot also moves with the bots' trades: take their part out.
      const trades =
        f.accountUid === "demo-spot"
          ? new D(inFlightBalanceDeltas(hashString("unit"), t).get(f.asset) ?? 0).minus(inFlightBalanceDeltas(hashString("unit"), t - 1).get(f.asset) ?? 0)
          : new D(0);
      const expected = f.kind === "deposit" ? new D(f.amount) : new D(f.amount).plus(f.fee!).neg();
      expect(after.minus(before).minus(trades).toFixed(), `${f.venueFlowId}`).toBe(expected.toFixed());
    }
  });

  it("a rejected withdrawal never touches the balance", async () => {
    const failed = (await flowsUntil(END)).find((f) => f.status === "failed")!;
    const t = failed.at.getTime();
    const before = await balance(t - 1, failed.accountUid!, failed.asset);
    expect((await balance(t, failed.accountUid!, failed.asset)).eq(before)).toBe(true);
    expect((await balance(t + 30 * MIN, failed.accountUid!, failed.asset)).eq(before)).toBe(true);
  });

  it("a flow is pending for its first 20 minutes, then confirmed (or failed), under the same id", async () => {
    const flows = await flowsUntil(END);
    const ok = flows.find((f) => f.status === "confirmed")!;
    const failed = flows.find((f) => f.status === "failed")!;
    const statusAt = async (f: CashFlow, t: number) =>
      (await at(t).fetchCashFlows({ since: new Date(f.at.getTime() - 1) })).items.find((x) => x.venueFlowId === f.venueFlowId)?.status;
    expect(await statusAt(ok, ok.at.getTime() - 1)).toBeUndefined();
    expect(await statusAt(ok, ok.at.getTime())).toBe("pending");
    expect(await statusAt(ok, ok.at.getTime() + 19 * MIN)).toBe("pending");
    expect(await statusAt(ok, ok.at.getTime() + 20 * MIN)).toBe("confirmed");
    expect(await statusAt(failed, failed.at.getTime() + 5 * MIN)).toBe("pending");
    expect(await statusAt(failed, failed.at.getTime() + 20 * MIN)).toBe("failed");
  });

  it("withdrawals never take the funding wallet below zero", async () => {
    for (let t = DEMO_FLOWS_EPOCH; t < DEMO_FLOWS_EPOCH + 365 * 86_400_000; t += 86_400_000) {
      expect((await balance(t, "demo-funding", "USDT")).isNegative(), new Date(t).toISOString()).toBe(false);
    }
  });

  it("reads from the cursor (and from pendingSince) to now", async () => {
    const all = await flowsUntil(END);
    const since = new Date("2026-12-20T00:00:00Z");
    const recent = (await at(END).fetchCashFlows({ since })).items;
    expect(recent.map((f) => f.venueFlowId)).toEqual(all.filter((f) => f.at >= since).map((f) => f.venueFlowId));
    const withPending = (await at(END).fetchCashFlows({ since, pendingSince: new Date("2026-12-01T00:00:00Z") })).items;
    expect(withPending.map((f) => f.venueFlowId)).toEqual(all.filter((f) => f.at >= new Date("2026-12-01T00:00:00Z")).map((f) => f.venueFlowId));
  });
});
