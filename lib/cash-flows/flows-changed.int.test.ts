import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { equityRollups, users } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { cashSnapshot, testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { addManualFlow, replaceFlow, reverseFlow } from "./manual-flows";

let h: DbHandle;
let ownerId: string;
let enteredBy: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  enteredBy = (await h.db.insert(users).values({ email: "flows@example.com", name: "Flows" }).returning())[0]!.id;
});
afterAll(async () => h?.close());

const hourly = async (start: string) => {
  const [row] = await h.db
    .select()
    .from(equityRollups)
    .where(and(eq(equityRollups.ownerId, ownerId), eq(equityRollups.bucket, "1h"), eq(equityRollups.bucketStart, new Date(start))));
  return [row!.netFlows, row!.navPerUnit];
};

describe("a person's corrections move the unitised series in their transaction", () => {
  it("10,000 at 10:00, 12,000 at 11:00 (NAV 1.20); a 1,000 deposit entered at 10:30 → NAV 1.10; reversed → 1.20 again; replaced by 2,000 → NAV 1.00", async () => {
    const a = await testConnectionWithAccount(h.db, { ownerId, label: "Groww" });
    for (const [at, usd] of [["2026-11-02T10:00:00Z", "10000"], ["2026-11-02T11:00:00Z", "12000"]] as const) {
      await h.db.transaction((tx) => materializeSnapshots(tx, [cashSnapshot({ ownerId, connectionId: a.id, at, amount: usd })]));
    }
    expect(await hourly("2026-11-02T11:00:00Z")).toEqual(["0", "1.2"]);
    const added = await addManualFlow(h.db, { ownerId, enteredBy, accountId: a.accountId, kind: "deposit", asset: "USD", amount: "1000", occurredAt: new Date("2026-11-02T10:30:00Z") });
    expect(await hourly("2026-11-02T11:00:00Z")).toEqual(["1000", "1.1"]);
    await reverseFlow(h.db, { ownerId, enteredBy, flowId: added.flow.id, note: "entered on the wrong account" });
    expect(await hourly("2026-11-02T11:00:00Z")).toEqual(["0", "1.2"]);
    const second = await addManualFlow(h.db, { ownerId, enteredBy, accountId: a.accountId, kind: "deposit", asset: "USD", amount: "1000", occurredAt: new Date("2026-11-02T10:40:00Z") });
    await replaceFlow(h.db, { ownerId, enteredBy, flowId: second.flow.id, accountId: a.accountId, kind: "deposit", asset: "USD", amount: "2000", occurredAt: new Date("2026-11-02T10:40:00Z"), note: "the statement says 2,000" });
    expect(await hourly("2026-11-02T11:00:00Z")).toEqual(["2000", "1"]);
  });
});
