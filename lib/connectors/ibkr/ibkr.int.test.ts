import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { listValuations } from "@/db/queries/valuations";
import { fills, portfolioSnapshots, positions, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import { syncConnection } from "@/lib/sync/sync-connection";
import { withTestCredentialsKey } from "../http/test-support";
import { FAKE_IBKR, type FakeIbkr, nextDayStatement, startFakeIbkr } from "./testing/fake-ibkr";

withTestCredentialsKey();

let fake: FakeIbkr;
let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  fake = await startFakeIbkr();
  fake.notReadyPolls = 1;
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  // Added through lib: the test call runs the Flex query once, then the token is stored sealed.
  const added = await addConnection(
    h.db,
    {
      ownerId,
      provider: "ibkr",
      label: "Interactive Brokers",
      config: { flexQueryId: FAKE_IBKR.queryId, flexBaseUrl: fake.flexBaseUrl, pollIntervalMs: 10 },
      credentials: { flexToken: FAKE_IBKR.token },
    },
    { now: () => new Date("2026-11-20T12:00:00Z") },
  );
  expect(added.accounts.map((a) => a.accountUid)).toEqual(["U1234567", "U7654321"]);
  connectionId = added.id;
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe("IBKR sync end to end (Flex)", () => {
  it("writes both accounts, cash and shares, derivatives, executions with strategy tags, daily NAV and a snapshot", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => new Date("2026-11-20T12:00:00Z") });
    expect(r.counts).toMatchObject({ accounts: 2, balances: 5, positions: 2, fills: 3, valuations: 4, snapshots: 1 });

    const accounts = await h.db.select().from(tradingAccounts).where(eq(tradingAccounts.connectionId, connectionId)).orderBy(asc(tradingAccounts.accountUid));
    expect(accounts.map((a) => [a.accountUid, a.alias, a.kind])).toEqual([
      ["U1234567", "Main", "broker"],
      ["U7654321", "J&T Holdings GmbH", "broker"],
    ]);
    const tagged = await h.db.select().from(fills).orderBy(asc(fills.executedAt));
    expect(tagged.map((f) => [f.venueFillId, f.strategy, f.quantity])).toEqual([
      ["0000e0d5.6579a1b2.02.01", "vol-sell", "200"],
      ["0000e0d5.6579a1b2.01.01", "momentum", "50"],
      ["0000f1a2.657a0000.01.01", null, "300"],
    ]);
    const [short] = await h.db.select().from(positions).where(eq(positions.side, "short"));
    expect(short).toMatchObject({ quantity: "-200", notional: "-870", instrumentType: "option" });

    const main = accounts[0]!;
    const nav = await listValuations(h.db, { ownerId, accountId: main.id });
    expect(nav.map((v) => [v.snapshotId, v.series, v.netAssets, v.currency, v.navPerUnit])).toEqual([
      ["U1234567:2026-11-17", "U1234567", "250000.12", "USD", null],
      ["U1234567:2026-11-18", "U1234567", "251234.5", "USD", null],
      ["U1234567:2026-11-19", "U1234567", "249876.05", "USD", null],
    ]);
    // Shares, EUR cash and the EUR account are all valued through the statement's own rates.
    const [snap] = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
    expect(snap!.unpricedAssets).toEqual([]);
  });

  it("the next day's statement adds one NAV point and one execution; a re-run adds nothing", async () => {
    fake.statement = nextDayStatement();
    const at = new Date("2026-11-21T12:00:00Z");
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => at });
    expect(r.counts).toMatchObject({ fills: 1, valuations: 1 });
    const [msft] = await h.db.select().from(fills).where(eq(fills.symbol, "MSFT"));
    expect(msft).toMatchObject({ side: "sell", quantity: "5", price: "415.2", fee: "0.35", strategy: "mean-rev", executedAt: new Date("2026-11-20T14:45:01Z") });

    const again = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at });
    expect(again.counts).toMatchObject({ fills: 0, valuations: 0, ordersNew: 0 });
  });
});
