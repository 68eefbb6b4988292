// The bot's "Rebalance 🔄" and "Confirm" read lib/rebalance's preview of the whole workspace
// (rebalance-adapter.ts): the same figures /rebalance shows, refused with a reason when there
// is nothing to rebalance to.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { replaceRebalanceTargets } from "@/db/queries/rebalance-targets";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { rebalancePreviewForKey } from "@/lib/rebalance/preview";
import { syncConnection } from "@/lib/sync/sync-connection";
import { libRebalance } from "./rebalance-adapter";

const NOW = new Date("2026-11-20T10:00:00Z");
let h: DbHandle;
let ownerId: string;
const scope = () => ({ db: h.db, ownerId, baseCurrency: "USD", now: NOW });

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const connection = await createConnection(h.db, { ownerId, provider: "demo", label: "Demo" });
  await syncConnection(h.db, { ownerId, connectionId: connection.id, trigger: "manual", now: () => NOW });
}, 180_000);
afterAll(async () => h?.close());

describe("the bot's rebalance port over lib/rebalance", () => {
  it("with no target saved, both steps say where to set them and show nothing else", async () => {
    const preview = await libRebalance.preview(scope());
    expect(preview).toEqual({ ok: false, reason: expect.stringContaining("/rebalance") });
    expect(await libRebalance.plan(scope())).toEqual(preview);
  });

  it("with 60 % BTC / 40 % USDT saved: one line per target, each current weight and delta the preview's own", async () => {
    await replaceRebalanceTargets(h.db, { ownerId, portfolioKey: "all", targets: [{ asset: "BTC", weight: "0.6", band: "0.01" }, { asset: "USDT", weight: "0.4", band: "0.01" }], updatedBy: null, at: NOW });
    const page = await rebalancePreviewForKey(scope(), "all");
    const preview = await libRebalance.preview(scope());
    if (!preview.ok) throw new Error(preview.reason);
    const btc = page.rows.find((r) => r.asset === "BTC")!;
    expect(preview.lines.find((l) => l.asset === "BTC")).toEqual({ asset: "BTC", currentWeight: btc.currentWeight, targetWeight: "0.6", deltaValue: btc.valueDelta });
    expect(preview.lines.find((l) => l.asset === "USDT")?.targetWeight).toBe("0.4");
  });

  it("Confirm gives the dry-run plan: one order per suggested leg, at the leg's price and value, on its venue", async () => {
    const page = await rebalancePreviewForKey(scope(), "all", { withQuotes: true });
    const plan = await libRebalance.plan(scope());
    if (!plan.ok) throw new Error(plan.reason);
    expect(page.legs.length).toBeGreaterThan(0);
    expect(plan.orders).toEqual(page.legs.map((l) => ({ side: l.side, symbol: `${l.asset}/USD`, quantity: l.quantity, quotePrice: l.price, valueBase: l.value, venue: `${l.connectionLabel} · ${l.accountName}` })));
    expect(plan.quotedAt).toEqual(NOW);
    expect(plan.note).toContain(`Fees estimated: ${page.totals.fees} USD`);
  });
});
