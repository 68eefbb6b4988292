import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { balances, connections, portfolioSnapshots, tradingAccounts } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { addConnection } from "@/lib/connections/add-connection";
import { syncConnection } from "@/lib/sync/sync-connection";
import { withTestCredentialsKey } from "../http/test-support";
import { FAKE_OKX_WEB3, type FakeOkxWeb3, startFakeOkxWeb3 } from "./testing/fake-okx-web3";

withTestCredentialsKey();

const at = new Date("2026-11-20T10:00:00Z");
let fake: FakeOkxWeb3;
let h: DbHandle;
let ownerId: string;
let connectionId: string;

beforeAll(async () => {
  fake = await startFakeOkxWeb3({ now: () => at });
  h = await openTestDb();
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});

describe("OKX Web3 through lib: add the connection, then sync end to end", () => {
  it("adding a connection tests the key with a signed call and stores the credentials sealed", async () => {
    const added = await addConnection(
      h.db,
      {
        ownerId,
        label: "Wallets",
        provider: "okx_web3",
        credentials: { apiKey: FAKE_OKX_WEB3.apiKey, secretKey: FAKE_OKX_WEB3.secretKey, passphrase: FAKE_OKX_WEB3.passphrase },
        config: {
          baseUrl: fake.baseUrl,
          wallets: [
            { address: FAKE_OKX_WEB3.evm, chains: ["1", "42161"], label: "Treasury" },
            { address: FAKE_OKX_WEB3.solana, chains: ["501"] },
          ],
        },
      },
      { now: () => at },
    );
    connectionId = added.id;
    expect(added.accounts.map((a) => a.accountUid)).toEqual([
      `1:${FAKE_OKX_WEB3.evm.toLowerCase()}`,
      `42161:${FAKE_OKX_WEB3.evm.toLowerCase()}`,
      `501:${FAKE_OKX_WEB3.solana}`,
    ]);
    const [row] = await h.db.select().from(connections).where(eq(connections.id, connectionId));
    expect(row!.credentialsEncrypted).toMatch(/^v1\./);
    expect(row!.credentialsEncrypted).not.toContain(FAKE_OKX_WEB3.secretKey);
  });

  it("writes the wallet accounts, token balances and a fully priced snapshot", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at });
    expect(r.counts).toMatchObject({ accounts: 3, balances: 9, positions: 0, ordersNew: 0, fills: 0, snapshots: 1 });

    const accounts = await h.db.select().from(tradingAccounts).where(eq(tradingAccounts.connectionId, connectionId)).orderBy(asc(tradingAccounts.name));
    expect(accounts.map((a) => [a.name, a.kind, a.alias, a.balanceUsd])).toEqual([
      [`Arbitrum One ${FAKE_OKX_WEB3.evm.toLowerCase()}`, "wallet", "Treasury", "1015.129025"],
      [`Ethereum ${FAKE_OKX_WEB3.evm.toLowerCase()}`, "wallet", "Treasury", "9934.8299509999"],
      [`Solana ${FAKE_OKX_WEB3.solana}`, "wallet", null, "2510"],
    ]);
    const eth = await h.db.select().from(balances).where(eq(balances.asset, "ETH"));
    expect(eth.map((b) => b.total).sort()).toEqual(["0.25", "1.5"]);

    const [snap] = await h.db.select().from(portfolioSnapshots).where(eq(portfolioSnapshots.connectionId, connectionId));
    expect(snap).toMatchObject({ equity: "12767.6039759999", unpricedAssets: [] });
  });

  it("re-running at the same instant adds no snapshot", async () => {
    const r = await syncConnection(h.db, { ownerId, connectionId, trigger: "manual", now: () => at });
    expect(r.counts.snapshots).toBe(0);
  });
});
