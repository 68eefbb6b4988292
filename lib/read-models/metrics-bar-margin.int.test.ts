import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { materializeSnapshots } from "@/lib/snapshots/capture";
import { testConnectionWithAccount } from "@/lib/snapshots/test-support";
import { loadMetricsBar } from "./metrics-bar-data";
import { metricsBarSchema } from "./metrics-bar-schemas";

const NOW = new Date("2026-12-09T15:00:00Z");
let h: DbHandle;
let ownerId: string;
let otherOwner: string;

/** Binance-like (publishes margin), demo-like (publishes none); another workspace with the same margin. */
async function capture(owner: string, label: string, margins: Parameters<typeof materializeSnapshots>[1][number]["margins"]) {
  const c = await testConnectionWithAccount(h.db, { ownerId: owner, label });
  await h.db.transaction((tx) =>
    materializeSnapshots(tx, [
      {
        ownerId: owner,
        connectionId: c.id,
        capturedAt: new Date("2026-12-09T14:00:00Z"),
        batchId: null,
        baseCurrency: "USD",
        balances: [{ accountUid: "spot", asset: "USDT", wallet: "futures", free: "7700.2", locked: "2550.13", total: "10250.33" }],
        margins,
        positions: [],
        prices: { USDT: "1", BTC: "60000" },
      },
    ]),
  );
}

const BINANCE_MARGINS = [
  { accountUid: "usdm", currency: "USDT", used: "1895.08", maintenance: "76.35", available: "7700.2" },
  { accountUid: "coinm", currency: "BTC", used: "0.00162602", maintenance: "0.0004065", available: "0.2331" },
  { accountUid: "coinm", currency: "XRP", used: "10", available: "50" },
];

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await createWorkspace(h.db, { name: "Desk", slug: "desk" })).id;
  otherOwner = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  await capture(ownerId, "Binance main", BINANCE_MARGINS);
  await capture(ownerId, "Demo", undefined);
  await capture(otherOwner, "Binance other", BINANCE_MARGINS);
});
afterAll(async () => h?.close());

describe("metrics bar: margin used and available", () => {
  it("used 1895.08 + 0.00162602 × 60000 = 1992.6412 USD, available 7700.2 + 0.2331 × 60000 = 21686.2 USD; the demo connection and unpriced XRP are named, another workspace's margin is not added", async () => {
    const bar = metricsBarSchema.parse(await loadMetricsBar(h.db, { ownerId, now: NOW, baseCurrency: "USD", timeZone: "UTC" }));
    expect(bar.margin).toMatchObject({ used: "1992.6412", available: "21686.2" });
    expect(bar.margin.unreported).toBe("not published by Demo; margin in XRP has no price and is left out");
  });
});
