import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import type { Balance } from "@/lib/connectors/types";
import { materializeSnapshot } from "@/lib/snapshots/capture";
import { valueCashFlows } from "./value-cash-flows";

let h: DbHandle;
let ownerId: string;
let connectionId: string;

const at = (hhmm: string) => new Date(`2026-12-04T${hhmm}:00Z`);
const spot = (asset: string, total: string): Balance => ({ accountUid: "spot", asset, wallet: "spot", free: total, locked: "0", total });
const snapshot = (p: { owner?: string; connection?: string; time: string; base?: string; balances: Balance[]; prices: Record<string, string> }) =>
  materializeSnapshot(h.db, {
    ownerId: p.owner ?? ownerId,
    connectionId: p.connection ?? connectionId,
    capturedAt: at(p.time),
    batchId: null,
    baseCurrency: p.base ?? "USD",
    balances: p.balances,
    positions: [],
    prices: p.prices,
  });

/** Values flows as a run at 16:00 does, in USD unless told, with no run prices unless given. */
const value = (flows: Array<{ asset: string; amount: string; at: Date }>, o: { baseCurrency?: string; runPrices?: Record<string, string> } = {}) =>
  valueCashFlows(h.db, { ownerId, connectionId, runAt: at("16:00"), baseCurrency: o.baseCurrency ?? "USD", runPrices: o.runPrices ?? null, flows });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  connectionId = (await createConnection(h.db, { ownerId, provider: "demo", label: "Demo", config: { seed: "v" } })).id;
  // 10:00 holds 1 BTC at 40,000; 12:00 is in EUR (never mixed in); 14:00 holds only USDT (the BTC left).
  await snapshot({ time: "10:00", balances: [spot("BTC", "1"), spot("USDT", "100")], prices: { BTC: "40000", USDT: "1" } });
  await snapshot({ time: "12:00", base: "EUR", balances: [spot("BTC", "1")], prices: { BTC: "37000" } });
  await snapshot({ time: "14:00", balances: [spot("USDT", "40100")], prices: { USDT: "1.0002" } });
  // Another workspace's snapshot of its own connection, with an absurd price: never read.
  const other = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  const otherConn = (await createConnection(h.db, { ownerId: other, provider: "demo", label: "Demo", config: { seed: "v" } })).id;
  await snapshot({ owner: other, connection: otherConn, time: "09:30", balances: [spot("BTC", "1")], prices: { BTC: "99999" } });
});
afterAll(async () => h?.close());

describe("valuing a run's flows by the connection's stored snapshots", () => {
  it("0.5 BTC deposited at 09:00 is worth 20,000: the first USD snapshot after it (10:00) prices BTC at 40,000", async () => {
    const [v] = await value([{ asset: "BTC", amount: "0.5", at: at("09:00") }]);
    expect(v).toEqual({ valueBase: "20000", priceSource: "snapshot" });
  });

  it("0.25 BTC withdrawn at 12:30: the 14:00 snapshot holds no BTC and the EUR one is skipped, so 10:00's 40,000 → 10,000", async () => {
    const [v] = await value([{ asset: "BTC", amount: "0.25", at: at("12:30") }]);
    expect(v).toEqual({ valueBase: "10000", priceSource: "snapshot" });
  });

  it("in EUR only the EUR snapshot counts: 0.5 BTC at 11:00 → 18,500 (37,000)", async () => {
    const [v] = await value([{ asset: "BTC", amount: "0.5", at: at("11:00") }], { baseCurrency: "EUR" });
    expect(v).toEqual({ valueBase: "18500", priceSource: "snapshot" });
  });

  it("ETH, held by no snapshot: 2 ETH at 15:00 (after the last snapshot, 14:00) takes this run's 3,000 → 6,000; at 13:00 it stays unvalued", async () => {
    const values = await value(
      [
        { asset: "ETH", amount: "2", at: at("15:00") },
        { asset: "ETH", amount: "2", at: at("13:00") },
      ],
      { runPrices: { ETH: "3000" } },
    );
    expect(values).toEqual([
      { valueBase: "6000", priceSource: "snapshot" },
      { valueBase: null, priceSource: null },
    ]);
  });

  it("par and unvalued side by side, in order: 75 USD → 75 par; 3 XYZ (no price anywhere) → null; 10 USDT at 13:00 → 10.002 (14:00)", async () => {
    const values = await value(
      [
        { asset: "USD", amount: "75", at: at("08:00") },
        { asset: "XYZ", amount: "3", at: at("15:30") },
        { asset: "USDT", amount: "10", at: at("13:00") },
      ],
      { runPrices: { BTC: "41000" } },
    );
    expect(values).toEqual([
      { valueBase: "75", priceSource: "par" },
      { valueBase: null, priceSource: null },
      { valueBase: "10.002", priceSource: "snapshot" },
    ]);
  });
});
