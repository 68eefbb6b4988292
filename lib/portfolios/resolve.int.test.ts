import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConnection } from "@/db/queries/connections";
import { NotFoundError } from "@/db/queries/not-found";
import { createWorkspace, ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections, portfolios, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { createManualGroup } from "./manual-groups";
import { PortfolioParamError, resolvePortfolio, resolvePortfolioParam, WORKSPACE_LABEL } from "./resolve";

let h: DbHandle;
let ownerId: string;
let otherId: string;
const ids = {} as Record<"desk" | "bots" | "gone" | "theirs" | "fund" | "theirFund" | "group" | "a1" | "a2" | "b1" | "g1" | "t1", string>;

async function account(owner: string, connectionId: string, uid: string, portfolioId: string | null = null) {
  const [row] = await h.db
    .insert(tradingAccounts)
    .values({ ownerId: owner, connectionId, accountUid: uid, name: uid, venue: "demo", kind: "spot", portfolioId })
    .returning({ id: tradingAccounts.id });
  return row!.id;
}

async function fund(owner: string, connectionId: string, name: string) {
  const [row] = await h.db
    .insert(portfolios)
    .values({ ownerId: owner, connectionId, name, alias: null, dataSource: "1token", externalId: `fund/${name}`, baseCurrency: "USDT" })
    .returning({ id: portfolios.id });
  return row!.id;
}

beforeAll(async () => {
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
  otherId = (await createWorkspace(h.db, { name: "Other", slug: "other" })).id;
  ids.desk = (await createConnection(h.db, { ownerId, provider: "demo", label: "1Token desk", config: { seed: "desk" } })).id;
  ids.bots = (await createConnection(h.db, { ownerId, provider: "demo", label: "Bots", config: { seed: "bots" } })).id;
  ids.gone = (await createConnection(h.db, { ownerId, provider: "demo", label: "Gone", config: { seed: "gone" } })).id;
  ids.theirs = (await createConnection(h.db, { ownerId: otherId, provider: "demo", label: "Theirs", config: { seed: "theirs" } })).id;
  ids.fund = await fund(ownerId, ids.desk, "Alpha");
  ids.theirFund = await fund(otherId, ids.theirs, "Alpha");
  ids.a1 = await account(ownerId, ids.desk, "a1", ids.fund);
  ids.a2 = await account(ownerId, ids.desk, "a2");
  ids.b1 = await account(ownerId, ids.bots, "b1");
  ids.g1 = await account(ownerId, ids.gone, "g1", ids.fund);
  ids.t1 = await account(otherId, ids.theirs, "t1", ids.theirFund);
  await h.db.update(connections).set({ deletedAt: new Date("2026-11-01T00:00:00Z") }).where(eq(connections.id, ids.gone));
  ids.group = (await createManualGroup(h.db, { ownerId, baseCurrency: "USD", name: "Desk and bots", accountIds: [ids.a2, ids.b1] })).id;
});
afterAll(async () => h?.close());

describe("resolvePortfolio", () => {
  it("the whole workspace: nothing filtered (null accounts and connections)", async () => {
    const r = await resolvePortfolio(h.db, { ownerId, selection: { kind: "workspace" } });
    expect(r).toMatchObject({ key: "all", kind: "workspace", label: WORKSPACE_LABEL, accountIds: null, connectionIds: null, partialConnections: [] });
  });

  it("a connection: its accounts, the connection whole, labelled with its name", async () => {
    const r = await resolvePortfolio(h.db, { ownerId, selection: { kind: "connection", connectionId: ids.desk } });
    expect(r).toMatchObject({ key: `connection:${ids.desk}`, kind: "connection", label: "1Token desk", connectionIds: [ids.desk], partialConnections: [] });
    expect(r.accountIds).toEqual([ids.a1, ids.a2].sort());
  });

  it("a 1Token fund: the accounts whose portfolio_id names it, live connections only; the desk connection is only part-selected", async () => {
    const r = await resolvePortfolio(h.db, { ownerId, selection: { kind: "portfolio", portfolioId: ids.fund } });
    expect(r).toMatchObject({ key: `portfolio:${ids.fund}`, kind: "fund", label: "Alpha", accountIds: [ids.a1], connectionIds: [] });
    expect(r.partialConnections).toEqual([{ id: ids.desk, label: "1Token desk" }]);
  });

  it("a manual group: its linked accounts; Bots is whole (its one account), the desk only in part", async () => {
    const r = await resolvePortfolio(h.db, { ownerId, selection: { kind: "portfolio", portfolioId: ids.group } });
    expect(r).toMatchObject({ kind: "manual", label: "Desk and bots", connectionIds: [ids.bots], partialConnections: [{ id: ids.desk, label: "1Token desk" }] });
    expect(r.accountIds).toEqual([ids.a2, ids.b1].sort());
  });

  it("an unknown id, a deleted connection and another workspace's connection or fund are all 404 (NotFoundError)", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const selection of [
      { kind: "connection", connectionId: unknown },
      { kind: "portfolio", portfolioId: unknown },
      { kind: "connection", connectionId: ids.gone },
      { kind: "connection", connectionId: ids.theirs },
      { kind: "portfolio", portfolioId: ids.theirFund },
    ] as const) {
      await expect(resolvePortfolio(h.db, { ownerId, selection })).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("resolvePortfolioParam", () => {
  it("no parameter or 'all' is the workspace; a bad shape is refused naming the parameter", async () => {
    expect((await resolvePortfolioParam(h.db, { ownerId, value: undefined })).kind).toBe("workspace");
    expect((await resolvePortfolioParam(h.db, { ownerId, value: "all" })).kind).toBe("workspace");
    expect((await resolvePortfolioParam(h.db, { ownerId, value: `connection:${ids.bots}` })).accountIds).toEqual([ids.b1]);
    await expect(resolvePortfolioParam(h.db, { ownerId, value: "fund:xyz" })).rejects.toThrow(PortfolioParamError);
    await expect(resolvePortfolioParam(h.db, { ownerId, value: "fund:xyz" })).rejects.toThrow(/^portfolio: /);
  });
});
