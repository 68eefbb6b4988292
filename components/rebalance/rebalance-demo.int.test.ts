// Pinned value (issue 15, "Tests"): on the demo, the current weight and the trade /rebalance
// shows for BTC are the rebalance engine's, to the displayed precision, for the same
// balances and latest snapshot prices; the bad-sum refusal saves nothing.
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getRebalanceBalances } from "@/db/queries/rebalance-holdings";
import { getRebalanceTargets, replaceRebalanceTargets } from "@/db/queries/rebalance-targets";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { openTestDb } from "@/db/testing";
import { calculateRebalance } from "@/lib/engines/rebalance";
import { D } from "@/lib/money/decimal";
import { ensureDemoPortfolio } from "@/lib/runtime/demo-seed";
import { latestPrices } from "@/lib/rebalance/latest-prices";
import { buildRebalancePreview } from "@/lib/rebalance/preview";
import { saveTargetsSchema } from "@/lib/rebalance/targets-input";
import { formatMoney, formatPct } from "../format";
import { WeightsTable } from "./weights-table";

const NOW = new Date("2026-11-20T10:30:00Z");
let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  await ensureDemoPortfolio(h.db, { ownerId, now: () => NOW });
}, 180_000);
afterAll(async () => h?.close());

const cell = (html: string, testId: string) => {
  const m = new RegExp(`data-testid="${testId}"[^>]*>(.*?)</td>`).exec(html);
  return m ? m[1]!.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "") : null;
};

describe("/rebalance on the demo", () => {
  it("BTC's current weight and suggested trade on the page equal the engine's over the demo's balances and prices", async () => {
    await replaceRebalanceTargets(h.db, {
      ownerId,
      portfolioKey: "all",
      targets: [
        { asset: "BTC", weight: "0.4", band: "0.01" },
        { asset: "ETH", weight: "0.3", band: "0.01" },
        { asset: "USDT", weight: "0.3", band: "0.01" },
      ],
      updatedBy: null,
      at: NOW,
    });
    const preview = await buildRebalancePreview(h.db, { ownerId, baseCurrency: "USD", selection: { kind: "workspace" } });
    const html = renderToString(createElement(WeightsTable, { data: preview }));

    const { prices, connectionIds } = await latestPrices(h.db, { ownerId, baseCurrency: "USD" });
    const balances = (await getRebalanceBalances(h.db, { ownerId, accountIds: null })).filter((b) => connectionIds.has(b.connectionId));
    const engine = calculateRebalance({
      baseCurrency: "USD",
      prices,
      holdings: balances.map((b) => ({ asset: b.asset, quantity: b.total })),
      targets: { BTC: "0.4", ETH: "0.3", USDT: "0.3" },
      tolerances: { BTC: "0.01", ETH: "0.01", USDT: "0.01" },
    });
    const btc = engine.rows.find((r) => r.asset === "BTC")!;
    expect(btc.currentWeight).not.toBeNull();
    expect(new D(engine.totalValue).gt(0)).toBe(true);
    expect(cell(html, "current-BTC")).toBe(formatPct(btc.currentWeight!));
    expect(cell(html, "target-BTC")).toBe("40.00%");
    expect(cell(html, "total-value")).toBe(formatMoney(engine.totalValue, "USD"));
    if (btc.action === "buy" || btc.action === "sell") expect(cell(html, "trade-BTC")).toBe(`${btc.action === "buy" ? "Buy " : "Sell "}${formatMoney(btc.valueDelta, "USD", { signed: true })}`);
    else expect(cell(html, "trade-BTC")).toBe("—");
  });

  it("a set summing to 90 % is refused by the form's schema before any write; the saved set is unchanged", async () => {
    const before = await getRebalanceTargets(h.db, { ownerId, portfolioKey: "all" });
    const r = saveTargetsSchema.safeParse({ portfolio: "all", targets: [{ asset: "BTC", weight: "60", band: "1" }, { asset: "ETH", weight: "30", band: "1" }] });
    expect(r.success).toBe(false);
    expect(await getRebalanceTargets(h.db, { ownerId, portfolioKey: "all" })).toEqual(before);
  });
});
