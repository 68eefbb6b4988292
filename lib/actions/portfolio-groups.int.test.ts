// The manual-group actions through the real action client (session cookie, role, workspace
// scope). The 401, the viewer's 403 and the other workspace's 404 of each are also in
// lib/access/entry-points.int.test.ts.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { portfolioAccounts, portfolios, tradingAccounts } from "@/db/schema";
import { openAccessWorld, waitForOpenBatches, type AccessWorld } from "@/lib/access/test-support";
import { createPortfolioGroup, deletePortfolioGroup, updatePortfolioGroup } from "./portfolio-groups";

let currentCookie = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers(currentCookie ? { cookie: currentCookie } : {}) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));

let w: AccessWorld;
let second: string;

beforeAll(async () => {
  w = await openAccessWorld();
  const [row] = await w.handle.db
    .insert(tradingAccounts)
    .values({ ownerId: w.personal.id, connectionId: w.personal.connectionId, accountUid: "groups-second", name: "Second", venue: "demo", kind: "spot" })
    .returning({ id: tradingAccounts.id });
  second = row!.id;
});
afterAll(async () => {
  await waitForOpenBatches(w);
  await w?.handle.close();
});

const groups = () =>
  w.handle.db.select({ id: portfolios.id, name: portfolios.name }).from(portfolios).where(and(eq(portfolios.ownerId, w.personal.id), eq(portfolios.dataSource, "manual")));
const links = (portfolioId: string) =>
  w.handle.db.select({ accountId: portfolioAccounts.accountId }).from(portfolioAccounts).where(eq(portfolioAccounts.portfolioId, portfolioId)).then((r) => r.map((x) => x.accountId).sort());

describe("manual portfolio groups", () => {
  let id = "";

  it("a viewer is refused (403) and nothing is saved", async () => {
    currentCookie = w.cookie.viewer;
    const res = await createPortfolioGroup({ name: "Viewer's", accountIds: [w.personal.accountId] });
    expect(res.serverError).toEqual({ status: 403, message: "This needs the member role or higher; your role in Personal is viewer" });
    expect(await groups()).toEqual([]);
  });

  it("a member creates a group of two accounts (duplicates dropped)", async () => {
    currentCookie = w.cookie.member;
    const res = await createPortfolioGroup({ name: "  Core  ", accountIds: [w.personal.accountId, second, second] });
    expect(res.serverError).toBeUndefined();
    id = res.data!.id;
    expect(res.data).toEqual({ id, name: "Core" });
    expect(await links(id)).toEqual([w.personal.accountId, second].sort());
  });

  it("bad input saves nothing: an empty name or no account names the field; a name in use (any case, a fund's too) is refused beside the name", async () => {
    currentCookie = w.cookie.member;
    const empty = await createPortfolioGroup({ name: " ", accountIds: [second] });
    expect(empty.validationErrors?.name?._errors).toEqual(["name: give the group a name"]);
    const none = await createPortfolioGroup({ name: "Nothing", accountIds: [] });
    expect((none.validationErrors?.accountIds as { _errors?: string[] } | undefined)?._errors).toEqual(["accountIds: pick at least one account"]);
    const taken = await createPortfolioGroup({ name: "CORE", accountIds: [second] });
    expect(taken.validationErrors?.name?._errors).toEqual(['name: a portfolio named "CORE" already exists in this workspace']);
    const fundName = await createPortfolioGroup({ name: "access fund", accountIds: [second] });
    expect(fundName.validationErrors?.name?._errors?.[0]).toMatch(/already exists/);
    const theirAccount = await createPortfolioGroup({ name: "Mixed", accountIds: [second, w.other.accountId] });
    expect(theirAccount.serverError).toEqual({ status: 404, message: "account not found" });
    expect((await groups()).map((g) => g.name)).toEqual(["Core"]);
  });

  it("renames it and changes its accounts together; a name clash or another workspace's account saves neither", async () => {
    currentCookie = w.cookie.member;
    await createPortfolioGroup({ name: "Other", accountIds: [second] });
    const clash = await updatePortfolioGroup({ portfolioId: id, name: "other", accountIds: [second] });
    expect(clash.validationErrors?.name?._errors?.[0]).toMatch(/already exists/);
    const theirs = await updatePortfolioGroup({ portfolioId: id, name: "Core book", accountIds: [second, w.other.accountId] });
    expect(theirs.serverError).toEqual({ status: 404, message: "account not found" });
    expect((await groups()).map((g) => g.name).sort()).toEqual(["Core", "Other"]);
    expect(await links(id)).toEqual([w.personal.accountId, second].sort());
    const res = await updatePortfolioGroup({ portfolioId: id, name: "Core book", accountIds: [second] });
    expect(res.data).toEqual({ id, name: "Core book", accountIds: [second] });
    expect((await groups()).map((g) => g.name).sort()).toEqual(["Core book", "Other"]);
    expect(await links(id)).toEqual([second]);
  });

  it("a 1Token fund is no manual group: it cannot be changed or deleted here (404)", async () => {
    currentCookie = w.cookie.owner;
    expect((await updatePortfolioGroup({ portfolioId: w.personal.fundId, name: "Mine now", accountIds: [second] })).serverError).toEqual({ status: 404, message: "portfolio not found" });
    expect((await deletePortfolioGroup({ portfolioId: w.personal.fundId })).serverError).toEqual({ status: 404, message: "portfolio not found" });
  });

  it("deletes it, with its links", async () => {
    currentCookie = w.cookie.member;
    const res = await deletePortfolioGroup({ portfolioId: id });
    expect(res.data).toEqual({ id });
    expect((await groups()).map((g) => g.name)).toEqual(["Other"]);
    expect(await links(id)).toEqual([]);
  });
});
