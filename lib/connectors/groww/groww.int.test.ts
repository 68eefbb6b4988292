import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { balances, fills, orderEvents, orders, portfolioSnapshots, positions } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import { syncConnection } from "@/lib/sync/sync-connection";
import { withTestCredentialsKey } from "../http/test-support";
import { FAKE_GROWW, type FakeGroww, GROWW_STAGE_2, GROWW_STAGE_3, startFakeGroww } from "./testing/fake-groww";

withTestCredentialsKey();

let clock = new Date("2026-11-20T06:00:00Z");
let fake: FakeGroww;
let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  fake = await startFakeGroww({ now: () => clock });
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  // Added through lib: the test call mints the day's token, which the syncs then reuse.
  connectionId = (
    await addConnection(
      h.db,
      {
        ownerId,
        provider: "groww",
        label: "Groww",
        config: { baseUrl: fake.baseUrl },
        credentials: { mode: "approval", apiKey: FAKE_GROWW.approvalKey, apiSecret: FAKE_GROWW.approvalSecret },
      },
      { now: () => clock },
    )
  ).id;
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

const eventsOf = async (symbol: string) =>
  (await h.db.select().from(orderEvents).where(eq(orderEvents.symbol, symbol)).orderBy(asc(orderEvents.seq))).map((e) => [
    e.type,
    e.statusBefore,
    e.statusAfter,
    e.quantityBefore,
    e.quantityAfter,
    e.filledBefore,
    e.filledAfter,
  ]);

describe("Groww sync end to end", () => {
  it("mints the day's token and writes holdings, cash, positions, orders with events and fills", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => clock });
    expect(r.counts).toMatchObject({ accounts: 1, balances: 4, positions: 3, ordersNew: 5, orderEvents: 5, fills: 4, snapshots: 1 });
    expect(fake.minted).toHaveLength(1);

    const cash = (await h.db.select().from(balances).where(eq(balances.asset, "INR")))[0]!;
    expect(cash.total).toBe("50000.75");
    const shortOption = (await h.db.select().from(positions).where(eq(positions.side, "short")))[0]!;
    expect(shortOption).toMatchObject({ symbol: "NIFTY25N2724000CE", quantity: "-75", unrealizedPnl: "1661.25", instrumentType: "option" });
    const reliance = (await h.db.select().from(fills).where(eq(fills.venueFillId, "TRD-1002")))[0]!;
    expect(reliance).toMatchObject({ price: "2451.25", quantity: "4", strategy: "mom-in", feeCurrency: "INR", executedAt: new Date("2026-11-20T03:51:40Z") });
    // Prices are in INR; without an INR→USD rate the snapshot lists what it could not value.
    const [snap] = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
    expect(snap!.unpricedAssets).toContain("INR");
  });

  it("a fill and an amendment later become events: filled quantity, status, quantity added", async () => {
    clock = GROWW_STAGE_2;
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => clock });
    expect(r.counts).toMatchObject({ ordersNew: 0, ordersChanged: 2, orderEvents: 3, fills: 1 });
    expect(await eventsOf("INFY")).toEqual([
      ["ORDER_PLACED", null, "open", null, "25", null, "0"],
      ["FILLED_QUANTITY_CHANGED", "open", "open", "25", "25", "0", "10"],
      ["STATUS_CHANGED", "open", "partially_filled", "25", "25", "10", "10"],
    ]);
    expect(await eventsOf("TATAMOTORS")).toEqual([
      ["ORDER_PLACED", null, "open", null, "5", null, "0"],
      ["QUANTITY_ADDED", "open", "open", "5", "8", "0", "0"],
    ]);
    const infyEvent = (await h.db.select().from(orderEvents).where(eq(orderEvents.symbol, "INFY")).orderBy(asc(orderEvents.seq)))[1]!;
    // Dated by the trade behind it: 13:15 IST.
    expect(infyEvent.occurredAt).toEqual(new Date("2026-11-20T07:45:00Z"));
  });

  it("a cancellation becomes ORDER_CANCELLED; a re-run adds nothing", async () => {
    clock = GROWW_STAGE_3;
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "cron", now: () => clock });
    expect(r.counts).toMatchObject({ ordersChanged: 1, orderEvents: 1, fills: 0 });
    expect((await eventsOf("INFY")).at(-1)).toEqual(["ORDER_CANCELLED", "partially_filled", "cancelled", "25", "25", "10", "10"]);
    const [infy] = await h.db.select().from(orders).where(eq(orders.symbol, "INFY"));
    expect(infy).toMatchObject({ status: "cancelled", filledQuantity: "10" });

    const again = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => clock });
    expect(again.counts).toMatchObject({ ordersNew: 0, ordersChanged: 0, orderEvents: 0, fills: 0 });
    expect(fake.minted).toHaveLength(1);
  });
});
