import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { equityRollups, unitIssues, users } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { cashSnapshot, insertTestFlow, testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { matchTransfers, undoTransferMatch } from "./transfer-matches";

let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => h?.close());

const hourly = async (start: string) =>
  (
    await h.db
      .select()
      .from(equityRollups)
      .where(and(eq(equityRollups.ownerId, ownerId), eq(equityRollups.bucket, "1h"), eq(equityRollups.bucketStart, new Date(start))))
  )[0]!;

describe("matching and undoing refresh the unitised series in the same transaction", () => {
  it("A withdraws 2,000 and B receives it (tx 0xabc): recorded as flows first (−2,000 and +2,000 at 11:00, net 0); matched → no flows at 11:00; undone → the two flows again", async () => {
    const a = await testConnectionWithAccount(h.db, { ownerId, label: "A" });
    const b = await testConnectionWithAccount(h.db, { ownerId, label: "B" });
    const snap = (c: { id: string }, at: string, usd: string) =>
      h.db.transaction((tx) => materializeSnapshots(tx, [cashSnapshot({ ownerId, connectionId: c.id, at, amount: usd })]));
    await snap(a, "2026-11-02T10:00:00Z", "10000");
    await snap(b, "2026-11-02T10:00:00Z", "10000");
    await insertTestFlow(h.db, { ownerId, ...a }, { kind: "withdrawal", at: "2026-11-02T10:10:00Z", amount: "2000", txId: "0xabc" });
    await insertTestFlow(h.db, { ownerId, ...b }, { kind: "deposit", at: "2026-11-02T10:20:00Z", amount: "2000", txId: "0xabc" });
    await snap(a, "2026-11-02T11:00:00Z", "8000");
    await snap(b, "2026-11-02T11:00:00Z", "12000");
    const flowsAt11 = async () =>
      (await h.db.select().from(unitIssues).where(eq(unitIssues.ownerId, ownerId)).orderBy(asc(unitIssues.at))).filter((i) => i.cause === "flows").map((i) => i.flowCount);
    expect(await flowsAt11()).toEqual([2]);

    const run = await matchTransfers(h.db, { ownerId });
    expect([run.created, run.changedFrom?.toISOString()]).toEqual([1, "2026-11-02T10:10:00.000Z"]);
    expect(await flowsAt11()).toEqual([]);
    expect((await hourly("2026-11-02T11:00:00Z")).netFlows).toBe("0");

    const [person] = await h.db.insert(users).values({ email: "undo@example.com", name: "Undo" }).returning();
    const [match] = await h.db.query.cashFlowMatches.findMany();
    await undoTransferMatch(h.db, { ownerId, matchId: match!.id, by: person!.id });
    expect(await flowsAt11()).toEqual([2]);
  });
});
