import { describe, expect, it } from "vitest";
import { EXPORT_MAX_DAYS } from "./export-options";
import { parseExportRequest } from "./request";

const TZ = "Asia/Kolkata";
const parse = (dataset: string, query: Record<string, string>) => parseExportRequest(dataset, new URLSearchParams(query), TZ);
const range = { from: "2026-11-01", to: "2026-11-30" };

describe("parseExportRequest", () => {
  it("reads days as local days of the workspace, both ends included, and names the file for them", () => {
    const r = parse("orders", { ...range, format: "csv" });
    expect(r).toMatchObject({ ok: true, value: { dataset: "orders", format: "csv", filename: "venuefolio-orders-2026-11-01_2026-11-30.csv" } });
    if (!r.ok) return;
    expect(r.value.from).toBe("2026-10-31T18:30:00.000Z");
    expect(r.value.to).toBe("2026-11-30T18:30:00.000Z");
  });
  it("reads date-times as exact instants, `to` excluded, CSV by default", () => {
    const r = parse("order-events", { from: "2026-11-01T00:00:00Z", to: "2026-11-01T12:30:00+05:30" });
    expect(r).toMatchObject({ ok: true, value: { format: "csv", filename: "venuefolio-order-events-2026-11-01T000000Z_2026-11-01T070000Z.csv" } });
    if (r.ok) expect(r.value.to).toBe("2026-11-01T12:30:00+05:30");
  });
  it("keeps an instant's microseconds (a JS Date would drop them)", () => {
    expect(parse("fills", { from: "2026-11-01T00:00:00.000001Z", to: "2026-11-01T00:00:00.000002Z" })).toMatchObject({
      ok: true,
      value: { from: "2026-11-01T00:00:00.000001Z", to: "2026-11-01T00:00:00.000002Z" },
    });
  });
  it("takes the /orders filters for orders, order events and fills", () => {
    const r = parse("fills", { ...range, symbol: "BTC/USDT", side: "buy", strategy: "mm", cursor: "ignored" });
    expect(r).toMatchObject({ ok: true, value: { filters: { symbol: "BTC/USDT", side: "buy", strategy: "mm" } } });
  });
  it("takes a bucket for snapshots, 1d by default", () => {
    expect(parse("snapshots", range)).toMatchObject({ ok: true, value: { bucket: "1d" } });
    expect(parse("snapshots", { ...range, bucket: "1h", format: "ndjson" })).toMatchObject({ ok: true, value: { bucket: "1h", filename: "venuefolio-snapshots-2026-11-01_2026-11-30.ndjson" } });
  });
  it.each([
    ["an unknown dataset", "trades", range, "dataset"],
    ["an unknown format", "orders", { ...range, format: "xlsx" }, "format"],
    ["no from", "orders", { to: "2026-11-30" }, "from"],
    ["no to", "orders", { from: "2026-11-01" }, "to"],
    ["a day that is not a calendar day", "orders", { from: "2026-02-30", to: "2026-03-02" }, "from"],
    ["a date-time finer than a microsecond", "orders", { from: "2026-11-01T00:00:00.0000001Z", to: "2026-11-02" }, "from"],
    ["a date-time without an offset", "orders", { from: "2026-11-01T00:00:00", to: "2026-11-02" }, "from"],
    ["a range that ends before it starts", "orders", { from: "2026-11-02", to: "2026-11-01" }, "to"],
    ["an empty instant range", "orders", { from: "2026-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }, "to"],
    ["a range that ends a microsecond before it starts", "orders", { from: "2026-11-01T00:00:00.000002Z", to: "2026-11-01T00:00:00.000001Z" }, "to"],
    ["a filter value not allowed", "orders", { ...range, status: "gone" }, "status"],
    ["a status on fills", "fills", { ...range, status: "filled" }, "status"],
    ["an order filter on cash flows", "cash-flows", { ...range, symbol: "BTC/USDT" }, "symbol"],
    ["a bucket on orders", "orders", { ...range, bucket: "1d" }, "bucket"],
    ["an unknown bucket", "snapshots", { ...range, bucket: "1m" }, "bucket"],
  ])("refuses %s, naming the field", (_, dataset, query, field) => {
    const r = parse(dataset, query);
    expect(r).toMatchObject({ ok: false, fields: [field] });
    if (!r.ok) expect(r.error.startsWith(`${field}: `)).toBe(true);
  });
  it(`allows ${EXPORT_MAX_DAYS} days and refuses one more, stating the limit`, () => {
    expect(parse("orders", { from: "2024-01-01", to: "2024-12-31" }).ok).toBe(true);
    const days = parse("orders", { from: "2024-01-01", to: "2025-01-01" });
    expect(days).toEqual({ ok: false, fields: ["to"], error: `to: the range covers more than ${EXPORT_MAX_DAYS} days (the limit of one export); split it` });
    expect(parse("orders", { from: "2025-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z" }).ok).toBe(true);
    expect(parse("orders", { from: "2025-01-01T00:00:00Z", to: "2026-01-02T00:00:01Z" })).toMatchObject({ ok: false, fields: ["to"] });
  });
});
