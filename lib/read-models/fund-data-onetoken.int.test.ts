import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import { withTestCredentialsKey } from "@/lib/connectors/http/test-support";
import { FAKE_ONETOKEN_KEY, FAKE_ONETOKEN_SECRET, type FakeOneToken, startFakeOneToken } from "@/lib/connectors/onetoken/testing/fake-onetoken";
import { syncConnection } from "@/lib/sync/sync-connection";
import { loadFundDetail, loadFundList } from "./fund-data";

/**
 * The funds read model on what a real 1Token sync writes (the fake tenant's funds): the
 * figures the page shows are the connector's, to the digit. The fake's Alpha fund starts on
 * 1 Nov 2026 at NAV 1 with 1,000,000 units and gains 0.0005 of NAV a day, each point at
 * 00:00:00.123456789 UTC.
 */
withTestCredentialsKey();

const NOW = new Date("2026-11-20T10:30:00Z");
let fake: FakeOneToken;
let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  fake = await startFakeOneToken({ now: () => NOW });
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const added = await addConnection(
    h.db,
    { ownerId, provider: "onetoken", label: "1Token", config: { baseUrl: fake.baseUrl }, credentials: { apiKey: FAKE_ONETOKEN_KEY, apiSecret: FAKE_ONETOKEN_SECRET } },
    { now: () => NOW },
  );
  await syncConnection(h.db, { ownerId, connectionId: added.id, trigger: "manual", now: () => NOW });
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe("funds after a 1Token sync", () => {
  it("Alpha on 20 Nov (day 19): NAV 1 + 19 × 0.0005 = 1.0095, net assets 1,000,000 × 1.0095 = 1,009,500, net and gross return 0.0005 / 1.009 = 0.000495540139", async () => {
    const list = await loadFundList(h.db, { ownerId });
    expect(list.funds.map((f) => [f.externalId, f.name, f.baseCurrency])).toEqual([
      ["fund/h47z03", "Alpha BTC Fund", "USD"],
      ["fund/q3lm88", "Beta Coin-Margined Fund", "BTC"],
    ]);
    expect(list.funds[0]!.latest).toEqual({
      at: "2026-11-20T00:00:00.123Z",
      snapshotId: "fund/h47z03@1795132800123456789",
      currency: "USD",
      netAssets: "1009500",
      navPerUnit: "1.0095",
      grossReturn: "0.000495540139",
      netReturn: "0.000495540139",
    });
  });

  it("Alpha's detail: one chart point per day from 1 Nov, and the accounts 1Token groups under it with their USD balance", async () => {
    const alpha = (await loadFundList(h.db, { ownerId })).funds[0]!;
    const detail = await loadFundDetail(h.db, { ownerId, portfolioId: alpha.id, timeZone: "UTC" });
    expect(detail.points).toBe(20);
    expect(detail.chart.points).toHaveLength(20);
    expect(detail.chart.points[0]).toEqual({ at: "2026-11-01T00:00:00.123Z", navPerUnit: "1", netAssets: "1000000" });
    expect(detail.accounts.map((a) => [a.alias, a.balanceUsd])).toEqual([
      ["AC_BN_HEDGE", "250000.5"],
      ["AC_TG_07_BTC", "1523904.118204"],
    ]);
  });
});
