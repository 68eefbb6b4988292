// The workspace settings action through its guard: who may save, what a refusal says, and
// that it only ever touches the caller's active workspace.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getRiskFreeRate, getWorkspaceSettings } from "@/db/queries/workspaces";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
const save = async (cookie: string, input: unknown) => {
  currentCookie = cookie;
  const { updateWorkspaceSettings } = await import("./workspace-settings");
  return updateWorkspaceSettings(input as Parameters<typeof updateWorkspaceSettings>[0]);
};
const settingsOf = (ownerId: string) => getWorkspaceSettings(w.handle.db, { ownerId });

beforeAll(async () => {
  w = await openAccessWorld();
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

describe("updateWorkspaceSettings", () => {
  it("an admin changes the time zone: saved, 1d/1w rebuilt, no resync", async () => {
    const res = await save(w.cookie.admin, { baseCurrency: "USD", timeZone: "Asia/Kathmandu" });
    expect(res.serverError).toBeUndefined();
    expect(res.data).toMatchObject({ baseCurrency: "USD", timeZone: "Asia/Kathmandu", currencyChanged: false, timeZoneChanged: true, resync: null });
    expect(await settingsOf(w.personal.id)).toEqual({ baseCurrency: "USD", timeZone: "Asia/Kathmandu" });
  });

  it("a member is refused (403, naming admin) and nothing changes", async () => {
    const res = await save(w.cookie.member, { baseCurrency: "EUR", timeZone: "UTC" });
    expect(res.serverError).toEqual({ status: 403, message: "This needs the admin role or higher; your role in Personal is member" });
    expect(await settingsOf(w.personal.id)).toEqual({ baseCurrency: "USD", timeZone: "Asia/Kathmandu" });
  });

  it("bad input is refused field by field, and nothing is saved", async () => {
    const res = await save(w.cookie.owner, { baseCurrency: "XAF", timeZone: "Europe/Atlantis" });
    expect(res.data).toBeUndefined();
    expect(res.validationErrors).toMatchObject({
      baseCurrency: { _errors: ["Base currency: choose one from the list"] },
      timeZone: { _errors: ["Time zone: choose an IANA zone from the list, such as Europe/London or UTC"] },
    });
    expect(await settingsOf(w.personal.id)).toEqual({ baseCurrency: "USD", timeZone: "Asia/Kathmandu" });
  });

  it("another workspace's owner changes only their own workspace: EUR there, Personal untouched, their connection resynced", async () => {
    const res = await save(w.cookie.outsider, { baseCurrency: "EUR", timeZone: "Europe/Berlin" });
    expect(res.data).toMatchObject({ currencyChanged: true, resync: "Started a resync of 1 connection" });
    expect(await settingsOf(w.other.id)).toEqual({ baseCurrency: "EUR", timeZone: "Europe/Berlin" });
    expect(await settingsOf(w.personal.id)).toEqual({ baseCurrency: "USD", timeZone: "Asia/Kathmandu" });
  });

  it("an admin sets the risk-free rate in percent: 4.35 % is stored as the fraction 0.0435 exactly, nothing rebuilt or resynced", async () => {
    const res = await save(w.cookie.admin, { baseCurrency: "USD", timeZone: "Asia/Kathmandu", riskFreeRatePercent: "4.35" });
    expect(res.data).toMatchObject({ riskFreeRate: "0.0435", riskFreeRateChanged: true, currencyChanged: false, timeZoneChanged: false, rollupsRebuilt: 0, resync: null });
    expect(await getRiskFreeRate(w.handle.db, { ownerId: w.personal.id })).toBe("0.0435");
    // The other workspace keeps its own (default) rate.
    expect(await getRiskFreeRate(w.handle.db, { ownerId: w.other.id })).toBe("0");
  });

  it("a rate outside −5 %..25 % (45 typed for 4.5) or not a number is refused, naming the field, and the stored rate stays", async () => {
    for (const typed of ["45", "-5.01", "4,5", "abc", ""]) {
      const res = await save(w.cookie.admin, { baseCurrency: "USD", timeZone: "Asia/Kathmandu", riskFreeRatePercent: typed });
      expect(res.data).toBeUndefined();
      expect(res.validationErrors).toMatchObject({ riskFreeRatePercent: { _errors: ["Risk-free rate: a percentage a year from -5 to 25, such as 4.5"] } });
    }
    expect(await getRiskFreeRate(w.handle.db, { ownerId: w.personal.id })).toBe("0.0435");
  });

  it("a member cannot set the rate (403)", async () => {
    const res = await save(w.cookie.member, { baseCurrency: "USD", timeZone: "Asia/Kathmandu", riskFreeRatePercent: "1" });
    expect(res.serverError).toMatchObject({ status: 403 });
    expect(await getRiskFreeRate(w.handle.db, { ownerId: w.personal.id })).toBe("0.0435");
  });
});
