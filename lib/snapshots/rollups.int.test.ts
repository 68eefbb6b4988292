import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { equityRollups } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { recordOpenGap } from "@/db/queries/snapshot-gaps";
import { loadEquitySeries } from "@/lib/read-models/dashboard-data";
import { materializeSnapshots } from "./capture";
import { cashSnapshot } from "./test-support";

let h: DbHandle;
let ownerId: string;
let a: string;
let b: string;

/** A snapshot whose equity is simply `usd` dollars of cash. */
const snap = (connectionId: string, at: string, usd: string) => cashSnapshot({ ownerId, connectionId, at, amount: usd });

const hourly = async (bucketStart: string) =>
  (
    await h.db
      .select()
      .from(equityRollups)
      .where(and(eq(equityRollups.ownerId, ownerId), eq(equityRollups.bucket, "1h"), eq(equityRollups.bucketStart, new Date(bucketStart))))
  )[0]?.equity;

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  a = (await createConnection(h.db, { ownerId, provider: "demo", label: "A" })).id;
  b = (await createConnection(h.db, { ownerId, provider: "demo", label: "B" })).id;
});
afterAll(async () => h?.close());

describe("equity roll-ups", () => {
  it("A 100 at 10:00, B 50 at 10:30, A 120 at 11:10 → 10:00 = 150, 11:00 = 170", async () => {
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(a, "2026-11-20T10:00:00Z", "100")]));
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(b, "2026-11-20T10:30:00Z", "50")]));
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(a, "2026-11-20T11:10:00Z", "120")]));
    expect(await hourly("2026-11-20T10:00:00Z")).toBe("150");
    expect(await hourly("2026-11-20T11:00:00Z")).toBe("170");
  });

  it("a late snapshot of B at 11:05 (written after A's 11:10) carries into 11:00: 120 + 55 = 175", async () => {
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(b, "2026-11-20T11:05:00Z", "55")]));
    expect(await hourly("2026-11-20T11:00:00Z")).toBe("175");
    expect(await hourly("2026-11-20T10:00:00Z")).toBe("150");
  });

  it("a five-hour hole shows as a gap (a null point), not a flat line", async () => {
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(a, "2026-11-20T16:20:00Z", "130"), snap(a, "2026-11-20T16:40:00Z", "131")]));
    const series = await loadEquitySeries(h.db, { ownerId, range: "24h", now: new Date("2026-11-20T17:00:00Z"), baseCurrency: "USD", timeZone: "UTC" });
    expect(series.bucket).toBe("15m");
    expect(series.points.map((p) => [p.at.slice(11, 16), p.equity])).toEqual([
      ["10:00", "100"],
      ["10:30", "150"],
      ["11:00", "175"],
      ["11:15", null],
      ["16:15", "185"],
      ["16:30", "186"],
    ]);
  });

  it("B silent 17:50–21:05 (a recorded gap) while A syncs every 15 min: 17:45 = 131 + 60 = 191, then null, then 21:00 = 200 + 61 = 261 — never B carried flat", async () => {
    const times = ["18:00", "18:15", "18:30", "18:45", "19:00", "19:15", "19:30", "19:45", "20:00", "20:15", "20:30", "20:45", "21:00"];
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(b, "2026-11-21T17:50:00Z", "60")]));
    for (const t of times) await h.db.transaction((tx) => materializeSnapshots(tx, [snap(a, `2026-11-21T${t}:00Z`, "200")]));
    await h.db.transaction((tx) => materializeSnapshots(tx, [snap(b, "2026-11-21T21:05:00Z", "61")]));
    await recordOpenGap(h.db, { ownerId, connectionId: b, fromAt: new Date("2026-11-21T17:50:00Z"), toAt: new Date("2026-11-21T21:05:00Z"), detectedAt: new Date("2026-11-21T21:10:00Z") });
    const series = await loadEquitySeries(h.db, { ownerId, range: "24h", now: new Date("2026-11-21T21:10:00Z"), baseCurrency: "USD", timeZone: "UTC" });
    const tail = series.points.filter((p) => p.at >= "2026-11-21T17:45").map((p) => [p.at.slice(11, 16), p.equity]);
    expect(tail).toEqual([
      ["17:45", "191"],
      ["18:00", null],
      ["21:00", "261"],
    ]);
  });
});
