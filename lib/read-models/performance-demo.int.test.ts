// Pinned value (issue 15, "Tests"): /performance's Sharpe on the demo equals `sharpeRatio`
// over the demo's daily NAV-per-unit returns, with the workspace's rate as { annual }.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { readEquityRollups } from "@/db/queries/rollups";
import { readUnitIssues } from "@/db/queries/unit-ledger";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { workspaces } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { pointOfRollup, sharpeRatio, unitisedReturns } from "@/lib/engines/performance";
import { ensureDemoPortfolio } from "@/lib/runtime/demo-seed";
import { parsePerformanceRange } from "./performance-range";
import { loadPerformanceSummary } from "./performance-summary-data";
import { performanceSummarySchema } from "./performance-summary-schemas";

const NOW = new Date("2026-11-20T10:30:00Z");
let h: DbHandle;
let ownerId: string;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  await ensureDemoPortfolio(h.db, { ownerId, now: () => NOW });
  await h.db.update(workspaces).set({ riskFreeRate: "0.045" }).where(eq(workspaces.id, ownerId));
}, 180_000);
afterAll(async () => h?.close());

describe("/performance on the demo (90 days, USD, UTC)", () => {
  it("Sharpe over 30D equals sharpeRatio over the demo's daily NAV-per-unit returns since 22 October, rf { annual: 0.045 }", async () => {
    const range = parsePerformanceRange(new URLSearchParams("range=30d"), { now: NOW, timeZone: "UTC" });
    if (!range.success) throw range.error;
    const view = performanceSummarySchema.parse(await loadPerformanceSummary(h.db, { ownerId, baseCurrency: "USD", timeZone: "UTC", range: range.data }));

    const rows = await readEquityRollups(h.db, { ownerId, bucket: "1d", from: new Date(0) });
    const issues = await readUnitIssues(h.db, { ownerId, upTo: NOW });
    const from = Date.parse("2026-10-22T00:00:00Z");
    const returns = unitisedReturns(rows.filter((r) => r.lastAt <= NOW).map(pointOfRollup), issues)
      .filter((r) => r.at.getTime() >= from)
      .map((r) => r.value);
    expect(returns).toHaveLength(30);
    const engine = sharpeRatio(returns, { riskFree: { annual: 0.045 }, periodsPerYear: 365 });
    expect(engine.ok).toBe(true);
    expect(view.metrics!.returns).toBe(30);
    expect(view.metrics!.sharpeRatio).toBe(engine.ok ? engine.value : null);
    expect(view.metrics!.twr).toBeCloseTo(returns.reduce((g, r) => g * (1 + r), 1) - 1, 12);
  });

  it("the demo's fills give round trips by strategy, and nothing unexplained: every left-out symbol has a reason", async () => {
    const range = parsePerformanceRange(new URLSearchParams("range=all"), { now: NOW, timeZone: "UTC" });
    if (!range.success) throw range.error;
    const { trades } = await loadPerformanceSummary(h.db, { ownerId, baseCurrency: "USD", timeZone: "UTC", range: range.data });
    expect(trades.fillsInRange).toBeGreaterThan(0);
    expect(trades.byStrategy.length).toBeGreaterThan(0);
    for (const u of trades.unpricedSymbols) expect(u.reason).not.toBe("");
  });
});
