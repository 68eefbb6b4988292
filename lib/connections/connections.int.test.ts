import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { parseSettings } from "@/lib/connectors/settings";
import { MarketCache } from "@/lib/connectors/ccxt/markets";
import { ConnectorError } from "@/lib/connectors/errors";
import { openCredentials } from "@/lib/connectors/http/credentials";
import { okxConfigSchema, okxCredentialsSchema } from "@/lib/connectors/okx/config";
import { FakeOkx, OKX_TEST_CREDENTIALS, okxFixture } from "@/lib/connectors/okx/fake-okx";
import { OkxConnector } from "@/lib/connectors/okx";
import { addConnection } from "./add-connection";
import type { ConnectorBuilder } from "./input";
import { testConnectionCredentials, testStoredConnection } from "./test-connection";

const key = randomBytes(32);
const now = () => new Date("2026-11-20T10:00:00Z");
let h: DbHandle;
let fake: FakeOkx;
let ownerId: string;

const build: ConnectorBuilder = (conn, ctx) =>
  new OkxConnector({
    credentials: openCredentials("okx", okxCredentialsSchema, conn.credentialsEncrypted, key),
    config: parseSettings("okx", okxConfigSchema, conn.config),
    now: ctx.now,
    fetchImplementation: fake.fetch,
    enableRateLimit: false,
    marketCache: new MarketCache(),
  });
const deps = { buildConnector: build, credentialsKey: key, now };

async function failureOf(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

beforeAll(async () => {
  h = await openTestDb();
  fake = await FakeOkx.start({ now: () => now().getTime() });
  ownerId = (await ensurePersonalWorkspace(h.db)).id;
});
afterAll(async () => {
  await fake?.close();
  await h?.close();
});

describe("connecting a venue", () => {
  it("tests credentials before saving, returning accounts and permissions only", async () => {
    const check = await testConnectionCredentials({ provider: "okx", credentials: { ...OKX_TEST_CREDENTIALS } }, deps);
    expect(check).toEqual({
      permissions: ["read"],
      accounts: [
        { accountUid: "trading", name: "OKX Trading account", venue: "okx", kind: "margin" },
        { accountUid: "funding", name: "OKX Funding account", venue: "okx", kind: "funding" },
      ],
    });
    expect(await h.db.select().from(connections)).toEqual([]);
  });

  it("rejects malformed input by field name, never echoing a value", async () => {
    const secret = "super-secret-value-123";
    const badProvider = await failureOf(addConnection(h.db, { ownerId, provider: "kraken" as "okx", label: "x", credentials: { secret } }, deps));
    expect(badProvider.kind).toBe("invalid_request");
    expect(badProvider.message).toContain("provider");
    const noLabel = await failureOf(addConnection(h.db, { ownerId, provider: "okx", label: "  ", credentials: { ...OKX_TEST_CREDENTIALS } }, deps));
    expect(noLabel.message).toContain("label");
    const notText = await failureOf(
      testConnectionCredentials({ provider: "okx", credentials: { apiKey: secret, secret: 12 as unknown as string } }, deps),
    );
    expect(notText.message).toContain("credentials.secret");
    const missing = await failureOf(testConnectionCredentials({ provider: "okx", credentials: { apiKey: secret, secret } }, deps));
    expect(missing.message).toContain("passphrase");
    for (const e of [badProvider, noLabel, notText, missing]) expect(e.message).not.toContain(secret);
    expect(await h.db.select().from(connections)).toEqual([]);
  });

  it("refuses a trading key at test and at add, storing nothing", async () => {
    fake.state.accountConfig = (okxFixture("account-config-trading.json") as { data: Array<Record<string, unknown>> }).data;
    const e = await failureOf(addConnection(h.db, { ownerId, provider: "okx", label: "bot", credentials: { ...OKX_TEST_CREDENTIALS } }, deps));
    expect(e.kind).toBe("permission");
    expect(await h.db.select().from(connections)).toEqual([]);
    // The explicit override, stored on the connection.
    const added = await addConnection(
      h.db,
      { ownerId, provider: "okx", label: "bot", credentials: { ...OKX_TEST_CREDENTIALS }, config: { allowTradingKeys: true } },
      deps,
    );
    expect(added.permissions).toEqual(["read", "trade", "withdraw"]);
    const [row] = await h.db.select().from(connections);
    expect(row!.config).toEqual({ allowTradingKeys: true });
  });

  it("re-tests a stored connection with its sealed credentials", async () => {
    const [row] = await h.db.select().from(connections);
    const check = await testStoredConnection(h.db, { ownerId, connectionId: row!.id }, { buildConnector: build, now });
    expect(check.permissions).toEqual(["read", "trade", "withdraw"]);
  });
});
