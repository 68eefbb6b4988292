import { InngestTestEngine } from "@inngest/test";
import type { InngestFunction } from "inngest";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listAlerts } from "@/db/queries/alerts";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { auditCheckpoints, orderEvents, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { SCHEDULES, type ScheduleDefinition } from "@/lib/schedules/definitions";
import { maintenanceTasks } from "@/lib/schedules/maintenance-tasks";
import { syncConnection } from "@/lib/sync/sync-connection";
import { demoAt, offline } from "@/lib/sync/test-support";
import { createScheduleFunction } from "./schedules";

const T1 = new Date("2026-11-20T10:00:00Z");
const RUN = new Date("2026-11-21T03:30:00Z");
let h: DbHandle;
let ownerId: string;
let otherOwnerId: string;

const def = SCHEDULES.find((s) => s.id === "audit-rewalk")! as ScheduleDefinition;
const configOf = (fn: InngestFunction.Any) => fn["getConfig"]({ baseUrl: new URL("http://x/api/inngest"), appPrefix: "venuefolio" });
// The real task (lib/audit/rewalk.ts) on the test database, at the run's clock.
const rewalkFunction = () => createScheduleFunction(def, { db: async () => h.db, tasks: maintenanceTasks, now: () => RUN });

async function seedWorkspace(owner: string, seed: string) {
  const { id: connectionId } = await createConnection(h.db, { ownerId: owner, provider: "demo", label: `Demo ${seed}`, config: { seed } });
  await syncConnection(h.db, { ownerId: owner, connectionId, trigger: "manual", now: () => T1, connector: demoAt(T1, {}, seed), ...offline });
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherOwnerId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  await seedWorkspace(ownerId, "rewalk-a");
  await seedWorkspace(otherOwnerId, "rewalk-b");
});
afterAll(async () => h?.close());

describe("the scheduled audit re-walk (Inngest cron audit-rewalk)", () => {
  it("is registered daily at 03:30 UTC, one run at a time", () => {
    const [config] = configOf(rewalkFunction());
    expect(config).toMatchObject({ id: "venuefolio-audit-rewalk", triggers: [{ cron: "TZ=UTC 30 3 * * *" }], concurrency: { limit: 1 } });
  });

  it("re-walks every account of each workspace from its first event and saves every checkpoint at the run's time", async () => {
    const accounts = await h.db.select({ id: tradingAccounts.id, ownerId: tradingAccounts.ownerId }).from(tradingAccounts);
    const [{ n: events }] = (await h.db.select({ n: sql<number>`count(*)::int` }).from(orderEvents)) as [{ n: number }];
    expect(events).toBeGreaterThan(0);
    const { result, error } = await new InngestTestEngine({ function: rewalkFunction() }).execute();
    expect(error).toBeUndefined();
    expect(result).toEqual({ workspaces: 2, accounts: accounts.length, events, broken: 0 });
    const checkpoints = await h.db.select().from(auditCheckpoints);
    expect(checkpoints.map((c) => c.accountId).sort()).toEqual(accounts.map((a) => a.id).sort());
    for (const c of checkpoints) {
      expect(c).toMatchObject({ status: "ok", checkedAt: RUN });
      expect(c.ownerId).toBe(accounts.find((a) => a.id === c.accountId)!.ownerId);
    }
  });

  it("finds an edit to an old event, records the break and raises one critical audit_chain_broken alert in that workspace only", async () => {
    const [victim] = await h.db.select().from(orderEvents).where(eq(orderEvents.ownerId, otherOwnerId)).orderBy(orderEvents.seq).limit(1);
    await h.db.execute(sql`alter table order_events disable trigger order_events_append_only`);
    try {
      await h.db.update(orderEvents).set({ quantityAfter: "123456" }).where(eq(orderEvents.seq, victim!.seq));
    } finally {
      await h.db.execute(sql`alter table order_events enable trigger order_events_append_only`);
    }
    const { result } = await new InngestTestEngine({ function: rewalkFunction() }).execute();
    expect(result).toMatchObject({ workspaces: 2, broken: 1 });
    const [cp] = await h.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.accountId, victim!.accountId));
    expect(cp).toMatchObject({ status: "broken", brokenAtSeq: victim!.seq, brokenReason: "edited", checkedAt: RUN });
    const theirs = (await listAlerts(h.db, { ownerId: otherOwnerId })).filter((a) => a.kind === "audit_chain_broken");
    expect(theirs).toHaveLength(1);
    expect(theirs[0]).toMatchObject({ severity: "critical", subject: victim!.accountId, details: { seq: victim!.seq, reason: "edited" } });
    expect((await listAlerts(h.db, { ownerId })).filter((a) => a.kind === "audit_chain_broken")).toEqual([]);
  });
});
