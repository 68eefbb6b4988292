import { describe, expect, it } from "vitest";
import { amountToString } from "@/lib/money/amount";
import { reconstructHistory } from "@/lib/engines/history";
import { historyWorkload } from "@/lib/engines/history/testing/workload";
import type { HistoryResult } from "@/lib/engines/history";

const holdingsOn = (r: HistoryResult, day: number) =>
  Object.fromEntries(r.assets.map((s) => [s.asset, amountToString(s.quantity[day]!)]).filter(([, q]) => q !== "0"));
const nonZero = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([, q]) => q !== "0"));

describe("reconstructHistory: complete and incomplete histories", () => {
  const { input, holdingsByDay } = historyWorkload({ symbols: 4, days: 120, fills: 600, seed: 7 });

  it("walking back from today's balances gives, every day, the holdings a forward replay from zero gives (120 days, 600 fills, no residual)", () => {
    const r = reconstructHistory(input);
    expect(r.days).toHaveLength(120);
    expect(r.residuals).toEqual([]);
    for (let d = 0; d < 120; d++) expect(holdingsOn(r, d)).toEqual(nonZero(holdingsByDay[d]!));
  });

  it("with the first 30 % of events missing, the present is still right and one opening residual per asset sits at the start", () => {
    const events = [...input.flows!.map((f) => ({ f, at: f.at as number })), ...input.fills!.map((f) => ({ f, at: f.at as number }))].sort((a, b) => a.at - b.at);
    // Cut at the start of the day holding the event 30 % of the way in: every earlier event is missing.
    const firstDay = new Date(events[Math.floor(events.length * 0.3)]!.at).toISOString().slice(0, 10);
    const cut = Date.parse(`${firstDay}T00:00:00Z`);
    const dayIndex = Math.round((cut - Date.parse("2023-01-01T00:00:00Z")) / 86_400_000);
    expect(events.filter((e) => e.at < cut).length).toBeGreaterThanOrEqual(Math.floor(events.length * 0.25));
    const r = reconstructHistory({
      ...input,
      from: firstDay,
      fills: input.fills!.filter((f) => (f.at as number) >= cut),
      flows: input.flows!.filter((f) => (f.at as number) >= cut),
    });
    // Today: exactly the venue's balances.
    expect(holdingsOn(r, r.days.length - 1)).toEqual(nonZero(input.balances));
    // The residuals: what was held before the first kept event, on the first day, and nothing else.
    expect(r.residuals.every((x) => x.kind === "opening" && x.date === firstDay && x.at === "start")).toBe(true);
    expect(Object.fromEntries(r.residuals.map((x) => [x.asset, x.quantity]))).toEqual(nonZero(holdingsByDay[dayIndex - 1]!));
    // Every later day: the complete history's holdings.
    for (let d = 0; d < r.days.length; d++) expect(holdingsOn(r, d)).toEqual(nonZero(holdingsByDay[dayIndex + d]!));
    // A residual is a flow, never performance: the opening holdings enter at the first close.
    expect(amountToString(r.portfolio.residualFlows[0]!)).toBe(amountToString(r.portfolio.cumNetFlows[0]!));
    expect(amountToString(r.portfolio.netFlows[0]!)).toBe("0");
  });

  it("an observed snapshot holding 2 S1 more than the events explain: observed wins, +2 S1 at the opening and −2 S1 the next morning", () => {
    const d = 60;
    const observed = { ...holdingsByDay[d]!, S1: String(Number(holdingsByDay[d]!.S1 ?? "0") + 2) };
    const r = reconstructHistory({ ...input, observed: [{ date: r0Date(d), balances: observed }] });
    expect(r.residuals.map(({ value: _, ...x }) => x)).toEqual([
      { kind: "opening", date: "2023-01-01", asset: "S1", quantity: "2", at: "start" },
      { kind: "unexplained-change", date: r0Date(d + 1), asset: "S1", quantity: "-2", at: "start" },
    ]);
    expect(amountToString(r.assets.find((s) => s.asset === "S1")!.quantity[d]!)).toBe(observed.S1);
    expect(holdingsOn(r, 119)).toEqual(nonZero(input.balances));
  });

  it("a buy of 6 BTC when only 2 are held today and nothing was sold: a negative-balance residual of −4 at the end of the buy's day", () => {
    const r = reconstructHistory({
      baseCurrency: "USD",
      timeZone: "UTC",
      to: "2024-01-03",
      balances: { BTC: "2", USD: "0" },
      fills: [{ at: "2024-01-02T10:00:00Z", base: "BTC", quote: "USD", side: "buy", quantity: "6", price: "1" }],
      flows: [{ at: "2024-01-01T10:00:00Z", asset: "USD", amount: "6" }],
      prices: { BTC: [{ date: "2024-01-01", close: "1" }] },
    });
    expect(r.residuals).toEqual([{ kind: "negative-balance", date: "2024-01-02", asset: "BTC", quantity: "-4", value: "-4", at: "end" }]);
    expect(r.assets.find((s) => s.asset === "BTC")!.quantity.map(amountToString)).toEqual(["0", "2", "2"]);
  });
});

const r0Date = (d: number) => new Date(Date.parse("2023-01-01T00:00:00Z") + d * 86_400_000).toISOString().slice(0, 10);
