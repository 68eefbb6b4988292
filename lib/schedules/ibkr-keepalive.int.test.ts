import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { ensurePersonalWorkspace } from "@/db/queries/workspaces";
import { connections } from "@/db/schema";
import { openTestDb } from "@/db/testing";
import { withTestCredentialsKey } from "@/lib/connectors/http/test-support";
import { FAKE_IBKR, startFakeIbkr, type FakeIbkr } from "@/lib/connectors/ibkr/testing/fake-ibkr";
import { encryptCredentials } from "@/lib/security/credentials";
import { keepIbkrGatewaysAlive } from "./ibkr-keepalive";

withTestCredentialsKey();

let fake: FakeIbkr;
let h: DbHandle;
const NOW = new Date("2026-03-02T12:00:00Z");

beforeAll(async () => {
  fake = await startFakeIbkr();
  h = await openTestDb();
  const ownerId = (await ensurePersonalWorkspace(h.db)).id;
  const credentialsEncrypted = encryptCredentials({ flexToken: FAKE_IBKR.token });
  const flex = { flexQueryId: FAKE_IBKR.queryId, flexBaseUrl: fake.flexBaseUrl };
  await h.db.insert(connections).values([
    { ownerId, provider: "ibkr", label: "with gateway", credentialsEncrypted, config: { ...flex, gatewayUrl: fake.gatewayUrl } },
    { ownerId, provider: "ibkr", label: "Flex only", credentialsEncrypted, config: flex },
    { ownerId, provider: "ibkr", label: "paused, with gateway", status: "paused", credentialsEncrypted, config: { ...flex, gatewayUrl: fake.gatewayUrl } },
    { ownerId, provider: "demo", label: "not IBKR", config: { seed: "x", gatewayUrl: fake.gatewayUrl } },
  ]);
});
afterAll(async () => {
  await h?.close();
  await fake?.close();
});
beforeEach(() => {
  fake.received.length = 0;
  fake.gateway.loggedIn = true;
});

const tickles = () => fake.received.filter((r) => r.method === "POST" && r.path === "/v1/api/tickle").length;

describe("keepIbkrGatewaysAlive", () => {
  it("tickles the gateway of each active IBKR connection that has one, and nothing else", async () => {
    expect(await keepIbkrGatewaysAlive(h.db, { now: NOW })).toEqual({ gateways: 1, authenticated: 1, failed: 0 });
    expect(tickles()).toBe(1);
    // The Flex Web Service is not touched: keeping a session alive must not spend statement quota.
    expect(fake.received.filter((r) => r.path.includes("FlexWebService"))).toEqual([]);
  });

  it("counts a gateway nobody is logged into as failed, without throwing", async () => {
    fake.gateway.loggedIn = false;
    expect(await keepIbkrGatewaysAlive(h.db, { now: NOW })).toEqual({ gateways: 1, authenticated: 0, failed: 1 });
    expect(tickles()).toBe(1);
  });
});
