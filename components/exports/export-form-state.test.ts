import { describe, expect, it } from "vitest";
import { exportFormState, exportPath } from "./export-form-state";

const defaults = { defaultRange: { from: "2026-11-08", to: "2026-12-07" }, forward: ["symbol", "status"] };

describe("exportFormState", () => {
  it("takes the page's range and the filters it names from the URL, never the table's own keys", () => {
    const s = exportFormState(new URLSearchParams("from=2026-11-01&to=2026-11-30&symbol=BTC%2FUSDT&status=&cursor=abc&sort=placedAt.asc&limit=50"), defaults);
    expect(s).toEqual({ from: "2026-11-01", to: "2026-11-30", hidden: [["symbol", "BTC/USDT"]] });
  });
  it("falls back to the default range when the URL has none, or not as days", () => {
    expect(exportFormState(new URLSearchParams("to=soon"), defaults)).toEqual({ from: "2026-11-08", to: "2026-12-07", hidden: [] });
  });
  it("downloads from the dataset's route", () => {
    expect(exportPath("order-events")).toBe("/api/exports/order-events");
  });
});
