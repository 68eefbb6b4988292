import { describe, expect, it } from "vitest";
import { settingsChangeNotice } from "./change-notice";

const formatDate = (iso: string) => iso.slice(0, 10);
const usd = { currency: "USD", from: "2026-09-03T10:00:00Z", to: "2026-12-06T09:00:00Z" };
const eur = { currency: "EUR", from: "2026-01-03T10:00:00Z", to: "2026-03-02T09:00:00Z" };
const current = { baseCurrency: "USD", timeZone: "UTC" };

describe("settingsChangeNotice", () => {
  it("says nothing when nothing changes", () => {
    expect(settingsChangeNotice({ current, next: current, history: [usd], formatDate })).toEqual([]);
  });

  it("USD → EUR: the USD history is kept, not shown, and a resync brings EUR values", () => {
    const lines = settingsChangeNotice({ current, next: { ...current, baseCurrency: "EUR" }, history: [usd], formatDate });
    expect(lines).toEqual([
      "History valued in USD (since 2026-09-03) is kept but is not shown while the base currency is EUR; switch back to USD to see it again. Nothing is converted.",
      "The equity chart starts again from the first snapshot valued in EUR.",
      "Saving resyncs every connection, so the overview shows EUR values after that sync. An asset no price reaches in EUR is listed as unpriced and left out of the totals.",
    ]);
  });

  it("back to a currency with history: that history is shown again", () => {
    const lines = settingsChangeNotice({ current, next: { ...current, baseCurrency: "EUR" }, history: [eur, usd], formatDate });
    expect(lines[1]).toBe("History already valued in EUR (2026-01-03 – 2026-03-02) is shown again.");
  });

  it("a new zone: daily and weekly buckets are rebuilt, closed days stay", () => {
    expect(settingsChangeNotice({ current, next: { ...current, timeZone: "Asia/Kolkata" }, history: [usd], formatDate })).toEqual([
      "Daily and weekly chart buckets will start at midnight in Asia/Kolkata; they are rebuilt from the snapshots when you save. Days already closed keep their end-of-day values; from then on each day closes at midnight in Asia/Kolkata.",
    ]);
  });
});
